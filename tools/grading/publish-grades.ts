/**
 * Writes what an instructor hands out after grading, from the automatic results: the
 * gradebook (gradebook.csv, with the class columns when a roster, adjustments or a
 * deadline is given), one feedback page per submission, and the Canvas and Moodle
 * imports (canvas.csv, moodle.csv). Every file is written atomically. autograde.ts calls
 * it after running the submissions; `assignments:gradebook` (cli.ts) calls it again on
 * the saved results (automatic-results.ts) when the instructor edits the adjustments.
 */
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { type Notebook, textOf } from "../notebooks/notebook-format";
import { type AutomaticRow, type ClassOptions, type ClassRow, classColumns, classGradebookRows, usesClassOptions } from "./class-gradebook";
import { feedbackHtml } from "./feedback-html";
import { canvasCsv, moodleCsv } from "./gradebook-export";
import { gradebookCsv } from "./gradebook-csv";
import { isGrade, nbgraderOf } from "./nbgrader-cells";
import { hiddenTestLines, releaseCell } from "./release-notebook";
import { type CellScore, gradedCells } from "./score";

/** A graded submission: the automatic scores and what the grader noticed. */
export interface GradedRow extends AutomaticRow {
  scores: CellScore[];
  notes: string[];
}

export interface PublishInput {
  assignment: string;
  /** The instructor's notebook: graded cells, points, hidden tests. */
  source: Notebook;
  rows: readonly GradedRow[];
  outputDir: string;
  classOptions?: ClassOptions;
  /** Feedback shows the hidden tests' source and unfiltered errors (after the deadline). */
  revealHidden?: boolean;
  /** The grade column's name in the LMS exports (default: the assignment's name). */
  lmsColumn?: string;
}

export interface PublishedGrades {
  rows: ClassRow[];
  gradebookFile: string;
  feedbackDir: string;
  canvasFile: string;
  moodleFile: string;
}

/** A student name as a file name (feedback pages). */
function safeFileName(student: string): string {
  return student.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
}

export async function publishGrades(input: PublishInput): Promise<PublishedGrades> {
  const graded = gradedCells(input.source);
  const gradeIds = graded.map((cell) => cell.gradeId);
  const maxPoints = new Map(graded.map((cell) => [cell.gradeId, cell.maxPoints]));
  const visibleSource = new Map<string, string>();
  const fullSource = new Map<string, string>();
  const hiddenLines: string[] = [];
  for (const cell of input.source.cells) {
    const id = nbgraderOf(cell)?.grade_id;
    if (id) {
      visibleSource.set(id, textOf(releaseCell(cell).source));
      fullSource.set(id, textOf(cell.source));
    }
    if (isGrade(cell)) hiddenLines.push(...hiddenTestLines(textOf(cell.source)));
  }
  const classOptions = input.classOptions ?? {};
  const rows = classGradebookRows(input.rows, classOptions, input.assignment, maxPoints);
  const outputDir = path.resolve(input.outputDir);
  const feedbackDir = path.join(outputDir, "feedback");
  const byStudent = new Map(input.rows.map((row) => [row.student, row]));
  for (const row of rows) {
    const automatic = byStudent.get(row.student);
    if (!automatic) continue;
    const scores = automatic.scores.map((score) => ({ ...score, points: row.points[score.gradeId] ?? score.points }));
    await writeFileAtomically(
      path.join(feedbackDir, `${safeFileName(row.student)}.html`),
      feedbackHtml({
        student: row.student, assignment: input.assignment, total: row.total, maxTotal: row.maxTotal, status: row.status,
        reason: row.reason, notes: automatic.notes, scores, visibleSource, hiddenLines,
        adjustments: row.adjustedCells, lateNote: row.late?.note ?? "", revealHidden: input.revealHidden ?? false, fullSource,
      }),
    );
  }
  const gradebookFile = path.join(outputDir, "gradebook.csv");
  await writeFileAtomically(gradebookFile, gradebookCsv(gradeIds, rows, usesClassOptions(classOptions) ? classColumns : []));
  const column = input.lmsColumn ?? input.assignment;
  const canvasFile = path.join(outputDir, "canvas.csv");
  const moodleFile = path.join(outputDir, "moodle.csv");
  await writeFileAtomically(canvasFile, canvasCsv(rows, column));
  await writeFileAtomically(moodleFile, moodleCsv(rows, column));
  return { rows, gradebookFile, feedbackDir, canvasFile, moodleFile };
}
