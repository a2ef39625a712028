/**
 * Exercise checkers of notebook 02 (activation functions).
 */
import { activationDerivativeValue, activationValue } from "./activation-functions";
import { checkNumber, describeAnswer, right, unanswered, wrong, type ExerciseCheck } from "../neuron/exercise-verdict";

/**
 * Checks a student's function for the sigmoid's derivative σ'(z), tried at several z
 * (including large |z|) against σ(z)(1 − σ(z)).
 *
 * @param answer A function `(z: number) => number`, or `null` while unanswered.
 */
export function checkSigmoidDerivative(answer: unknown): ExerciseCheck {
  if (answer === null || answer === undefined) return unanswered("a função z => σ′(z)");
  if (typeof answer !== "function") {
    return wrong(`esperava uma função (z: number) => number, mas chegou ${describeAnswer(answer)}.`);
  }
  const trials = [0, 0.5, -1, 2, -3, 8];
  for (const z of trials) {
    let value: unknown;
    try {
      value = (answer as (z: number) => unknown)(z);
    } catch (error) {
      return wrong(`a função lançou um erro em z = ${z}: ${error instanceof Error ? error.message : String(error)}.`);
    }
    const expected = activationDerivativeValue("sigmoid", z);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return wrong(`em z = ${z} a função devolveu ${describeAnswer(value)}, e não um número finito.`);
    }
    if (Math.abs(value - expected) > 1e-6) {
      const hint = z === 0 ? "em z = 0 a sigmoide vale 1/2; quanto vale a inclinação ali?" : "escreva a derivada em termos da própria σ(z) (a regra da cadeia aplicada a (1 + e^(−z))^(−1)).";
      return wrong(`em z = ${z} a função devolveu ${value.toPrecision(4)}, que não é σ′(${z}). Dica: ${hint}`);
    }
  }
  return right(`a função confere com σ′(z) = σ(z)(1 − σ(z)) em ${trials.length} pontos, de z = −3 a z = 8.`);
}

/** The weights of the midpoint exercise of notebook 02: y = σ(w0 + w1·x). */
export const SIGMOID_MIDPOINT_EXERCISE = { w0: 3, w1: -1.5 } as const;

/**
 * Checks the x at which y = σ(w0 + w1·x) crosses 1/2, for the weights of
 * {@link SIGMOID_MIDPOINT_EXERCISE}.
 *
 * @param answer A number, or `null` while unanswered.
 */
export function checkSigmoidMidpoint(answer: unknown): ExerciseCheck {
  const { w0, w1 } = SIGMOID_MIDPOINT_EXERCISE;
  const verdict = checkNumber(answer, -w0 / w1, {
    what: "o valor de x",
    ok: `σ(w0 + w1·x) = ${activationValue("sigmoid", w0 + w1 * (-w0 / w1))} nesse x: o centro da sigmoide está onde z = 0.`,
    hint: "σ(z) = 1/2 exatamente quando z = 0; resolva w0 + w1·x = 0.",
  });
  return verdict;
}
