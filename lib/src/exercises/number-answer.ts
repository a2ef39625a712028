/**
 * Checking an answer that is one number, in the vocabulary of exercise-check.ts and the
 * tolerance of close-enough.ts.
 */
import { closeEnough, EXERCISE_TOLERANCE } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";

/** A short description of an answer of the wrong kind, for "esperava …, mas chegou …". */
export function describeAnswer(answer: unknown): string {
  if (typeof answer === "number") return String(answer);
  if (typeof answer === "string") return `o texto "${answer}"`;
  if (answer === null) return "null";
  if (Array.isArray(answer)) return "uma lista";
  return typeof answer;
}

/**
 * The verdict for an answer that should be one finite number and is not (still
 * `undefined`, or of another kind), or `undefined` when it is a finite number.
 *
 * @param answer What the student wrote.
 * @param what What the answer is ("o número de parâmetros"), for the messages.
 * @param hint Optional hint for the "not answered yet" verdict.
 */
export function numberAnswerProblem(answer: unknown, what: string, hint?: string): ExerciseCheck | undefined {
  if (isUnanswered(answer)) return notAnsweredYet(what, hint);
  if (typeof answer !== "number" || !Number.isFinite(answer)) {
    return wrongAnswer(`esperava um número finito como resposta (${what}), mas chegou ${describeAnswer(answer)}.`);
  }
  return undefined;
}

/**
 * Checks a numeric answer against the right value with {@link closeEnough}.
 *
 * @param answer What the student wrote (`undefined`: not answered yet).
 * @param expected The right value.
 * @param texts `what` the answer is (for "not answered" and type errors), `ok` when right, `hint` when wrong.
 * @param tolerance {@link EXERCISE_TOLERANCE} unless the exercise needs another (0 for counts).
 */
export function checkNumberAnswer(
  answer: unknown,
  expected: number,
  texts: { what: string; ok: string; hint: string },
  tolerance = EXERCISE_TOLERANCE,
): ExerciseCheck {
  const problem = numberAnswerProblem(answer, texts.what);
  if (problem !== undefined) return problem;
  if (closeEnough(answer, expected, tolerance)) return rightAnswer(texts.ok);
  return wrongAnswer(`${String(answer)} não confere. Dica: ${texts.hint}`);
}
