/**
 * The course's training speed-ups on the native backend, installed once when the library
 * loads TensorFlow.js (see `../tensorflow-runtime.ts`). Students' code does not change:
 * `model.fit`, `tf.grad` and the optimizers run as before, on faster TensorFlow ops.
 *
 * `REDES_NEURAIS_SEM_ACELERACAO=1` leaves tfjs-node exactly as published (for comparisons:
 * `npm run bench` measures both).
 *
 * 2-D products run on TensorFlow's `MatMul` (`./two-dimensional-matmul.ts`), which TF 2.21
 * makes crash when a signal arrives while it runs; the course's binding defers signals around
 * every TensorFlow call, and tools/setup/native-binding/signals-deferred.test.ts proves it.
 */
import type { TensorFlowModule } from "../load-tensorflow";
import { readEnvFlag } from "../../env-flag";
import { installCompiledTraining } from "../compiled-training/compiled-train-function";
import { installActivationGradients } from "./activation-gradients";
import { installFusedAdam } from "./fused-adam";
import { installFusedDense } from "./fused-dense";
import { installMaxPoolGradient } from "./max-pool-gradient";
import { installSameDtypeCast } from "./same-dtype-cast";
import { installTwoDimensionalMatMul } from "./two-dimensional-matmul";

export const NO_SPEEDUPS_ENV_VAR = "REDES_NEURAIS_SEM_ACELERACAO";

/** The speed-ups, in the order they are installed. */
const SPEEDUPS: ReadonlyArray<{ readonly name: string; readonly install: (tf: TensorFlowModule) => () => void }> = [
  { name: "gradientes de relu/sigmoid/tanh com ReluGrad/SigmoidGrad/TanhGrad", install: installActivationGradients },
  { name: "Adam com ResourceApplyAdam", install: installFusedAdam },
  { name: "gradiente do max pooling no oneDNN", install: installMaxPoolGradient },
  { name: "cast de float32 para float32 sem cópia", install: installSameDtypeCast },
  { name: "produtos de matrizes 2-D com MatMul", install: installTwoDimensionalMatMul },
  { name: "camadas densas numa operação fundida do oneDNN (produto, viés e ativação)", install: installFusedDense },
  { name: "passo de treino do fit numa só função do TensorFlow", install: installCompiledTraining },
];

interface Installation {
  readonly tf: TensorFlowModule;
  undo: Array<() => void>;
}

const slotKey = Symbol.for("@redes-neurais/lib:native-speedups");
type Slot = { [slotKey]?: Installation };

/**
 * Installs the speed-ups when the native backend is the active one and the environment does
 * not turn them off; otherwise installs nothing.
 *
 * @returns The names of what was installed (empty when nothing was).
 */
export function installNativeSpeedups(tf: TensorFlowModule, env: NodeJS.ProcessEnv = process.env): string[] {
  const slot = globalThis as Slot;
  if (slot[slotKey] !== undefined || readEnvFlag(env, NO_SPEEDUPS_ENV_VAR) || tf.getBackend() !== "tensorflow") {
    return installedSpeedups();
  }
  slot[slotKey] = { tf, undo: SPEEDUPS.map((speedup) => speedup.install(tf)) };
  return installedSpeedups();
}

/** The names of the speed-ups in effect (empty on the `cpu` backend or when turned off). */
export function installedSpeedups(): string[] {
  const installation = (globalThis as Slot)[slotKey];
  return installation !== undefined && installation.undo.length > 0 ? SPEEDUPS.map((speedup) => speedup.name) : [];
}

/**
 * Runs `body` with tfjs-node exactly as published, then puts the speed-ups back — for
 * comparing both paths in one process (tests, benchmarks).
 */
export async function withoutNativeSpeedups<T>(body: () => T | Promise<T>): Promise<T> {
  const installation = (globalThis as Slot)[slotKey];
  if (installation === undefined || installation.undo.length === 0) {
    return body();
  }
  for (const undo of [...installation.undo].reverse()) {
    undo();
  }
  installation.undo = [];
  try {
    return await body();
  } finally {
    installation.undo = SPEEDUPS.map((speedup) => speedup.install(installation.tf));
  }
}
