/**
 * Small helpers shared by the exercise checkers of notebooks 08–11, on top of the
 * course-wide verdicts of `exercise-check.ts`.
 */
import { notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";

export type { ExerciseCheck };
export const right = rightAnswer;
export const wrong = wrongAnswer;

/** The verdict for an answer still at its placeholder (`undefined`, `null`, `NaN` or `""`). */
export function notAnswered(what: string): ExerciseCheck {
  return notAnsweredYet(`Substitua o valor provisório de ${what} pela sua resposta e rode a célula de novo.`);
}

export function isPlaceholder(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (typeof value === "number" && Number.isNaN(value));
}

/** `|answer - expected| ≤ tolerance × max(1, |expected|)`. */
export function isClose(answer: number, expected: number, tolerance = 0.01): boolean {
  return Number.isFinite(answer) && Math.abs(answer - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Lower case without accents, spaces, hyphens or underscores: "Categorical-Crossentropy" → "categoricalcrossentropy". */
export function normalizeName(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_\-]/g, "");
}
