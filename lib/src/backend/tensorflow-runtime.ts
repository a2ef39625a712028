import { describeBackend, formatBackendAnnouncement, type BackendInfo } from "./backend-info";
import { readBackendChoice } from "./backend-choice";
import { NATIVE_PACKAGE, loadTensorFlow, type LoadedTensorFlow, type TensorFlowLoaderDeps } from "./load-tensorflow";
import { aliasModuleInRequireCache, tensorFlowConsumerFolders } from "./alias-module";
import { readEnvFlag } from "../env-flag";
import { installNativeSpeedups } from "./speedups/install-speedups";
import { installSingleChannelConvolutionCorrection } from "./corrections/single-channel-convolutions";
import { installTrainingInterrupts } from "../interrupt/install-interrupts";

/** Set to `1` to silence the one-line backend announcement (e.g. for `doctor --json`). */
const QUIET_ENV_VAR = "REDES_NEURAIS_QUIET";

/**
 * Process-wide, so that two copies of the library in one process (src/ and dist/) still
 * share one TensorFlow.js and announce it once.
 */
const runtimeKey = Symbol.for("@redes-neurais/lib:tensorflow-runtime");
type RuntimeSlot = { [runtimeKey]?: LoadedTensorFlow };

/** The real world: Node's `require`, its module cache and stderr. */
const nodeTensorFlowLoaderDeps: TensorFlowLoaderDeps = {
  requireModule: (id) => require(id) as unknown,
  aliasNativePackage: (module) => {
    aliasModuleInRequireCache(NATIVE_PACKAGE, module, tensorFlowConsumerFolders());
  },
  warn: (message) => console.warn(message),
};

/**
 * Loads TensorFlow.js once per process, with the backend chosen by `REDES_NEURAIS_BACKEND`,
 * and announces it on stdout once (unless `REDES_NEURAIS_QUIET=1`). On the native backend it
 * also installs the correction of oneDNN's single-channel convolution gradients
 * (`./corrections/single-channel-convolutions.ts`) and the speed-ups (`./speedups/`).
 *
 * A failed attempt (invalid choice, native backend required but missing) is not cached:
 * every later call throws the same explanation.
 *
 * @param env The environment to read; defaults to `process.env`.
 * @throws {InvalidBackendChoiceError} When `REDES_NEURAIS_BACKEND` is not a known value.
 * @throws {NativeBackendUnavailableError} When the native backend is required and missing.
 */
export function loadTensorFlowOnce(env: NodeJS.ProcessEnv = process.env): LoadedTensorFlow {
  const slot = globalThis as RuntimeSlot;
  const existing = slot[runtimeKey];
  if (existing !== undefined) {
    return existing;
  }
  const loaded = loadTensorFlow(readBackendChoice(env), nodeTensorFlowLoaderDeps);
  slot[runtimeKey] = loaded;
  // A correction, not a speed-up: always on (REDES_NEURAIS_SEM_ACELERACAO does not turn it off).
  installSingleChannelConvolutionCorrection(loaded.tf);
  installNativeSpeedups(loaded.tf, env);
  installTrainingInterrupts(loaded.tf);
  if (!readEnvFlag(env, QUIET_ENV_VAR)) {
    console.log(formatBackendAnnouncement(describeBackend(loaded)));
  }
  return loaded;
}

/**
 * Which TensorFlow.js backend runs, and why (loads TensorFlow.js if needed).
 *
 * @example
 * backendInfo();
 * // { backend: "tensorflow", native: true, tfjsVersion: "4.22.0",
 * //   tensorflowVersion: "2.21.0", requested: "auto", fallbackReason: null }
 * @throws The errors of {@link loadTensorFlowOnce}.
 */
export function backendInfo(): BackendInfo {
  return describeBackend(loadTensorFlowOnce());
}
