// @ts-check
/**
 * Command-line arguments of `npm run conformance`:
 * `[--backend tensorflow|cpu] [--com-aceleracoes] [--filter <regex>] [--deviations <file.json>]`.
 * `--com-aceleracoes` runs the native suite with the course library's training speed-ups
 * installed (lib/src/backend/speedups), so tfjs's own specs check the kernels it replaces.
 * `--deviations` replaces the built-in list of known deviations by a JSON array of
 * `{ spec, cause, onSomeMachines? }` (the command's own tests use it to see it fail).
 */

/**
 * @param {readonly string[]} argv
 * @returns {{ backend: "tensorflow" | "cpu", withSpeedups: boolean, filter: RegExp | undefined, deviationsFile: string | undefined }}
 * @throws {Error} With a Portuguese message on an unknown or incomplete argument.
 */
export function parseConformanceArgs(argv) {
  /** @type {"tensorflow" | "cpu"} */
  let backend = "tensorflow";
  /** @type {RegExp | undefined} */
  let filter;
  /** @type {string | undefined} */
  let deviationsFile;
  let withSpeedups = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = /** @type {[string, string | undefined]} */ (/** @type {unknown} */ (argv[i]?.split(/=(.*)/s, 2)));
    const value = inline ?? argv[++i];
    if (flag === "--com-aceleracoes") {
      if (inline !== undefined) throw new Error("--com-aceleracoes não recebe valor (use só --com-aceleracoes)");
      i -= 1; // a flag: nothing was consumed after it
      withSpeedups = true;
    } else if (flag === "--backend") {
      if (value !== "tensorflow" && value !== "cpu") {
        throw new Error(`--backend espera "tensorflow" ou "cpu", recebeu ${value === undefined ? "nada" : `"${value}"`}`);
      }
      backend = value;
    } else if (flag === "--filter") {
      if (value === undefined || value === "") throw new Error("--filter espera uma expressão regular (ex.: --filter round)");
      filter = new RegExp(value);
    } else if (flag === "--deviations") {
      if (value === undefined || value === "") throw new Error("--deviations espera o caminho de um arquivo JSON");
      deviationsFile = value;
    } else {
      throw new Error(`argumento desconhecido "${argv[i - (inline === undefined ? 1 : 0)]}"; use [--backend tensorflow|cpu] [--com-aceleracoes] [--filter <regex>] [--deviations <arquivo.json>]`);
    }
  }
  if (withSpeedups && backend !== "tensorflow") {
    throw new Error("--com-aceleracoes vale só para o backend nativo (as acelerações usam operações do TensorFlow); tire --backend cpu");
  }
  return { backend, withSpeedups, filter, deviationsFile };
}
