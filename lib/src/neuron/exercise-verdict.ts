/**
 * Helpers of the exercise checkers of notebooks 01–04, over the course-wide verdicts of
 * `exercises/exercise-check` (`{ correct, message }`, messages starting with "✔" or "✘").
 */
import { notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "../exercises/exercise-check";

export type { ExerciseCheck };

/** A right answer. */
export const right = rightAnswer;

/** A wrong answer, with a hint. */
export const wrong = wrongAnswer;

/** The verdict while the answer cell still holds its placeholder (`null`). */
export function unanswered(what: string): ExerciseCheck {
  return notAnsweredYet(`Troque o \`null\` da célula de resposta pela sua resposta (${what}) e rode esta célula de novo.`);
}

/**
 * Checks a numeric answer against the expected value with a relative tolerance.
 *
 * @param answer What the student wrote (`null`/`undefined`: not answered yet).
 * @param expected The right value.
 * @param texts `what` the answer is (for "not answered"), `ok` when right, `hint` when wrong.
 * @param tolerance Relative tolerance (default 1e-3; absolute near zero).
 */
export function checkNumber(
  answer: unknown,
  expected: number,
  texts: { what: string; ok: string; hint: string },
  tolerance = 1e-3,
): ExerciseCheck {
  if (answer === null || answer === undefined) return unanswered(texts.what);
  if (typeof answer !== "number" || !Number.isFinite(answer)) {
    return wrong(`esperava um número finito como resposta (${texts.what}), mas chegou ${describeAnswer(answer)}.`);
  }
  const scale = Math.max(1, Math.abs(expected));
  if (Math.abs(answer - expected) <= tolerance * scale) return right(texts.ok);
  return wrong(`${answer} não confere. Dica: ${texts.hint}`);
}

/** A short description of an answer of the wrong kind. */
export function describeAnswer(answer: unknown): string {
  if (typeof answer === "number") return String(answer);
  if (typeof answer === "string") return `o texto "${answer}"`;
  if (Array.isArray(answer)) return "uma lista";
  return typeof answer;
}
