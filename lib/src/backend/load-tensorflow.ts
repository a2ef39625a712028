import type { BackendChoice } from "./backend-choice";
import { BackendSwitchError, NativeBackendUnavailableError } from "./backend-errors";
import { formatFallbackWarning } from "./backend-messages";
import { describeThrown } from "../errors";

/**
 * The TensorFlow.js module as notebooks see it: `@tensorflow/tfjs-node`, which is
 * `@tensorflow/tfjs` plus `tf.node` (TensorBoard, image decoding) and file-system model I/O.
 * After a fallback to the `cpu` backend the object is plain `@tensorflow/tfjs`, without
 * `tf.node`.
 */
export type TensorFlowModule = typeof import("@tensorflow/tfjs-node");

/** The package with the native binding. */
export const NATIVE_PACKAGE = "@tensorflow/tfjs-node";
/** The pure-JavaScript package, used when the native binding cannot load. */
export const PURE_JS_PACKAGE = "@tensorflow/tfjs";

/** What {@link loadTensorFlow} needs from the outside world; tests pass fakes. */
export interface TensorFlowLoaderDeps {
  /** Loads a package by name: Node's `require` in production. */
  requireModule(id: string): unknown;
  /**
   * Makes later `require("@tensorflow/tfjs-node")` calls (danfojs-node makes one when it
   * loads) return `module`, so that danfo and the notebook share one engine.
   */
  aliasNativePackage(module: unknown): void;
  /** Shows the fallback warning: `console.warn` (stderr) in production. */
  warn(message: string): void;
}

/** The outcome of {@link loadTensorFlow}. */
export interface LoadedTensorFlow {
  /** The module to use, with its backend already chosen. */
  readonly tf: TensorFlowModule;
  /** What `REDES_NEURAIS_BACKEND` asked for. */
  readonly requested: BackendChoice;
  /** Why the native backend was not used although it was wanted (`auto`); otherwise `null`. */
  readonly fallbackReason: string | null;
}

/**
 * Loads TensorFlow.js and selects the backend the user asked for, never silently.
 *
 * - `auto`: `@tensorflow/tfjs-node` (native backend `tensorflow`); if its binding does not
 *   load, `@tensorflow/tfjs` on the `cpu` backend, with a warning that says why and how to
 *   fix it.
 * - `tensorflow`: `@tensorflow/tfjs-node` or an error.
 * - `cpu`: the `cpu` backend, switched synchronously (from tfjs-node when its binding loads,
 *   so that `tf.node` stays available; from `@tensorflow/tfjs` otherwise).
 *
 * When `@tensorflow/tfjs` replaces tfjs-node it is also registered under tfjs-node's name
 * (`deps.aliasNativePackage`), so danfojs-node still loads and shares the same engine.
 *
 * References: docs/arquitetura.md §2 (the native build, why it may be missing, danfo).
 *
 * @param requested The user's choice (see `readBackendChoice`).
 * @param deps How to load modules and where to warn.
 * @throws {NativeBackendUnavailableError} When `tensorflow` is required and the binding
 *   does not load.
 * @throws {BackendSwitchError} When TensorFlow.js does not switch to `cpu`.
 */
export function loadTensorFlow(requested: BackendChoice, deps: TensorFlowLoaderDeps): LoadedTensorFlow {
  let native: TensorFlowModule | null = null;
  let loadError: unknown = null;
  try {
    native = deps.requireModule(NATIVE_PACKAGE) as TensorFlowModule;
  } catch (error) {
    loadError = error;
  }

  if (native !== null) {
    if (requested === "cpu") {
      switchToCpu(native);
    }
    return { tf: native, requested, fallbackReason: null };
  }

  const reason = summarizeLoadError(loadError);
  if (requested === "tensorflow") {
    throw new NativeBackendUnavailableError(reason, { cause: loadError });
  }
  const pure = deps.requireModule(PURE_JS_PACKAGE) as TensorFlowModule;
  switchToCpu(pure);
  deps.aliasNativePackage(pure);
  if (requested === "auto") {
    deps.warn(formatFallbackWarning(reason));
    return { tf: pure, requested, fallbackReason: reason };
  }
  return { tf: pure, requested, fallbackReason: null };
}

/**
 * Switches to the `cpu` backend and checks, synchronously, that it took effect:
 * `tf.setBackend` returns a promise, but for `cpu` (synchronous initialisation) the switch
 * is complete when the call returns.
 */
function switchToCpu(tf: TensorFlowModule): void {
  let outcome: Promise<boolean>;
  try {
    outcome = tf.setBackend("cpu");
  } catch (error) {
    throw new BackendSwitchError("cpu", safeBackendName(tf), { cause: error });
  }
  // Success is checked right below; a late rejection must not become an unhandled one.
  outcome.catch(() => undefined);
  const actual = safeBackendName(tf);
  if (actual !== "cpu") {
    throw new BackendSwitchError("cpu", actual);
  }
  silenceCpuBackendBanner(tf);
}

function safeBackendName(tf: TensorFlowModule): string {
  try {
    return tf.getBackend();
  } catch {
    return "(nenhum)";
  }
}

/**
 * The `cpu` backend prints an English "install our node backend" banner on its first
 * tensor in Node. Our own Portuguese warning or announcement already said which backend
 * runs and why, so the banner is turned off through the backend's `firstUse` flag
 * (tfjs-backend-cpu 4.22 internals; ignored if absent).
 */
function silenceCpuBackendBanner(tf: TensorFlowModule): void {
  const cpu = tf.findBackend("cpu") as unknown as { firstUse?: unknown } | null;
  if (cpu !== null && typeof cpu.firstUse === "boolean") {
    cpu.firstUse = false;
  }
}

/**
 * The first line of a load error: tfjs-node appends advice ("npm rebuild ...") that does
 * not apply to this project, whose binding is built by `npm run setup`.
 */
function summarizeLoadError(error: unknown): string {
  const text = describeThrown(error);
  const firstLine = text.split("\n").find((line) => line.trim() !== "");
  return (firstLine ?? text).trim();
}
