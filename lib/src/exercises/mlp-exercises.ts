/**
 * Exercise checkers of notebook 03 (the multilayer perceptron).
 */
import { countMlpParameters } from "../mlp/count-parameters";
import { wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { checkNumberAnswer } from "./number-answer";

/**
 * Checks a parameter count for the layer sizes given (e.g. the notebook's [6, 20, 10, 2]).
 *
 * @param sizes [inputs, units₁, …, outputs] of the network the exercise asks about.
 * @param answer A number, or `undefined` while unanswered.
 */
export function checkParameterCount(sizes: readonly number[], answer: unknown): ExerciseCheck {
  const expected = countMlpParameters(sizes);
  const weightsOnly = sizes.slice(1).reduce((sum, units, i) => sum + (sizes[i] ?? 0) * units, 0);
  if (answer === weightsOnly && weightsOnly !== expected) {
    return wrongAnswer("você contou os pesos das conexões, mas faltaram os vieses: cada neurônio (fora da entrada) tem um.");
  }
  const countIsExact = 0;
  return checkNumberAnswer(answer, expected, {
    what: "o número de parâmetros",
    ok: `a rede [${sizes.join(", ")}] tem mesmo esse número de parâmetros treináveis.`,
    hint: "cada camada densa tem (entradas + 1) × unidades parâmetros: um peso por conexão e um viés por unidade.",
  }, countIsExact);
}
