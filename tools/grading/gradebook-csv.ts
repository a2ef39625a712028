/**
 * The gradebook: one row per submission (student, assignment, the points of each graded
 * cell, total, maximum, status, reason), sorted by student, RFC 4180 quoting. It holds
 * no times or dates, so grading the same submissions again writes the same file.
 */
export interface GradebookRow {
  student: string;
  assignment: string;
  points: Record<string, number | null>;
  total: number;
  maxTotal: number;
  status: string;
  reason: string;
  /** Values of the extra columns (class-gradebook.ts), by column name. */
  extra?: Readonly<Record<string, string>>;
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function number(value: number | null): string {
  if (value === null) return "";
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

/** @param extraColumns Columns after `reason`, filled from each row's `extra`. */
export function gradebookCsv(gradeIds: readonly string[], rows: readonly GradebookRow[], extraColumns: readonly string[] = []): string {
  const header = ["student", "assignment", ...gradeIds, "total", "max_total", "status", "reason", ...extraColumns];
  const sorted = [...rows].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  const lines = [header.map(csvField).join(",")];
  for (const row of sorted) {
    lines.push(
      [
        row.student,
        row.assignment,
        ...gradeIds.map((id) => number(row.points[id] ?? null)),
        number(row.total),
        number(row.maxTotal),
        row.status,
        row.reason.replace(/\s+/g, " ").trim(),
        ...extraColumns.map((column) => row.extra?.[column] ?? ""),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}
