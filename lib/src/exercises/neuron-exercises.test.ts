import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkNeuronOutput, checkNeuronSum, NEURON_EXERCISE } from "./neuron-exercises";

describe("notebook 01 exercise checkers", () => {
  const { inputs, neuron } = NEURON_EXERCISE;
  const z = neuron.bias + inputs.reduce((sum, x, i) => sum + x * (neuron.weights[i] ?? 0), 0);

  test("accept the right z and y = tanh(z), also rounded to three digits", () => {
    assertRight(checkNeuronSum(z));
    assertRight(checkNeuronOutput(Math.tanh(z)));
    assertRight(checkNeuronOutput(Number(Math.tanh(z).toPrecision(3))));
  });

  test("reject wrong answers with a hint, and say when z was given instead of y", () => {
    assertWrong(checkNeuronSum(z - neuron.bias), /Dica/);
    assertWrong(checkNeuronOutput(z), /^✘ esse é o valor de z/);
    assertWrong(checkNeuronOutput(0.1), /Dica/);
    assertWrong(checkNeuronSum("1"), /esperava um número/);
  });

  test("undefined is not answered yet", () => {
    assertNotAnswered(checkNeuronSum(undefined));
    assertNotAnswered(checkNeuronOutput(undefined));
  });

  test("the tolerance edge", () => {
    assertRight(checkNeuronSum(toleranceEdge(z).inside));
    assertWrong(checkNeuronSum(toleranceEdge(z).outside));
    assertRight(checkNeuronOutput(toleranceEdge(Math.tanh(z)).inside));
    assertWrong(checkNeuronOutput(toleranceEdge(Math.tanh(z)).outside));
  });
});
