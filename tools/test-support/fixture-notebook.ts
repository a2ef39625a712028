/**
 * Small notebooks that tests write to a temporary folder, to run the tools on.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../project.mjs";
import { courseKernelspec, courseLanguageInfo } from "../notebooks/clean-notebook";
import { type Notebook, serializeNotebook } from "../notebooks/notebook-format";

export type FixtureCell = { markdown: string } | { code: string; tags?: string[] };

export function fixtureNotebook(cells: readonly FixtureCell[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { ...courseKernelspec }, language_info: { ...courseLanguageInfo } },
    cells: cells.map((cell, index) =>
      "code" in cell
        ? {
            cell_type: "code",
            id: `c${index}`,
            metadata: cell.tags ? { tags: cell.tags } : {},
            source: cell.code,
            outputs: [],
            execution_count: null,
          }
        : { cell_type: "markdown", id: `m${index}`, metadata: {}, source: cell.markdown },
    ),
  };
}

/** A fresh temporary folder, removed by the returned `remove`. */
export async function temporaryFolder(prefix: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), `redes-neurais-${prefix}-`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Prefix of {@link projectTemporaryFolder}'s folders, which .gitignore lists. */
const projectTemporaryPrefix = ".test-tmp-";

/**
 * A fresh temporary folder inside the project (`<root>/.test-tmp-<prefix>-XXXXXX`,
 * git-ignored), removed by the returned `remove`: for notebooks that import
 * "@redes-neurais/lib", which resolves only from inside the project (a node_modules
 * symlinked into /tmp makes tslab's type checker report false errors).
 */
export async function projectTemporaryFolder(prefix: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(projectRoot, `${projectTemporaryPrefix}${prefix}-`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

export async function writeFixtureNotebook(folder: string, name: string, cells: readonly FixtureCell[]): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, serializeNotebook(fixtureNotebook(cells)));
  return file;
}
