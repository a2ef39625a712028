import { accessSync, constants, statSync } from "node:fs";

/** No Chromium to run the browser checks (tools/browser, tools/handouts) with. */
export class ChromiumNotFoundError extends Error {
  override name = "ChromiumNotFoundError";
}

/** Environment variable naming the Chromium (or Chrome) executable to use. */
const CHROMIUM_PATH_ENV_VAR = "CHROMIUM_PATH";

/** Where Chromium is looked for when `CHROMIUM_PATH` is unset, in order. */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] as const;

/**
 * Flags for a headless Chromium that renders and nothing else: no GPU, no sandbox (it runs
 * in containers as root), no background downloads or updates, no first-run UI
 * (docs/arquitetura.md §6). The profile folder is given separately, fresh for each launch.
 */
export const HEADLESS_CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
] as const;

/**
 * The Chromium executable: `CHROMIUM_PATH` when set, else the first of
 * {@link CHROMIUM_CANDIDATES} that exists.
 *
 * @param env The environment to read; defaults to `process.env`.
 * @param isExecutable Tells whether a path is an executable file (tests replace it).
 * @throws {ChromiumNotFoundError} When `CHROMIUM_PATH` names no executable, or no candidate
 *   exists; the message gives the install command.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  isExecutable: (path: string) => boolean = isExecutableFile,
): string {
  const chosen = env[CHROMIUM_PATH_ENV_VAR]?.trim();
  if (chosen !== undefined && chosen !== "") {
    if (isExecutable(chosen)) {
      return chosen;
    }
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH="${chosen}" não é um executável (o arquivo não existe ou não tem permissão de execução). ` +
        `Aponte CHROMIUM_PATH para o Chromium ou o Chrome (por exemplo /usr/bin/chromium) ou remova a variável ` +
        `para procurá-lo em ${CHROMIUM_CANDIDATES.join(", ")}.`,
    );
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => isExecutable(candidate));
  if (found !== undefined) {
    return found;
  }
  throw new ChromiumNotFoundError(
    `Os testes no navegador (figuras das apostilas, JupyterLab) precisam do Chromium, que não foi encontrado (procurei em ${CHROMIUM_CANDIDATES.join(", ")}). ` +
      `Instale-o (Debian/Ubuntu: \`sudo apt-get install chromium\`) ou defina CHROMIUM_PATH com o caminho ` +
      `de um Chromium ou Chrome já instalado.`,
  );
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
