/**
 * The one vocabulary of the course's exercise checkers (every `*-exercises.ts` file of
 * this folder, one per notebook):
 *
 * - a checker returns an {@link ExerciseCheck} made by {@link rightAnswer},
 *   {@link wrongAnswer} or {@link notAnsweredYet}, and the notebook shows it with
 *   {@link showExerciseCheck};
 * - an answer not given yet is `undefined`: every exercise cell starts with
 *   `const resposta… = undefined; // ← sua resposta`, and checkers recognise it with
 *   {@link isUnanswered} (an answer made of several values is unanswered while all of
 *   them are), so a notebook runs to the end before the student answers;
 * - numbers are compared by `closeEnough` (close-enough.ts), which states the tolerance.
 */
import { displayMimeBundle } from "../jupyter/display-mime-bundle";
import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import { escapeHtml } from "../html/escape-html";

/**
 * The verdict on a student's answer to an exercise: `correct`, and a message in
 * Portuguese that starts with "✔" or "✘" and says what is right or wrong, with a hint —
 * never the answer itself.
 */
export interface ExerciseCheck {
  correct: boolean;
  message: string;
}

/** A right answer: `✔ <message>`. */
export function rightAnswer(message: string): ExerciseCheck {
  return { correct: true, message: `✔ ${message}` };
}

/** A wrong answer: `✘ <message>` (say what is wrong and give a hint). */
export function wrongAnswer(message: string): ExerciseCheck {
  return { correct: false, message: `✘ ${message}` };
}

/**
 * The verdict for an answer still `undefined`, in the same words for every exercise.
 *
 * @param what What the answer is ("a soma ponderada z"), named in the message.
 * @param hint Optional: how to start, appended as "Dica: …".
 */
export function notAnsweredYet(what: string, hint?: string): ExerciseCheck {
  const start = `Ainda não respondido (${what}): troque o \`undefined\` da célula de resposta pela sua resposta e rode a célula de novo.`;
  return wrongAnswer(hint === undefined ? start : `${start} Dica: ${hint}`);
}

/** Whether an answer is still the exercise cell's placeholder, `undefined`. */
export function isUnanswered(answer: unknown): answer is undefined {
  return answer === undefined;
}

/**
 * Shows a verdict: a green or red box in a notebook (with the text as plain-text
 * fallback), a line on stdout in a script.
 *
 * @param check The verdict of a checker function.
 */
export function showExerciseCheck(check: ExerciseCheck): void {
  if (!isInsideTslabKernel()) {
    console.log(check.message);
    return;
  }
  const colour = check.correct ? "#1b7f3a" : "#b3261e";
  const background = check.correct ? "#e8f5ec" : "#fdecea";
  displayMimeBundle({
    "text/html":
      `<div class="redes-neurais-exercicio" data-correct="${check.correct}" ` +
      `style="border-left:4px solid ${colour};background:${background};padding:6px 10px;color:${colour}">` +
      `${escapeHtml(check.message)}</div>`,
    "text/plain": check.message,
  });
}
