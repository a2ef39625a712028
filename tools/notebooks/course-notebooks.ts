/**
 * The course's notebooks: `notebooks/NN_name.ipynb`, in course order (by number).
 */
import { type Dirent, existsSync, readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { paths } from "../project.mjs";
import { readNotebook, textOf, type Notebook } from "./notebook-format";

/** `01_perceptron.ipynb`: two or more digits, an underscore, a name. */
const courseNotebookPattern = /^(\d{2,})_[^/]+\.ipynb$/;

export interface CourseNotebook {
  /** Absolute path. */
  file: string;
  /** File name without `.ipynb`, e.g. `01_perceptron`; the handout is `<name>.html`. */
  name: string;
  /** The number in front of the name. */
  number: number;
  /** The path relative to the project root, for messages (`notebooks/01_perceptron.ipynb`). */
  displayPath: string;
}

/** Thrown when a requested notebook is not one of the course's. */
class UnknownNotebookError extends Error {
  override name = "UnknownNotebookError";
}

export async function listCourseNotebooks(folder: string = paths.notebooks): Promise<CourseNotebook[]> {
  return courseNotebooksAmong(await readdir(folder, { withFileTypes: true }), folder);
}

/** {@link listCourseNotebooks}, synchronously (for test files that declare one test per notebook). */
export function listCourseNotebooksSync(folder: string = paths.notebooks): CourseNotebook[] {
  return courseNotebooksAmong(readdirSync(folder, { withFileTypes: true }), folder);
}

function courseNotebooksAmong(entries: readonly Dirent[], folder: string): CourseNotebook[] {
  const notebooks: CourseNotebook[] = [];
  for (const entry of entries) {
    const match = courseNotebookPattern.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    const file = path.join(folder, entry.name);
    notebooks.push({
      file,
      name: entry.name.replace(/\.ipynb$/, ""),
      number: Number(match[1]),
      displayPath: displayPathOf(file),
    });
  }
  return notebooks.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}

/**
 * The course notebooks a user named (`01_perceptron`, `01_perceptron.ipynb`,
 * `notebooks/01_perceptron.ipynb` or just `01`), in course order; all of them when no
 * name is given. A path to an existing `.ipynb` file outside notebooks/ is taken as it
 * is, after the course's own.
 */
export function selectNotebooks(all: readonly CourseNotebook[], requested: readonly string[]): CourseNotebook[] {
  if (requested.length === 0) return [...all];
  const chosen = new Set<CourseNotebook>();
  const outside: CourseNotebook[] = [];
  for (const request of requested) {
    const file = path.resolve(request);
    if (request.endsWith(".ipynb") && existsSync(file) && path.dirname(file) !== paths.notebooks) {
      const match = courseNotebookPattern.exec(path.basename(file));
      outside.push({ file, name: path.basename(file, ".ipynb"), number: Number(match?.[1] ?? NaN), displayPath: file });
      continue;
    }
    const key = path.basename(request).replace(/\.ipynb$/, "");
    // "5", "05" and "05_treinamento" all name notebooks/05_treinamento.ipynb.
    const number = /^\d+$/.test(key) ? Number(key) : NaN;
    const matches = all.filter(
      (notebook) => notebook.name === key || notebook.name.startsWith(`${key}_`) || notebook.number === number,
    );
    if (matches.length === 0) {
      const known = all.map((notebook) => notebook.name).join(", ") || "(nenhum)";
      throw new UnknownNotebookError(
        `Notebook "${request}" não encontrado em notebooks/: esperava um destes: ${known}. ` +
          "Use o nome do arquivo (com ou sem .ipynb) ou o número dele.",
      );
    }
    for (const match of matches) chosen.add(match);
  }
  return [...all.filter((notebook) => chosen.has(notebook)), ...outside];
}

/** The text of the notebook's first markdown heading, without markdown marks. */
function titleOf(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    for (const line of textOf(cell.source).split("\n")) {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading?.[1]) return plainText(heading[1]);
    }
  }
  return undefined;
}

export async function readTitle(file: string): Promise<string | undefined> {
  return titleOf(await readNotebook(file));
}

function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: keep the text
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2") // emphasis and code
    .trim();
}

export function displayPathOf(file: string): string {
  const relative = path.relative(paths.notebooks, file);
  return relative.startsWith("..") ? file : path.join("notebooks", relative);
}
