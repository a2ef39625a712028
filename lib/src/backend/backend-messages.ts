import type { BackendInfo } from "./backend-info";

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

/**
 * The warning shown when the native backend was wanted but its binding did not load.
 *
 * @param reason The load error's message.
 */
export function formatFallbackWarning(reason: string): string {
  return [
    `Aviso: o backend nativo "tensorflow" não carregou; usando o backend "cpu" (JavaScript puro, dezenas de vezes mais lento).`,
    `Motivo: ${reason}`,
    `Como resolver: na raiz do projeto, rode \`npm run setup\` (compila o binding nativo do TensorFlow.js) ` +
      `e \`npm run doctor\` (diagnostica o que falta). ` +
      `Para falhar em vez de usar o "cpu", defina REDES_NEURAIS_BACKEND=tensorflow.`,
  ].join("\n");
}
