/**
 * Exercise checkers of notebook 08 (regression and classification: outputs, losses, metrics).
 */
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";

/** The three problems of notebook 08's first exercise. */
export type OutputProblem = "redshift" | "estrelaGalaxia" | "morfologia";

/** An output activation and a loss, as named in TensorFlow.js (`"softmax"`, `"categoricalCrossentropy"`…). */
export interface OutputChoice {
  activation: string;
  loss: string;
}

const ACCEPTED: Record<OutputProblem, { activations: string[]; losses: string[]; why: string }> = {
  redshift: {
    activations: ["linear"],
    losses: ["meansquarederror", "mse", "meanabsoluteerror", "mae", "huberloss", "huber"],
    why: "o redshift é um número real: saída linear (sem limite) e perda de regressão (MSE ou MAE)",
  },
  estrelaGalaxia: {
    activations: ["sigmoid", "sigmoide"],
    losses: ["binarycrossentropy"],
    why: "duas classes: um neurônio sigmoide dá P(galáxia) e a perda é a entropia cruzada binária",
  },
  morfologia: {
    activations: ["softmax"],
    losses: ["categoricalcrossentropy", "sparsecategoricalcrossentropy"],
    why: "classes mutuamente exclusivas: softmax (probabilidades que somam 1) com entropia cruzada categórica",
  },
};

/**
 * Checks the output activation and loss chosen for each problem of notebook 08:
 * photometric redshift, star vs galaxy, and 10 galaxy morphologies.
 */
export function checkOutputChoices(answer: Partial<Record<OutputProblem, Partial<OutputChoice>>>): ExerciseCheck {
  const problems = Object.keys(ACCEPTED) as OutputProblem[];
  if (problems.every((p) => isUnanswered(answer[p]?.activation) && isUnanswered(answer[p]?.loss))) {
    return notAnsweredYet("a ativação e a perda de cada problema");
  }
  const mistakes: string[] = [];
  for (const problem of problems) {
    const given = answer[problem];
    const accepted = ACCEPTED[problem];
    const activationOk = accepted.activations.includes(normalizeName(given?.activation));
    const lossOk = accepted.losses.includes(normalizeName(given?.loss));
    if (!activationOk || !lossOk) {
      const part = !activationOk && !lossOk ? "a ativação e a perda" : !activationOk ? "a ativação" : "a perda";
      mistakes.push(`${problem}: reveja ${part} (dica: pense no tipo de saída — número real, uma probabilidade ou várias que somam 1)`);
    }
  }
  if (mistakes.length > 0) return wrongAnswer(`${problems.length - mistakes.length} de ${problems.length} certos. ${mistakes.join("; ")}.`);
  return rightAnswer(`as três escolhas estão certas: ${problems.map((p) => ACCEPTED[p].why).join("; ")}.`);
}

/** The confusion matrix of notebook 08's second exercise: rows = true (estrela, galáxia), columns = predicted. */
export const EXERCISE_CONFUSION_MATRIX: readonly (readonly number[])[] = [
  [860, 40],
  [25, 75],
];

/** Checks the precision and recall of the class "galáxia" for {@link EXERCISE_CONFUSION_MATRIX}. */
export function checkGalaxyPrecisionRecall(answer: { precision?: number; recall?: number }): ExerciseCheck {
  if (isUnanswered(answer.precision) && isUnanswered(answer.recall)) return notAnsweredYet("a precisão e a revocação");
  const [[, starsAsGalaxies], [missedGalaxies, galaxiesFound]] = EXERCISE_CONFUSION_MATRIX as [number[], number[]];
  const precision = (galaxiesFound as number) / ((galaxiesFound as number) + (starsAsGalaxies as number));
  const recall = (galaxiesFound as number) / ((galaxiesFound as number) + (missedGalaxies as number));
  const precisionOk = closeEnough(answer.precision, precision);
  const recallOk = closeEnough(answer.recall, recall);
  if (precisionOk && recallOk) {
    return rightAnswer("precisão e revocação certas: das previstas como galáxia, a fração que é galáxia; das galáxias, a fração encontrada.");
  }
  const hints: string[] = [];
  if (!precisionOk) hints.push("precisão: divida as galáxias acertadas pelo total da coluna “prevista galáxia”");
  if (!recallOk) hints.push("revocação: divida as galáxias acertadas pelo total da linha “verdadeira galáxia”");
  return wrongAnswer(`${hints.join("; ")}. Escreva frações entre 0 e 1.`);
}

/** Lower case without accents, spaces, hyphens or underscores: "Categorical-Crossentropy" → "categoricalcrossentropy". */
function normalizeName(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_\-]/g, "");
}
