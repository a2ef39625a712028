/**
 * The numbers a benchmark quotes: the median of the timed repetitions (robust to one slow
 * run), their minimum and maximum, and the ratio of two medians.
 */
import { BenchArgumentError } from "./bench-errors";

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many repetitions the summary covers. */
  count: number;
}

/**
 * Median, minimum and maximum of the repetitions (for an even count, the mean of the two
 * middle values).
 *
 * @throws {BenchArgumentError} For an empty list or a value that is not a finite number.
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new BenchArgumentError("summarize: esperava ao menos uma repetição; recebi uma lista vazia.");
  const bad = values.find((value) => !Number.isFinite(value));
  if (bad !== undefined) throw new BenchArgumentError(`summarize: esperava números finitos; recebi ${bad} em [${values.join(", ")}].`);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, count: sorted.length };
}

/**
 * `numerator / denominator` (e.g. tfjs-node's samples/s over a peer's: 2 means tfjs-node
 * is twice as fast), or null when either side is missing or the peer measured zero.
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}
