/**
 * Exercise checkers of notebook 01 (the artificial neuron).
 */
import { neuronOutput, type Neuron } from "../neuron/neuron-output";
import { closeEnough } from "./close-enough";
import { wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { checkNumberAnswer } from "./number-answer";

/** The neuron and input of the exercises of notebook 01. */
export const NEURON_EXERCISE: { inputs: readonly number[]; neuron: Neuron } = {
  inputs: [0.8, -1.2, 2.0],
  neuron: { weights: [1.5, 0.5, -0.25], bias: 0.3, activation: "tanh" },
};

/** Checks the weighted sum z of {@link NEURON_EXERCISE}'s neuron. */
export function checkNeuronSum(answer: unknown): ExerciseCheck {
  const { z } = neuronOutput(NEURON_EXERCISE.inputs, NEURON_EXERCISE.neuron);
  return checkNumberAnswer(answer, z, {
    what: "a soma ponderada z",
    ok: "z = b + w1·x1 + w2·x2 + w3·x3 está certo.",
    hint: "multiplique cada entrada pelo seu peso, some os três produtos e não esqueça o viés b.",
  });
}

/** Checks the output y = tanh(z) of {@link NEURON_EXERCISE}'s neuron. */
export function checkNeuronOutput(answer: unknown): ExerciseCheck {
  const { z, y } = neuronOutput(NEURON_EXERCISE.inputs, NEURON_EXERCISE.neuron);
  const verdict = checkNumberAnswer(answer, y, {
    what: "a saída y",
    ok: "a saída do neurônio está certa.",
    hint: "aplique a ativação (tangente hiperbólica, Math.tanh) à soma ponderada z; a saída fica entre −1 e 1.",
  });
  if (!verdict.correct && closeEnough(answer, z)) {
    return wrongAnswer("esse é o valor de z, antes da ativação. Dica: a saída é y = f(z), com f = tangente hiperbólica.");
  }
  return verdict;
}
