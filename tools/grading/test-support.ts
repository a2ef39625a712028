/**
 * Helpers of the grading tests: the shipped assignments, and student notebooks made
 * from the released version (solved from the source, partly solved, tampered with).
 */
import path from "node:path";
import { type Notebook, type NotebookCell, readNotebook, textOf } from "../notebooks/notebook-format";
import { releaseNotebookOf, sourceNotebookOf } from "./assignments";
import { isSolution, nbgraderOf } from "./nbgrader-cells";

export const shippedAssignments = [
  "01_regressao_logistica",
  "02_universalidade_mlp",
  "03_convnet_galaxias",
  "04_transferencia",
  "05_redshift_fotometrico",
  "06_sobreajuste_validacao",
  "07_autoencoder_pca",
] as const;

export async function loadAssignment(name: string): Promise<{ source: Notebook; released: Notebook; sourceFile: string; releasedFile: string }> {
  const sourceFile = sourceNotebookOf(name);
  const releasedFile = releaseNotebookOf(name);
  return { source: await readNotebook(sourceFile), released: await readNotebook(releasedFile), sourceFile, releasedFile };
}

export function cellById(notebook: Notebook, id: string): NotebookCell {
  const cell = notebook.cells.find((candidate) => nbgraderOf(candidate)?.grade_id === id);
  if (!cell) throw new Error(`no cell "${id}" in the notebook`);
  return cell;
}

/** What a student who solved everything hands in: the released notebook, answers typed in. */
export function solvedFromSource(released: Notebook, source: Notebook): Notebook {
  const solved = structuredClone(released);
  for (const cell of solved.cells) {
    if (isSolution(cell)) {
      cell.source = textOf(cellById(source, nbgraderOf(cell)?.grade_id ?? "").source)
        .split("\n")
        .filter((line) => !line.includes("BEGIN SOLUTION") && !line.includes("END SOLUTION"))
        .join("\n");
    }
  }
  return solved;
}

/** Replaces the answer of one solution cell. */
export function withAnswer(notebook: Notebook, id: string, source: string): Notebook {
  const copy = structuredClone(notebook);
  cellById(copy, id).source = source;
  return copy;
}

export function withoutCell(notebook: Notebook, id: string): Notebook {
  const copy = structuredClone(notebook);
  copy.cells = copy.cells.filter((cell) => nbgraderOf(cell)?.grade_id !== id);
  return copy;
}

export const gradingFolder = path.join(path.dirname(new URL(import.meta.url).pathname));
