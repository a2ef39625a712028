import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { randomDenseLayers, type DenseLayerWeights } from "./dense-layer";
import { mlpForward } from "./mlp-forward";
import { countMlpParameters } from "./count-parameters";
import { collapseLinearLayers } from "./collapse-linear-layers";
import { buildMlp, mlpFromWeights } from "./mlp-model";

function disposeModel(model: tf.LayersModel): void {
  model.dispose();
}

describe("the multilayer perceptron by hand", () => {
  test("mlpForward computes a known 2-2-1 network", () => {
    const layers: DenseLayerWeights[] = [
      { kernel: [[1, -1], [2, 0]], bias: [0, 1], activation: "relu" },
      { kernel: [[1], [3]], bias: [-1], activation: "linear" },
    ];
    // x = [1, 1]: hidden = relu([1 + 2, −1 + 0 + 1]) = [3, 0]; out = 3 + 0 − 1 = 2.
    // x = [−1, 0]: hidden = relu([−1, 1 + 1]) = [0, 2]; out = 0 + 6 − 1 = 5.
    const out = tf.tidy(() => mlpForward(tf.tensor2d([[1, 1], [-1, 0]]), layers).arraySync());
    assert.deepEqual(out, [[2], [5]]);
  });

  test("mlpForward equals tf.layers with the same weights, and leaks nothing", async () => {
    const layers = randomDenseLayers([4, 6, 5, 3], ["tanh", "sigmoid", "linear"], 11);
    const model = mlpFromWeights(layers);
    const x = tf.randomNormal([7, 4], 0, 1, "float32", 3);
    await expectNoLeakedTensors(tf, () => {
      const byHand = mlpForward(x, layers);
      const byLayers = model.predict(x) as tf.Tensor;
      assert.deepEqual(byHand.shape, [7, 3]);
      const diff = tf.tidy(() => byHand.sub(byLayers).abs().max().dataSync()[0] ?? NaN);
      assert.ok(diff < 1e-5, `max difference ${diff}`);
      tf.dispose([byHand, byLayers]);
    });
    x.dispose();
    disposeModel(model);
  });

  test("mlpForward refuses wrong ranks, columns, empty batches and NaN", () => {
    const layers = randomDenseLayers([3, 2], ["relu"], 1);
    tf.tidy(() => {
      assert.throws(() => mlpForward(tf.tensor1d([1, 2, 3]), layers), { name: "MlpShapeError", message: /2-D/ });
      assert.throws(() => mlpForward(tf.zeros([2, 4]), layers), { message: /espera 3 atributos.*4 colunas/ });
      assert.throws(() => mlpForward(tf.zeros([0, 3]), layers), { message: /nenhum exemplo/ });
      assert.throws(() => mlpForward(tf.tensor2d([[1, NaN, 0]]), layers), { message: /NaN/ });
    });
    const bad: DenseLayerWeights[] = [
      { kernel: [[1, 2]], bias: [0, 0], activation: "relu" },
      { kernel: [[1], [2], [3]], bias: [0], activation: "linear" },
    ];
    assert.throws(() => mlpForward(tf.zeros([1, 1]), bad), { message: /camada 2 espera 3 entradas.*2 unidades/ });
    assert.throws(() => mlpForward(tf.zeros([1, 1]), []), { name: "MlpShapeError" });
    assert.throws(() => mlpForward(tf.zeros([1, 1]), [{ kernel: [[1]], bias: [0, 1], activation: "relu" }]), { message: /vieses/ });
  });

  test("countMlpParameters equals model.countParams() for several architectures", () => {
    for (const sizes of [[1, 1], [4, 8, 1], [5, 16, 8, 3], [784, 128, 64, 10]]) {
      const model = buildMlp({ sizes });
      assert.equal(countMlpParameters(sizes), model.countParams(), `sizes ${sizes}`);
      disposeModel(model);
    }
    assert.equal(countMlpParameters([4, 8, 1]), 49); // (4 + 1)·8 + (8 + 1)·1
  });

  test("countMlpParameters refuses fewer than two sizes and non-positive or fractional sizes", () => {
    assert.throws(() => countMlpParameters([3]), { name: "MlpShapeError", message: /pelo menos dois/ });
    assert.throws(() => countMlpParameters([3, 0, 1]), { message: /inteiro positivo/ });
    assert.throws(() => countMlpParameters([3, 2.5]), { name: "MlpShapeError" });
    assert.throws(() => countMlpParameters([3, NaN]), { name: "MlpShapeError" });
  });

  test("a deep linear network collapses to the one linear layer collapseLinearLayers finds", () => {
    const layers = randomDenseLayers([3, 5, 4, 2], ["linear", "linear", "linear"], 5).map((layer, i) => ({
      ...layer, bias: layer.bias.map((_, j) => 0.1 * (i + 1) * (j - 1)),
    }));
    const single = collapseLinearLayers(layers);
    assert.equal(single.kernel.length, 3);
    assert.equal(single.kernel[0]?.length, 2);
    const diff = tf.tidy(() => {
      const x = tf.randomNormal([10, 3], 0, 1, "float32", 9);
      return mlpForward(x, layers).sub(mlpForward(x, [single])).abs().max().dataSync()[0] ?? NaN;
    });
    assert.ok(diff < 1e-5, `max difference ${diff}`);
    assert.throws(() => collapseLinearLayers(randomDenseLayers([2, 2, 1], ["relu", "linear"])), { message: /camada 1 tem ativação "relu"/ });
  });

  test("mlpFromWeights and buildMlp leave no tensors behind once the model is disposed", async () => {
    const layers = randomDenseLayers([3, 4, 2], ["sigmoid", "linear"], 2);
    await expectNoLeakedTensors(tf, () => {
      disposeModel(mlpFromWeights(layers));
      disposeModel(buildMlp({ sizes: [3, 4, 2] }));
    });
  });

  test("buildMlp is reproducible from its seed", () => {
    const weightsOf = (seed: number) => {
      const model = buildMlp({ sizes: [2, 3, 1], seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      disposeModel(model);
      return values;
    };
    assert.deepEqual(weightsOf(4), weightsOf(4));
    assert.notDeepEqual(weightsOf(4), weightsOf(5));
  });

});
