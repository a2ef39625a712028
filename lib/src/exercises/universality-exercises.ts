/**
 * Exercise checkers of notebook 04 (the universality theorem).
 */
import { evaluateOneHiddenLayer, stepPosition, type OneHiddenLayerNet } from "../universality/one-hidden-layer";
import type { ExerciseCheck } from "./exercise-check";
import { checkNumberAnswer } from "./number-answer";

/** The hidden neuron of the first exercise: σ(w·x + b). */
export const STEP_EXERCISE = { weight: 80, bias: -52 } as const;

/** Checks where the neuron of {@link STEP_EXERCISE} steps. */
export function checkStepPosition(answer: unknown): ExerciseCheck {
  return checkNumberAnswer(answer, stepPosition(STEP_EXERCISE.weight, STEP_EXERCISE.bias), {
    what: "a posição s do degrau",
    ok: "é aí que w·x + b = 0 e a sigmoide passa por 1/2.",
    hint: "o degrau fica onde o argumento da sigmoide se anula: w·s + b = 0.",
  });
}

/** The two-neuron network of the second exercise and the point where to read it. */
export const BUMP_EXERCISE: { net: OneHiddenLayerNet; x: number } = {
  net: { hiddenWeights: [500, 500], hiddenBiases: [-100, -300], outputWeights: [1.2, -1.2], outputBias: 0.3 },
  x: 0.45,
};

/**
 * Checks the output of {@link BUMP_EXERCISE}'s network at its x. Reading each sigmoid as
 * exactly 0 or 1 is the point of the exercise, and at x both are within 10⁻³² of it, so
 * the course's tolerance holds.
 */
export function checkBumpOutput(answer: unknown): ExerciseCheck {
  const [expected] = evaluateOneHiddenLayer(BUMP_EXERCISE.net, [BUMP_EXERCISE.x]);
  return checkNumberAnswer(answer, expected ?? NaN, {
    what: "a saída da rede em x",
    ok: "dentro do intervalo entre os dois degraus, a rede soma a altura da torre ao viés de saída.",
    hint: "ache onde fica cada degrau (s = −b/w); em x, cada sigmoide vale quase 0 ou quase 1; some os pesos de saída das que valem 1 e o viés de saída.",
  });
}
