/**
 * The one tolerance rule of the exercise checkers (lib/src/exercises/):
 * `|got − want| ≤ tolerance × max(1, |want|)` — relative for values larger than 1 in
 * magnitude, absolute below — with {@link EXERCISE_TOLERANCE} = 5·10⁻³, so any answer
 * rounded to three significant digits (or, below 1, to two decimal places) is accepted.
 *
 * A checker passes another tolerance only where the exercise's nature needs it, and says
 * why beside the call: counts (parameters, epochs, pixels) are compared exactly, and
 * answers that are functions, evaluated by the computer rather than rounded by hand, get
 * a much tighter tolerance.
 */
export const EXERCISE_TOLERANCE = 5e-3;

/**
 * Whether a numeric answer matches the right value within the tolerance rule above.
 *
 * @param got The student's answer; anything but a finite number is never close.
 * @param want The right value.
 * @param tolerance The relative (absolute below 1) tolerance; {@link EXERCISE_TOLERANCE} unless the exercise needs another.
 */
export function closeEnough(got: unknown, want: number, tolerance = EXERCISE_TOLERANCE): boolean {
  return typeof got === "number" && Number.isFinite(got) && Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want));
}
