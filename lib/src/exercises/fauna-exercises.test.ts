import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkAttentionWeights, checkAutoencoderParameters } from "./fauna-exercises";

describe("notebook 11 exercise checkers", () => {
  const e = Math.exp(Math.SQRT1_2);
  const weights = [e / (e + 1), 1 / (e + 1)];

  test("attention weights softmax([1/√2, 0]) and the missing-scale hint", () => {
    assertRight(checkAttentionWeights(weights));
    const unscaled = Math.E / (Math.E + 1);
    assertWrong(checkAttentionWeights([unscaled, 1 - unscaled]), /√d_k/);
    assertWrong(checkAttentionWeights([0.5, 0.5, 0]), /dois pesos/);
    assertNotAnswered(checkAttentionWeights(undefined));
  });

  test("attention weights: the tolerance edge", () => {
    assertRight(checkAttentionWeights(weights.map((w) => toleranceEdge(w).inside)));
    assertWrong(checkAttentionWeights([toleranceEdge(weights[0] ?? NaN).outside, weights[1] ?? NaN]));
  });

  test("autoencoder parameters 256·8 + 8 + 8·256 + 256 exactly, with a hint for forgotten biases", () => {
    assertRight(checkAutoencoderParameters(4360));
    assertWrong(checkAutoencoderParameters(4096), /vieses/);
    assertWrong(checkAutoencoderParameters(4361));
    assertNotAnswered(checkAutoencoderParameters(undefined));
  });
});
