/**
 * Points per graded cell from the run's report. A test cell earns its points when the
 * kernel ran it to the end without an error (execute_reply "ok" and no error output);
 * what it printed on stderr (tfjs and TensorFlow warnings, console.warn) does not count.
 */
import type { Notebook } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { isAutogradedTest, nbgraderOf } from "./nbgrader-cells";
import type { CellsReport, CellStatus } from "./run-cells";

export interface CellScore {
  gradeId: string;
  points: number;
  maxPoints: number;
  status: CellStatus;
  /** The kernel's error text (type errors and exceptions), trimmed. */
  errorText: string;
  /** The cell's position in the graded notebook (from 0). */
  index: number;
}

/** The graded test cells of a notebook, in order: grade_id and points. */
export function gradedCells(notebook: Notebook): { gradeId: string; maxPoints: number; index: number }[] {
  const cells: { gradeId: string; maxPoints: number; index: number }[] = [];
  notebook.cells.forEach((cell, index) => {
    if (!isAutogradedTest(cell)) return;
    const meta = nbgraderOf(cell);
    if (meta) cells.push({ gradeId: meta.grade_id, maxPoints: Number(meta.points ?? 0), index });
  });
  return cells;
}

export function scoreCells(graded: Notebook, report: CellsReport): CellScore[] {
  const byIndex = new Map(report.cells.map((cell) => [cell.index, cell]));
  return gradedCells(graded).map(({ gradeId, maxPoints, index }) => {
    const result = byIndex.get(index);
    const status: CellStatus = result?.status ?? "not-run";
    const empty = textOf(graded.cells[index]?.source ?? "").trim() === "";
    return {
      gradeId,
      maxPoints,
      index,
      status,
      points: status === "ok" && !empty ? maxPoints : 0,
      errorText: result?.errorText ?? "",
    };
  });
}
