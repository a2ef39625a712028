// @ts-check
/**
 * Command-line arguments of `npm run conformance`:
 * `[--backend tensorflow|cpu] [--filter <regex>] [--deviations <file.json>]`.
 * `--deviations` replaces the built-in list of known deviations by a JSON array of
 * `{ spec, cause, onSomeMachines? }` (the command's own tests use it to see it fail).
 */

/**
 * @param {readonly string[]} argv
 * @returns {{ backend: "tensorflow" | "cpu", filter: RegExp | undefined, deviationsFile: string | undefined }}
 * @throws {Error} With a Portuguese message on an unknown or incomplete argument.
 */
export function parseConformanceArgs(argv) {
  /** @type {"tensorflow" | "cpu"} */
  let backend = "tensorflow";
  /** @type {RegExp | undefined} */
  let filter;
  /** @type {string | undefined} */
  let deviationsFile;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = /** @type {[string, string | undefined]} */ (/** @type {unknown} */ (argv[i]?.split(/=(.*)/s, 2)));
    const value = inline ?? argv[++i];
    if (flag === "--backend") {
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
      throw new Error(`argumento desconhecido "${argv[i - (inline === undefined ? 1 : 0)]}"; use [--backend tensorflow|cpu] [--filter <regex>] [--deviations <arquivo.json>]`);
    }
  }
  return { backend, filter, deviationsFile };
}
