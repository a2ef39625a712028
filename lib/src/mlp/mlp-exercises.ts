/**
 * Exercise checkers of notebook 03 (the multilayer perceptron).
 */
import { countMlpParameters } from "./count-parameters";
import { checkNumber, wrong, type ExerciseCheck } from "../neuron/exercise-verdict";

/**
 * Checks a parameter count for the layer sizes given (e.g. the notebook's [5, 16, 8, 3]).
 *
 * @param sizes [inputs, units₁, …, outputs] of the network the exercise asks about.
 * @param answer A number, or `null` while unanswered.
 */
export function checkParameterCount(sizes: readonly number[], answer: unknown): ExerciseCheck {
  const expected = countMlpParameters(sizes);
  const weightsOnly = sizes.slice(1).reduce((sum, units, i) => sum + (sizes[i] ?? 0) * units, 0);
  if (answer === weightsOnly && weightsOnly !== expected) {
    return wrong("você contou os pesos das conexões, mas faltaram os vieses: cada neurônio (fora da entrada) tem um.");
  }
  return checkNumber(answer, expected, {
    what: "o número de parâmetros",
    ok: `a rede [${sizes.join(", ")}] tem mesmo esse número de parâmetros treináveis.`,
    hint: "cada camada densa tem (entradas + 1) × unidades parâmetros: um peso por conexão e um viés por unidade.",
  }, 0);
}
