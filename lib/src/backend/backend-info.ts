import type { BackendChoice } from "./backend-choice";
import type { LoadedTensorFlow, TensorFlowModule } from "./load-tensorflow";

/** Which TensorFlow.js backend runs, and why. */
export interface BackendInfo {
  /** The active backend, as `tf.getBackend()` reports it now. */
  backend: "tensorflow" | "cpu" | (string & {});
  /** `true` when the active backend is the native `tensorflow` one. */
  native: boolean;
  /** The TensorFlow.js version, e.g. `4.22.0`. */
  tfjsVersion: string;
  /** The version of the native TensorFlow library (e.g. `2.21.0`), or `null` without the binding. */
  tensorflowVersion: string | null;
  /** What `REDES_NEURAIS_BACKEND` asked for (`auto` when unset). */
  requested: BackendChoice;
  /** Why the native backend was not used although wanted, or `null`. */
  fallbackReason: string | null;
}

/**
 * Describes a loaded TensorFlow.js.
 *
 * @param loaded The result of `loadTensorFlow`.
 */
export function describeBackend(loaded: LoadedTensorFlow): BackendInfo {
  const { tf } = loaded;
  const backend = tf.getBackend();
  return {
    backend,
    native: backend === "tensorflow",
    tfjsVersion: tf.version["tfjs"] ?? tf.version_core,
    tensorflowVersion: nativeTensorFlowVersion(tf),
    requested: loaded.requested,
    fallbackReason: loaded.fallbackReason,
  };
}

/**
 * The native library's version, read from the binding (`TF_Version`) of the registered
 * `tensorflow` backend, even when another backend is active; `null` without the binding.
 */
function nativeTensorFlowVersion(tf: TensorFlowModule): string | null {
  let backend: unknown;
  try {
    backend = tf.findBackend("tensorflow");
  } catch {
    return null;
  }
  const binding = (backend as { binding?: { TF_Version?: unknown } } | null)?.binding;
  return typeof binding?.TF_Version === "string" ? binding.TF_Version : null;
}
