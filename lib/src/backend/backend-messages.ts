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
