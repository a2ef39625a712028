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

/** The verdict for a placeholder left unanswered: the notebook still runs to the end. */
export function notAnsweredYet(hint: string): ExerciseCheck {
  return wrongAnswer(`Ainda não respondido. ${hint}`);
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
