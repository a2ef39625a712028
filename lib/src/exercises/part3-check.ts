/**
 * Small helpers shared by the exercise checkers of notebooks 08–11.
 *
 * `ExerciseCheck` has the same shape as the course-wide type of `exercise-check.ts`, so
 * `showExerciseCheck(check)` accepts these results too.
 */
export interface ExerciseCheck {
  correct: boolean;
  /** In Portuguese, starting with "✔" or "✘": what is right or wrong, and a hint. */
  message: string;
}

export const right = (message: string): ExerciseCheck => ({ correct: true, message: `✔ ${message}` });
export const wrong = (message: string): ExerciseCheck => ({ correct: false, message: `✘ ${message}` });

/** The verdict for an answer still at its placeholder (`undefined`, `null`, `NaN` or `""`). */
export function notAnswered(what: string): ExerciseCheck {
  return wrong(`ainda não respondido: substitua o valor provisório de ${what} pela sua resposta e rode a célula de novo.`);
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
