/**
 * Assertions shared by the tests of the exercise checkers (lib/src/exercises/*.test.ts):
 * every checker is tested right, wrong, not answered and at the edge of the tolerance of
 * lib/src/exercises/close-enough.ts.
 */
import assert from "node:assert/strict";
import { EXERCISE_TOLERANCE } from "../exercises/close-enough";
import type { ExerciseCheck } from "../exercises/exercise-check";

/** The verdict accepts the answer: `correct` and a message starting with "✔". */
export function assertRight(check: ExerciseCheck): void {
  assert.equal(check.correct, true, check.message);
  assert.match(check.message, /^✔ /);
}

/** The verdict rejects the answer ("✘"), is not the "not answered" one, and matches `pattern` when given. */
export function assertWrong(check: ExerciseCheck, pattern?: RegExp): void {
  assert.equal(check.correct, false, check.message);
  assert.match(check.message, /^✘ /);
  assert.doesNotMatch(check.message, /Ainda não respondido/);
  if (pattern !== undefined) assert.match(check.message, pattern);
}

/** The verdict is the course's "not answered yet", which tells the student to replace `undefined`. */
export function assertNotAnswered(check: ExerciseCheck): void {
  assert.equal(check.correct, false, check.message);
  assert.match(check.message, /^✘ Ainda não respondido \(.+\): troque o `undefined` da célula de resposta/);
}

/**
 * Two answers around `want`, one just inside the tolerance (99 % of it) and one just
 * outside (101 %), above `want`.
 */
export function toleranceEdge(want: number, tolerance = EXERCISE_TOLERANCE): { inside: number; outside: number } {
  const allowed = tolerance * Math.max(1, Math.abs(want));
  return { inside: want + 0.99 * allowed, outside: want + 1.01 * allowed };
}
