import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { randomDenseLayers, type DenseLayerTensors, type DenseLayerWeights } from "./dense-layer";
import { mlpForward, mlpForwardPass } from "./mlp-forward";
import { MlpShapeError } from "./mlp-errors";

const asTensors = (layers: readonly DenseLayerWeights[]): DenseLayerTensors[] =>
  layers.map((layer) => ({ kernel: tf.tensor2d(layer.kernel), bias: tf.tensor1d(layer.bias), activation: layer.activation }));

describe("one forward pass for weights as arrays or as tensors", () => {
  test("tensor weights give the same outputs as the same weights in arrays", () => {
    const layers = randomDenseLayers([4, 6, 5, 3], ["tanh", "sigmoid", "linear"], 11);
    const tensors = asTensors(layers);
    const x = tf.randomNormal([7, 4], 0, 1, "float32", 3);
    const [fromArrays, fromTensors] = [mlpForward(x, layers), mlpForward(x, tensors)];
    assert.deepEqual(fromTensors.shape, [7, 3]);
    assert.deepEqual(Array.from(fromTensors.dataSync()), Array.from(fromArrays.dataSync()));
    tf.dispose([tensors, x, fromArrays, fromTensors]);
  });

  test("mlpForwardPass keeps z and f(z) of every layer; its last activation is mlpForward's output", () => {
    const layers: DenseLayerWeights[] = [
      { kernel: [[1, -1], [2, 0]], bias: [0, 1], activation: "relu" },
      { kernel: [[1], [3]], bias: [-1], activation: "linear" },
    ];
    const x = tf.tensor2d([[1, 1], [-1, 0]]);
    const pass = mlpForwardPass(x, layers);
    // x = [1, 1]: z1 = [3, 0], h = [3, 0]; x = [−1, 0]: z1 = [−1, 2], h = [0, 2].
    assert.deepEqual(pass.preActivations[0]!.arraySync(), [[3, 0], [-1, 2]]);
    assert.deepEqual(pass.activations[0]!.arraySync(), [[3, 0], [0, 2]]);
    assert.deepEqual(pass.activations[1]!.arraySync(), [[2], [5]]);
    const output = mlpForward(x, layers);
    assert.deepEqual(output.arraySync(), pass.activations[1]!.arraySync());
    tf.dispose([pass, x, output]);
  });

  test("tf.grads differentiates through tensor weights, and the pass leaks only what it returns", async () => {
    const tensors = asTensors(randomDenseLayers([3, 4, 1], ["tanh", "sigmoid"], 2));
    const x = tf.randomNormal([5, 3], 0, 1, "float32", 1);
    await expectNoLeakedTensors(tf, () => {
      tf.dispose(mlpForwardPass(x, tensors));
      mlpForward(x, tensors).dispose();
      const gradients = tf.grads((kernel: tf.Tensor) =>
        mlpForward(x, [{ ...tensors[0]!, kernel: kernel as tf.Tensor2D }, tensors[1]!]).sum(),
      )([tensors[0]!.kernel]);
      assert.deepEqual(gradients[0]!.shape, [3, 4]);
      assert.ok(Array.from(gradients[0]!.dataSync()).some((g) => g !== 0));
      tf.dispose(gradients);
    });
    tf.dispose([tensors, x]);
  });

  test("tensor weights of the wrong rank or size are refused with MlpShapeError", () => {
    tf.tidy(() => {
      const x = tf.zeros([1, 2]);
      const kernel = tf.zeros([2, 3]) as tf.Tensor2D;
      const refuses = (layers: DenseLayerTensors[], message: RegExp): void =>
        assert.throws(() => mlpForward(x, layers), (e: unknown) => e instanceof MlpShapeError && message.test(e.message));
      refuses([{ kernel, bias: tf.zeros([2]) as tf.Tensor1D, activation: "relu" }], /3 unidades.*2 vieses/);
      refuses([{ kernel: tf.zeros([2]) as unknown as tf.Tensor2D, bias: tf.zeros([2]) as tf.Tensor1D, activation: "relu" }], /kernel 2-D.*chegaram kernel \[2\]/);
      refuses([{ kernel, bias: tf.zeros([3]) as tf.Tensor1D, activation: "relu" }, { kernel, bias: tf.zeros([3]) as tf.Tensor1D, activation: "linear" }], /camada 2 espera 2 entradas.*3 unidades/);
    });
  });
});
