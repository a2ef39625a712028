/**
 * From the assembled submission (tools/grading/assemble-submission.ts) to the notebook
 * the kernel runs: the grader's guard cells added (tools/grading/grading-guard.ts), and
 * every student cell that steps outside what an answer may do
 * (tools/grading/student-code-rules.ts) never run: a solution cell becomes the empty
 * stub (its tests, and those that depend on it, score 0), a cell the student added is
 * left out. Each such cell is reported, with the line and the construct, so that the
 * gradebook can say `tampering` and the feedback page can say what was refused.
 */
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { isInternalCell, withGradingGuard } from "./grading-guard";
import { isAutogradedTest, isSolution, nbgraderOf } from "./nbgrader-cells";
import { releaseCell } from "./release-notebook";
import { type CodeCell, findForbiddenConstructs } from "./student-code-rules";

export interface TamperFinding {
  /** How the student knows the cell: `resposta "treino"` or `célula adicionada depois de "treino"`. */
  cell: string;
  line: number;
  message: string;
}

export interface CheckedNotebook {
  notebook: Notebook;
  findings: TamperFinding[];
}

function isStudentCell(cell: NotebookCell): boolean {
  return cell.cell_type === "code" && !isInternalCell(cell) && (isSolution(cell) || nbgraderOf(cell) === undefined);
}

function describe(cells: readonly NotebookCell[], index: number): string {
  const id = nbgraderOf(cells[index] as NotebookCell)?.grade_id;
  if (id) return `resposta "${id}"`;
  for (let previous = index - 1; previous >= 0; previous--) {
    const before = nbgraderOf(cells[previous] as NotebookCell)?.grade_id;
    if (before) return `célula adicionada depois de "${before}"`;
  }
  return "célula adicionada no início";
}

export function checkedNotebook(assembled: Notebook, source: Notebook): CheckedNotebook {
  const notebook = withGradingGuard(assembled, source);
  const codeCells: CodeCell[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    codeCells.push({ index, source: textOf(cell.source), student: isStudentCell(cell), internal: isInternalCell(cell), test: isAutogradedTest(cell) });
  });
  const constructs = findForbiddenConstructs(codeCells);
  const findings = constructs.map((construct) => ({ cell: describe(notebook.cells, construct.cellIndex), line: construct.line, message: construct.message }));
  const refused = new Set(constructs.map((construct) => construct.cellIndex));
  const removed = new Set<NotebookCell>();
  for (const index of refused) {
    const cell = notebook.cells[index] as NotebookCell;
    const id = nbgraderOf(cell)?.grade_id;
    const original = id ? source.cells.find((candidate) => nbgraderOf(candidate)?.grade_id === id) : undefined;
    if (original) cell.source = textOf(releaseCell(original).source);
    else removed.add(cell);
  }
  notebook.cells = notebook.cells.filter((cell) => !removed.has(cell));
  notebook.cells.forEach((cell, index) => {
    cell.id = `graded-${index}`;
  });
  return { notebook, findings };
}

/**
 * A run's reason (tools/grading/run_cells.py says "célula N" of the notebook it ran, which
 * has the grader's cells in it) with each cell named as the student knows it.
 */
export function reasonWithCellNames(reason: string, graded: Notebook): string {
  return reason.replace(/célula (\d+)/g, (whole, number: string) => {
    const index = Number(number) - 1;
    const cell = graded.cells[index];
    if (!cell) return whole;
    if (isInternalCell(cell)) return "célula de verificação do corretor";
    return describe(graded.cells, index).replace(/^resposta /, "célula ");
  });
}

/** The gradebook's reason for status `tampering`. */
export function tamperingReason(findings: readonly TamperFinding[]): string {
  const shown = findings.slice(0, 6).map((finding) => `${finding.cell}, linha ${finding.line}: ${finding.message}`);
  const more = findings.length > shown.length ? `; e mais ${findings.length - shown.length}` : "";
  const cells = new Set(findings.map((finding) => finding.cell)).size;
  return (
    `O código da entrega sai do que uma resposta pode fazer (${shown.join("; ")}${more}). ` +
    `${cells === 1 ? "Essa célula não foi executada" : "Essas células não foram executadas"} ` +
    "(uma resposta virou o esboço vazio): os testes que dependem dela valem zero."
  );
}
