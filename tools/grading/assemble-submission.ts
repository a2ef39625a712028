/**
 * The notebook that is actually graded for one submission, built as nbgrader's
 * autograde does: every cell the instructor owns (locked cells, test cells — with their
 * hidden tests back in) comes from the SOURCE assignment, whatever the student did to
 * it; only the student's answers (solution cells, matched by grade_id) and the cells the
 * student added are taken from the submission. Deleted cells are put back.
 */
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { isSolution, nbgraderOf } from "./nbgrader-cells";
import { releaseCell } from "./release-notebook";

export interface AssembledSubmission {
  notebook: Notebook;
  /** What was restored or ignored, in Portuguese, for the feedback. */
  notes: string[];
}

function gradeIdOf(cell: NotebookCell): string | undefined {
  const id = nbgraderOf(cell)?.grade_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function cellLike(value: unknown): value is NotebookCell {
  if (typeof value !== "object" || value === null) return false;
  const cell = value as Partial<NotebookCell>;
  return (
    (cell.cell_type === "code" || cell.cell_type === "markdown" || cell.cell_type === "raw") &&
    (typeof cell.source === "string" || (Array.isArray(cell.source) && cell.source.every((line) => typeof line === "string")))
  );
}

function fresh(cell: NotebookCell): NotebookCell {
  const copy = structuredClone(cell);
  if (copy.cell_type === "code") {
    copy.outputs = [];
    copy.execution_count = null;
  }
  return copy;
}

/**
 * @param source the instructor's notebook (with solutions and hidden tests)
 * @param submittedCells the `cells` of the student's notebook (already parsed JSON)
 */
export function assembleSubmission(source: Notebook, submittedCells: readonly unknown[]): AssembledSubmission {
  const notes: string[] = [];
  const sourceById = new Map<string, { cell: NotebookCell; index: number }>();
  source.cells.forEach((cell, index) => {
    const id = gradeIdOf(cell);
    if (id) sourceById.set(id, { cell, index });
  });

  // Walk the submission: known ids are placed by the source, others kept as student cells.
  const placed = new Map<string, NotebookCell>();
  const studentCellsAfter = new Map<string, NotebookCell[]>(); // grade_id of the previous known cell ("" = start)
  let previousId = "";
  let ignored = 0;
  for (const raw of submittedCells) {
    if (!cellLike(raw)) {
      ignored += 1;
      continue;
    }
    const id = gradeIdOf(raw);
    const known = id ? sourceById.get(id) : undefined;
    if (id && known && !placed.has(id)) {
      if (isSolution(known.cell)) {
        // The student's answer, with the source's metadata (a student cannot turn it into a test).
        const answer = fresh(known.cell);
        answer.source = textOf(raw.source);
        placed.set(id, answer);
        if (raw.cell_type !== known.cell.cell_type) notes.push(`A resposta "${id}" mudou de tipo de célula; foi usada como ${known.cell.cell_type}.`);
      } else {
        placed.set(id, fresh(known.cell));
        if (textOf(raw.source) !== textOf(releaseCell(known.cell).source)) {
          notes.push(`A célula "${id}" (somente leitura) foi editada; a versão original foi usada.`);
        }
      }
      previousId = id;
      continue;
    }
    if (id && known) {
      notes.push(`A célula "${id}" aparece mais de uma vez; só a primeira foi usada.`);
      continue;
    }
    if (raw.cell_type !== "code" && raw.cell_type !== "markdown") continue;
    const studentCell: NotebookCell = { cell_type: raw.cell_type, metadata: {}, source: textOf(raw.source) };
    if (raw.cell_type === "code") {
      studentCell.outputs = [];
      studentCell.execution_count = null;
    }
    const list = studentCellsAfter.get(previousId) ?? [];
    list.push(studentCell);
    studentCellsAfter.set(previousId, list);
  }
  if (ignored > 0) notes.push(`${ignored} célula(s) malformada(s) na entrega foram ignoradas.`);

  // Rebuild in the source's order, putting back what was deleted.
  const cells: NotebookCell[] = [...(studentCellsAfter.get("") ?? [])];
  source.cells.forEach((cell, index) => {
    const id = gradeIdOf(cell);
    if (!id) {
      cells.push(fresh(cell)); // an unmarked instructor cell (none in the course's assignments)
      return;
    }
    let chosen = placed.get(id);
    if (!chosen) {
      if (isSolution(cell)) {
        chosen = releaseCell(cell); // the stub: its tests fail, nothing else breaks
        notes.push(`A célula de resposta "${id}" foi apagada; entrou o esboço vazio (os testes dela valem zero).`);
      } else {
        chosen = fresh(cell);
        notes.push(`A célula "${id}" (célula ${index + 1}) foi apagada e foi restaurada do original.`);
      }
    }
    cells.push(chosen);
    cells.push(...(studentCellsAfter.get(id) ?? []));
  });
  cells.forEach((cell, index) => {
    cell.id = `graded-${index}`;
  });
  return { notebook: { ...structuredClone(source), cells }, notes };
}
