/**
 * The student version of an assignment, made as nbgrader's "generate assignment" makes
 * it: solution regions replaced by a TypeScript stub, hidden tests removed, outputs
 * cleared, cells locked (metadata editable/deletable) and checksums recorded.
 */
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { computeChecksum, isGrade, isLocked, isSolution, nbgraderOf } from "./nbgrader-cells";

/** nbgrader's markers, matched as substrings (so `// BEGIN SOLUTION` works). */
const markers = {
  beginSolution: "BEGIN SOLUTION",
  endSolution: "END SOLUTION",
  beginHidden: "BEGIN HIDDEN TESTS",
  endHidden: "END HIDDEN TESTS",
} as const;

/** What replaces a solution (nbgrader's ClearSolutions.code_stub for "typescript"). */
export const typescriptStub = ['// SEU CÓDIGO AQUI', 'throw new Error("não implementado");'];

export class MarkerError extends Error {
  override name = "MarkerError";
}

/**
 * Replaces each `BEGIN SOLUTION … END SOLUTION` region by the stub, indented like the
 * BEGIN line; returns null when the cell has no region.
 */
export function replaceSolutionRegions(source: string, stub: readonly string[] = typescriptStub): string | null {
  const out: string[] = [];
  let inside = false;
  let replaced = false;
  for (const line of source.split("\n")) {
    if (line.includes(markers.beginSolution)) {
      if (inside) throw new MarkerError("BEGIN SOLUTION dentro de outra região de solução (falta END SOLUTION).");
      inside = true;
      replaced = true;
      const indent = /^\s*/.exec(line)?.[0] ?? "";
      for (const stubLine of stub) out.push(indent + stubLine);
    } else if (line.includes(markers.endSolution)) {
      if (!inside) throw new MarkerError("END SOLUTION sem BEGIN SOLUTION antes.");
      inside = false;
    } else if (!inside) {
      out.push(line);
    }
  }
  if (inside) throw new MarkerError("BEGIN SOLUTION sem o END SOLUTION correspondente.");
  return replaced ? out.join("\n") : null;
}

/** Removes the `BEGIN HIDDEN TESTS … END HIDDEN TESTS` lines, markers included. */
export function removeHiddenTests(source: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of source.split("\n")) {
    if (line.includes(markers.beginHidden)) {
      if (inside) throw new MarkerError("BEGIN HIDDEN TESTS dentro de outra região oculta.");
      inside = true;
    } else if (line.includes(markers.endHidden)) {
      if (!inside) throw new MarkerError("END HIDDEN TESTS sem BEGIN HIDDEN TESTS antes.");
      inside = false;
    } else if (!inside) {
      out.push(line);
    }
  }
  if (inside) throw new MarkerError("BEGIN HIDDEN TESTS sem o END HIDDEN TESTS correspondente.");
  return out.join("\n");
}

/** The lines between BEGIN and END HIDDEN TESTS (what students must not see). */
export function hiddenTestLines(source: string): string[] {
  const kept = new Set(removeHiddenTests(source).split("\n"));
  return source.split("\n").filter((line) => !kept.has(line) && !line.includes(markers.beginHidden) && !line.includes(markers.endHidden));
}

/** Problems with the markers of one cell (wrong cell kind, unbalanced). */
export function markerProblems(cell: NotebookCell): string[] {
  const source = textOf(cell.source);
  const problems: string[] = [];
  const hasSolutionMarker = source.includes(markers.beginSolution) || source.includes(markers.endSolution);
  const hasHiddenMarker = source.includes(markers.beginHidden) || source.includes(markers.endHidden);
  if (hasSolutionMarker && !isSolution(cell)) problems.push("tem BEGIN/END SOLUTION mas não é célula de solução (solution: true).");
  if (hasHiddenMarker && !isGrade(cell)) problems.push("tem BEGIN/END HIDDEN TESTS mas não é célula de testes (grade: true).");
  try {
    replaceSolutionRegions(source);
    removeHiddenTests(source);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** The student version of one cell. */
export function releaseCell(cell: NotebookCell): NotebookCell {
  const released: NotebookCell = structuredClone(cell);
  let source = textOf(cell.source);
  if (isSolution(cell) && cell.cell_type === "code") {
    source = replaceSolutionRegions(source) ?? typescriptStub.join("\n");
  }
  if (isGrade(cell)) source = removeHiddenTests(source);
  released.source = source;
  if (released.cell_type === "code") {
    released.outputs = [];
    released.execution_count = null;
  }
  const meta = nbgraderOf(released);
  if (meta) {
    // nbgrader's LockCells: graded and solution cells cannot be deleted, locked ones not edited either.
    released.metadata["deletable"] = false;
    if (isLocked(released)) released.metadata["editable"] = false;
    meta.cell_type = released.cell_type;
    meta.checksum = computeChecksum(released);
  }
  return released;
}

export function releaseNotebook(source: Notebook): Notebook {
  return { ...structuredClone(source), cells: source.cells.map(releaseCell) };
}
