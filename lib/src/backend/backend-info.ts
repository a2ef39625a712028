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

/**
 * The one line printed when TensorFlow.js is first loaded in a process, e.g.
 * `TensorFlow.js 4.22.0 · backend "tensorflow" (TensorFlow 2.21.0 nativo)`.
 *
 * @param info What runs (see `backendInfo`).
 */
export function formatBackendAnnouncement(info: BackendInfo): string {
  const head = `TensorFlow.js ${info.tfjsVersion} · backend "${info.backend}"`;
  if (info.native) {
    const version = info.tensorflowVersion ?? "versão desconhecida";
    return `${head} (TensorFlow ${version} nativo)`;
  }
  if (info.backend === "cpu") {
    const why =
      info.fallbackReason !== null
        ? "o binding nativo não carregou; veja o aviso (em vermelho, logo acima) e rode `npm run setup`"
        : info.requested === "cpu"
          ? "escolhido por REDES_NEURAIS_BACKEND=cpu"
          : "o backend nativo não está ativo";
    return `${head} (JavaScript puro, muito mais lento que o nativo: ${why})`;
  }
  return `${head} (não nativo)`;
}
