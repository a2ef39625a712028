/**
 * Exercise checkers of notebook 04 (the universality theorem).
 */
import { checkNumber, type ExerciseCheck } from "../neuron/exercise-verdict";
import { evaluateOneHiddenLayer, stepPosition, type OneHiddenLayerNet } from "./one-hidden-layer";

/** The hidden neuron of the first exercise: σ(w·x + b). */
export const STEP_EXERCISE = { weight: 80, bias: -52 } as const;

/** Checks where the neuron of {@link STEP_EXERCISE} steps. */
export function checkStepPosition(answer: unknown): ExerciseCheck {
  return checkNumber(answer, stepPosition(STEP_EXERCISE.weight, STEP_EXERCISE.bias), {
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

/** Checks the output of {@link BUMP_EXERCISE}'s network at its x (1 % tolerance). */
export function checkBumpOutput(answer: unknown): ExerciseCheck {
  const [expected] = evaluateOneHiddenLayer(BUMP_EXERCISE.net, [BUMP_EXERCISE.x]);
  return checkNumber(answer, expected ?? NaN, {
    what: "a saída da rede em x",
    ok: "dentro do intervalo entre os dois degraus, a rede soma a altura do bump ao viés de saída.",
    hint: "ache onde fica cada degrau (s = −b/w); em x, cada sigmoide vale quase 0 ou quase 1; some os pesos de saída das que valem 1 e o viés de saída.",
  }, 1e-2);
}
