import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { neuronOutput } from "./neuron-output";

describe("one neuron by hand", () => {
  test("computes z = b + Σ w·x and y = f(z)", () => {
    const out = neuronOutput([1, 2], { weights: [0.5, -0.25], bias: 0.1, activation: "sigmoid" });
    assert.ok(Math.abs(out.z - 0.1) < 1e-12); // 0.1 + 0.5 − 0.5
    assert.ok(Math.abs(out.y - 1 / (1 + Math.exp(-0.1))) < 1e-12);
    assert.equal(neuronOutput([3, -4], { weights: [1, 1], bias: 0, activation: "relu" }).y, 0);
  });

  test("agrees with a one-unit tf.layers.dense holding the same weights", () => {
    const weights = [0.3, -1.1, 0.7];
    const inputs = [2, 0.5, -1];
    const layer = tf.layers.dense({ units: 1, inputShape: [3], activation: "tanh" });
    const y = tf.tidy(() => {
      layer.apply(tf.zeros([1, 3])); // builds the layer
      layer.setWeights([tf.tensor2d(weights, [3, 1]), tf.tensor1d([0.2])]);
      return (layer.apply(tf.tensor2d([inputs])) as tf.Tensor).dataSync()[0] ?? NaN;
    });
    layer.dispose();
    assert.ok(Math.abs(neuronOutput(inputs, { weights, bias: 0.2, activation: "tanh" }).y - y) < 1e-6);
  });

  test("refuses empty lists, NaN, mismatched lengths and a bad bias in Portuguese", () => {
    const neuron = { weights: [1, 2], bias: 0, activation: "linear" as const };
    assert.throws(() => neuronOutput([], neuron), { name: "InvalidNeuronInputError", message: /lista vazia/ });
    assert.throws(() => neuronOutput([1, NaN], neuron), { name: "InvalidNeuronInputError", message: /posição 1/ });
    assert.throws(() => neuronOutput([1, 2, 3], neuron), { message: /2 pesos, mas chegaram 3 entradas/ });
    assert.throws(() => neuronOutput([1, 2], { ...neuron, bias: NaN }), { name: "InvalidNeuronInputError" });
    assert.throws(() => neuronOutput([1, 2], { ...neuron, activation: "step" as "linear" }), { name: "UnknownActivationError" });
  });
});
