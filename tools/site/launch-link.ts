/**
 * The "launch" link of each chapter: where a reader opens the notebook to run it.
 *
 * - `REDES_NEURAIS_LAUNCH_URL`, a URL with `{notebook}` where the notebook's path in the
 *   repository goes (`notebooks/01_perceptron.ipynb`): a JupyterHub, a Binder of a fork…
 *   An empty value turns the link off.
 * - Otherwise, when package.json names a GitHub repository (`"repository"`), Binder:
 *   `https://mybinder.org/v2/gh/<dono>/<repo>/HEAD?labpath=<notebook>`.
 * - Otherwise no link (the page shows none, rather than a broken anchor).
 */

export const LAUNCH_URL_VARIABLE = "REDES_NEURAIS_LAUNCH_URL";
const placeholder = "{notebook}";

/** The launch URL is not usable as given. */
export class LaunchUrlError extends Error {
  override name = "LaunchUrlError";
}

export interface LaunchLink {
  /** `{notebook}` marks where the notebook's path goes. */
  template: string;
  /** Shown on the button: "Binder" or the host of the JupyterHub. */
  label: string;
}

/** The repository field of package.json, in any of npm's forms. */
type RepositoryField = string | { type?: string; url?: string } | undefined;

export function launchLinkFrom(env: NodeJS.ProcessEnv, repository: RepositoryField): LaunchLink | null {
  const configured = env[LAUNCH_URL_VARIABLE];
  if (configured !== undefined) return configured.trim() === "" ? null : checkedTemplate(configured.trim());
  const github = githubRepository(repository);
  if (github === null) return null;
  return { template: `https://mybinder.org/v2/gh/${github}/HEAD?labpath=${placeholder}`, label: "Binder" };
}

/** The link of one notebook (`notebooks/01_perceptron.ipynb`, relative to the repository). */
export function launchUrl(link: LaunchLink, notebookPath: string): string {
  return link.template.split(placeholder).join(encodeURIComponent(notebookPath).replace(/%2F/g, "/"));
}

function checkedTemplate(template: string): LaunchLink {
  let url: URL;
  try {
    url = new URL(template.split(placeholder).join("x"));
  } catch {
    throw new LaunchUrlError(
      `${LAUNCH_URL_VARIABLE} deve ser uma URL http(s) com ${placeholder} onde entra o caminho do notebook; veio "${template}". ` +
        `Exemplo: https://hub.exemplo.edu/hub/user-redirect/lab/tree/redes-neurais/${placeholder}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new LaunchUrlError(`${LAUNCH_URL_VARIABLE} deve começar com https:// ou http://; veio "${template}".`);
  }
  if (!template.includes(placeholder)) {
    throw new LaunchUrlError(
      `${LAUNCH_URL_VARIABLE} não tem ${placeholder}: todos os capítulos abririam a mesma página. Veio "${template}"; ` +
        `ponha ${placeholder} onde entra o caminho do notebook (notebooks/01_perceptron.ipynb).`,
    );
  }
  return { template, label: url.hostname === "mybinder.org" ? "Binder" : url.hostname };
}

/** `dono/repo` of a GitHub repository field, or null. */
function githubRepository(repository: RepositoryField): string | null {
  const url = typeof repository === "string" ? repository : repository?.url;
  if (!url) return null;
  // npm's shorthands: "dono/repo" and "github:dono/repo".
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand?.[1]) return shorthand[1].replace(/\.git$/, "");
  const full = /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url);
  return full?.[1] ?? null;
}
