/**
 * The gradebook of a class: the automatic scores of each submission merged with the
 * roster (roster.ts), the manual adjustments (manual-adjustments.ts) and the late
 * penalty (late-penalty.ts, with submission-timestamp.ts). Order: each cell's automatic
 * points plus its adjustment, clamped to [0, max]; their sum; minus the late penalty.
 * Rostered students without a submission get a row `não entregou` with 0 points.
 */
import type { GradebookRow } from "./gradebook-csv";
import { type LatePolicy, type LateResult, latePenalty } from "./late-penalty";
import { type AdjustedCell, type ManualAdjustment, applyAdjustments } from "./manual-adjustments";
import { matchRoster, type Roster, type RosterStudent } from "./roster";
import { formatTimestamp } from "./submission-timestamp";

export interface ClassOptions {
  roster?: Roster;
  adjustments?: readonly ManualAdjustment[];
  late?: LatePolicy;
}

/** What the grader knows of one submission before the class rules apply. */
export interface AutomaticRow extends GradebookRow {
  /** When the student handed in (timestamp.txt), if known. */
  submittedAt: Date | null;
}

export interface ClassRow extends GradebookRow {
  /** The class columns of the gradebook ({@link classColumns}), as text. */
  extra: Record<string, string>;
  rosterStudent: RosterStudent | null;
  adjustedCells: AdjustedCell[];
  late: LateResult | null;
  /** The total before adjustments and penalty. */
  automaticTotal: number;
}

export const notSubmittedStatus = "não entregou";
export const notInRosterFlag = "fora do roster";

/** Columns added to gradebook.csv when a roster, adjustments or a deadline is given. */
export const classColumns = ["name", "email", "roster", "timestamp", "hours_late", "late_penalty", "adjustment", "auto_total"] as const;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function usesClassOptions(options: ClassOptions | undefined): boolean {
  return Boolean(options && (options.roster || options.adjustments || options.late));
}

/**
 * @param maxPoints Maximum points of each graded cell, in the gradebook's column order.
 */
export function classGradebookRows(
  rows: readonly AutomaticRow[],
  options: ClassOptions,
  assignment: string,
  maxPoints: ReadonlyMap<string, number>,
): ClassRow[] {
  const maxTotal = [...maxPoints.values()].reduce((sum, points) => sum + points, 0);
  const rosterById = new Map((options.roster?.students ?? []).map((student) => [student.id, student]));
  const missing = options.roster ? matchRoster(options.roster, rows.map((row) => row.student)).missing : [];
  const notSubmitted: AutomaticRow[] = missing.map((student) => ({
    student: student.id, assignment, maxTotal, total: 0, status: notSubmittedStatus, reason: "", submittedAt: null,
    points: Object.fromEntries([...maxPoints.keys()].map((id) => [id, 0])),
  }));
  return [...rows, ...notSubmitted].map((row) => {
    const { points, cells } = applyAdjustments(row.student, row.points, maxPoints, options.adjustments ?? []);
    const adjustedTotal = round(Object.values(points).reduce((sum, value) => sum + value, 0));
    const handedIn = row.status !== notSubmittedStatus;
    const late = options.late && handedIn ? latePenalty(options.late, row.submittedAt, adjustedTotal, maxTotal) : null;
    const penalty = round(late?.penalty ?? 0);
    const rosterStudent = rosterById.get(row.student) ?? null;
    const adjustment = round(adjustedTotal - row.total);
    return {
      student: row.student,
      assignment: row.assignment,
      points,
      total: round(Math.max(0, adjustedTotal - penalty)),
      maxTotal: row.maxTotal,
      status: row.status,
      reason: row.reason,
      rosterStudent,
      adjustedCells: cells,
      late,
      automaticTotal: row.total,
      extra: {
        name: rosterStudent?.name ?? "",
        email: rosterStudent?.email ?? "",
        roster: options.roster ? (rosterStudent ? "ok" : notInRosterFlag) : "",
        timestamp: row.submittedAt ? formatTimestamp(row.submittedAt) : "",
        hours_late: late?.hoursLate != null ? String(round(late.hoursLate)) : "",
        late_penalty: late ? String(penalty) : "",
        adjustment: cells.length > 0 ? String(adjustment) : "",
        auto_total: String(round(row.total)),
      },
    };
  });
}
