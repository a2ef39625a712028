/**
 * Exercise checkers of notebook 02 (activation functions).
 */
import { activationDerivativeValue, activationValue } from "../activations/activation-functions";
import { describeThrown } from "../errors";
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { checkNumberAnswer, describeAnswer } from "./number-answer";

/**
 * The derivative the student programs is evaluated by the computer, not rounded by hand:
 * any correct formula agrees to rounding error, far below this.
 */
const FUNCTION_TOLERANCE = 1e-6;

/**
 * Checks a student's function for the sigmoid's derivative σ'(z), tried at several z
 * (including large |z|) against σ(z)(1 − σ(z)).
 *
 * @param answer A function `(z: number) => number`, or `undefined` while unanswered.
 */
export function checkSigmoidDerivative(answer: unknown): ExerciseCheck {
  if (isUnanswered(answer)) return notAnsweredYet("a função z => σ′(z)");
  if (typeof answer !== "function") {
    return wrongAnswer(`esperava uma função (z: number) => number, mas chegou ${describeAnswer(answer)}.`);
  }
  const trials = [0, 0.5, -1, 2, -3, 8];
  for (const z of trials) {
    let value: unknown;
    try {
      value = (answer as (z: number) => unknown)(z);
    } catch (error) {
      return wrongAnswer(`a função lançou um erro em z = ${z}: ${describeThrown(error)}.`);
    }
    const expected = activationDerivativeValue("sigmoid", z);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return wrongAnswer(`em z = ${z} a função devolveu ${describeAnswer(value)}, e não um número finito.`);
    }
    if (!closeEnough(value, expected, FUNCTION_TOLERANCE)) {
      const hint = z === 0 ? "em z = 0 a sigmoide vale 1/2; quanto vale a inclinação ali?" : "escreva a derivada em termos da própria σ(z) (a regra da cadeia aplicada a (1 + e^(−z))^(−1)).";
      return wrongAnswer(`em z = ${z} a função devolveu ${value.toPrecision(4)}, que não é σ′(${z}). Dica: ${hint}`);
    }
  }
  return rightAnswer(`a função confere com σ′(z) = σ(z)(1 − σ(z)) em ${trials.length} pontos, de z = −3 a z = 8.`);
}

/** The weights of the midpoint exercise of notebook 02: y = σ(w0 + w1·x). */
export const SIGMOID_MIDPOINT_EXERCISE = { w0: 3, w1: -1.5 } as const;

/**
 * Checks the x at which y = σ(w0 + w1·x) crosses 1/2, for the weights of
 * {@link SIGMOID_MIDPOINT_EXERCISE}.
 *
 * @param answer A number, or `undefined` while unanswered.
 */
export function checkSigmoidMidpoint(answer: unknown): ExerciseCheck {
  const { w0, w1 } = SIGMOID_MIDPOINT_EXERCISE;
  const verdict = checkNumberAnswer(answer, -w0 / w1, {
    what: "o valor de x",
    ok: `σ(w0 + w1·x) = ${activationValue("sigmoid", w0 + w1 * (-w0 / w1))} nesse x: o centro da sigmoide está onde z = 0.`,
    hint: "σ(z) = 1/2 exatamente quando z = 0; resolva w0 + w1·x = 0.",
  });
  return verdict;
}
