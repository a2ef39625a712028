/**
 * Gradebook files that learning-management systems import:
 *
 * - Canvas (Grades ▸ Import): the columns of Canvas's own gradebook export, `Student, ID,
 *   SIS User ID, SIS Login ID, Section`, then one column named after the assignment;
 *   Canvas matches a row by `ID`, else `SIS User ID`, else `SIS Login ID`. `ID` and `SIS
 *   Login ID` come from the roster's `canvas_id` and `sis_login_id`; `SIS User ID` is the
 *   roster `id` (the student's registration number, as most schools load it in Canvas).
 *   The second line, `Points Possible`, is what Canvas's export carries there.
 * - Moodle (Grades ▸ Import ▸ CSV file): one column per user field (`email`, `idnumber`)
 *   to pick in "Identify user by", the grade column to map to the grade item, and a
 *   `feedback` column that can be mapped to the item's feedback.
 *
 * Students without a submission get 0. Text fields that a spreadsheet would run as a
 * formula (starting with =, +, -, @) are written with a leading apostrophe.
 */
import { type ClassRow, notSubmittedStatus } from "./class-gradebook";
import { csvField } from "./gradebook-csv";

function text(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

function points(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function sorted(rows: readonly ClassRow[]): ClassRow[] {
  return [...rows].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
}

/** The feedback line of one student in the LMS: late note and adjustment comments. */
function lmsFeedback(row: ClassRow): string {
  const parts = [
    row.status === "ok" || row.status === notSubmittedStatus ? "" : `situação: ${row.status}`,
    row.late?.note ?? "",
    ...row.adjustedCells.map((cell) => `${cell.gradeId}: ${cell.comment}`),
  ];
  return parts.filter((part) => part.trim() !== "").join(" | ").replace(/\s+/g, " ");
}

export function canvasCsv(rows: readonly ClassRow[], column: string): string {
  const lines = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column].map(text).join(",")];
  const maxTotal = rows[0]?.maxTotal ?? 0;
  lines.push(["    Points Possible", "", "", "", "", points(maxTotal)].map(csvField).join(","));
  for (const row of sorted(rows)) {
    const student = row.rosterStudent;
    lines.push(
      [text(student?.name || row.student), text(student?.canvasId ?? ""), text(row.student), text(student?.sisLoginId ?? ""), text(student?.section ?? ""), points(row.total)].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

export function moodleCsv(rows: readonly ClassRow[], column: string): string {
  const lines = [["email", "idnumber", "nome", column, "feedback"].map(text).join(",")];
  for (const row of sorted(rows)) {
    const student = row.rosterStudent;
    lines.push([text(student?.email ?? ""), text(row.student), text(student?.name ?? ""), points(row.total), text(lmsFeedback(row))].join(","));
  }
  return lines.join("\n") + "\n";
}
