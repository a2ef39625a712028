/**
 * nbgrader's cell metadata (schema 3) and the rules nbgrader itself uses to read it
 * (nbgrader/utils.py: is_grade, is_solution, is_locked, compute_checksum), so that the
 * course's notebooks stay usable by an instructor who runs nbgrader.
 */
import { createHash } from "node:crypto";
import { type NotebookCell, textOf } from "../notebooks/notebook-format";

/** `cell.metadata.nbgrader`, schema 3. */
export interface NbgraderMetadata {
  schema_version: number;
  grade: boolean;
  solution: boolean;
  locked: boolean;
  grade_id: string;
  points?: number;
  task?: boolean;
  checksum?: string;
  cell_type?: string;
}

export const nbgraderSchemaVersion = 3;

/** The nbgrader metadata of a cell, or undefined when it has none. */
export function nbgraderOf(cell: NotebookCell): NbgraderMetadata | undefined {
  const value = cell.metadata?.["nbgrader"];
  return typeof value === "object" && value !== null ? (value as NbgraderMetadata) : undefined;
}

export function isGrade(cell: NotebookCell): boolean {
  return Boolean(nbgraderOf(cell)?.grade);
}

export function isSolution(cell: NotebookCell): boolean {
  return Boolean(nbgraderOf(cell)?.solution);
}

/** nbgrader: solution cells are never locked, grade cells always are, others when marked. */
export function isLocked(cell: NotebookCell): boolean {
  const meta = nbgraderOf(cell);
  if (!meta) return false;
  if (meta.solution) return false;
  if (meta.grade) return true;
  return Boolean(meta.locked);
}

/** An autograded test cell: a graded code cell that is not a solution. */
export function isAutogradedTest(cell: NotebookCell): boolean {
  return cell.cell_type === "code" && isGrade(cell) && !isSolution(cell);
}

/** Python's `str(float(x))` for the numbers points can be: 2 → "2.0", 0.5 → "0.5". */
export function pythonFloatString(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  return String(value);
}

/**
 * The checksum nbgrader records for a cell (md5 of source, cell type, "True"/"False" for
 * grade, solution and locked, the grade id, and the points of a grade cell), computed
 * exactly as nbgrader's `compute_checksum` does.
 */
export function computeChecksum(cell: NotebookCell): string {
  const meta = nbgraderOf(cell);
  if (!meta) throw new Error("computeChecksum: a célula não tem metadados nbgrader");
  const pythonBool = (value: boolean) => (value ? "True" : "False");
  const hash = createHash("md5");
  hash.update(textOf(cell.source), "utf8");
  hash.update(cell.cell_type, "utf8");
  hash.update(pythonBool(isGrade(cell)));
  hash.update(pythonBool(isSolution(cell)));
  hash.update(pythonBool(isLocked(cell)));
  hash.update(meta.grade_id, "utf8");
  if (isGrade(cell)) hash.update(pythonFloatString(Number(meta.points)));
  return hash.digest("hex");
}

/** How a cell is named in messages: `célula 4 ("testes-sigmoide")`. */
export function describeCell(cell: NotebookCell, index: number): string {
  const id = nbgraderOf(cell)?.grade_id;
  const firstLine = textOf(cell.source).split("\n")[0]?.trim().slice(0, 60) ?? "";
  return `célula ${index + 1}${typeof id === "string" && id ? ` ("${id}")` : ""}${firstLine ? ` [${firstLine}]` : ""}`;
}
