import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { logisticGraphValues } from "./logistic-graph";
import { InvalidDiagramInputError } from "./diagram-errors";
import { logisticGradients } from "../backprop/logistic-regression";

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-5 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);

describe("logisticGraphValues", () => {
  const x = [0.42, 1.31, -0.2, 0.75];
  const weights = [0.8, -0.5, 0.3, 1.1];
  const bias = 0.1;

  for (const t of [0, 1]) {
    test(`forward values and gradients equal tf.grads of the cross-entropy (t = ${t})`, () => {
      const values = logisticGraphValues({ x, t, weights, bias });
      const before = tf.memory().numTensors;
      const [dw, db, dx, loss] = tf.tidy(() => {
        const loss = (w: tf.Tensor, b: tf.Tensor, xs: tf.Tensor): tf.Scalar => {
          const y = tf.sigmoid(tf.sum(tf.mul(w, xs)).add(b));
          return tf.neg(tf.add(tf.mul(t, tf.log(y)), tf.mul(1 - t, tf.log(tf.sub(1, y))))) as tf.Scalar;
        };
        const args = [tf.tensor1d(weights), tf.scalar(bias), tf.tensor1d(x)];
        const grads = tf.grads((w: tf.Tensor, b: tf.Tensor, xs: tf.Tensor) => loss(w, b, xs))(args);
        return [...grads.map((g) => Array.from(g.dataSync())), [loss(args[0]!, args[1]!, args[2]!).dataSync()[0]!]];
      });
      assert.equal(tf.memory().numTensors, before);
      values.dLossDWeights.forEach((value, k) => close(value, dw![k]!, `∂E/∂w${k + 1}`));
      close(values.dLossDBias, db![0]!, "∂E/∂b");
      values.dLossDx.forEach((value, k) => close(value, dx![k]!, `∂E/∂x${k + 1}`));
      close(values.loss, loss![0]!, "E");
      // The chain rule, computed independently: ∂E/∂z = y − t, z = w·x + b.
      const z = x.reduce((sum, value, k) => sum + value * weights[k]!, bias);
      close(values.z, z, "z");
      close(values.y, 1 / (1 + Math.exp(-z)), "y");
      close(values.dLossDz, values.y - t, "∂E/∂z = y − t");
      close(values.dLossDz, values.dLossDy * values.dyDz, "∂E/∂z = ∂E/∂y · ∂y/∂z");
    });
  }

  test("a saturated neuron (y rounds to 1) still gets a finite ∂E/∂z = y − t", () => {
    const values = logisticGraphValues({ x: [50], t: 0, weights: [1], bias: 0 });
    assert.equal(values.y, 1);
    assert.equal(values.dLossDz, 1);
    assert.deepEqual(values.dLossDWeights, [50]);
  });

  test("agrees with notebook 05's logisticGradients for a batch of one object, with the trained tensors", () => {
    const params = { w: tf.tensor1d(weights), b: tf.scalar(bias) };
    const before = tf.memory().numTensors;
    const values = logisticGraphValues({ x, t: 1, weights: params.w, bias: params.b });
    assert.equal(tf.memory().numTensors, before, "the tensors are read, nothing is left behind");
    const gradients = logisticGradients([x], [1], params);
    Array.from(gradients.dw.dataSync()).forEach((value, k) => close(values.dLossDWeights[k]!, value, `dw${k + 1}`));
    close(values.dLossDBias, gradients.db.dataSync()[0]!, "db");
    tf.dispose([params.w, params.b, gradients.dw, gradients.db]);
  });

  test("bad input is refused in Portuguese", () => {
    assert.throws(() => logisticGraphValues({ x: [1, 2], t: 1, weights: [1], bias: 0 }), /um peso por atributo/);
    assert.throws(() => logisticGraphValues({ x: [1], t: 2, weights: [1], bias: 0 }), /0 \(estrela\) ou 1 \(galáxia\)/);
    assert.throws(() => logisticGraphValues({ x: [Number.NaN], t: 1, weights: [1], bias: 0 }), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /posição 0/);
      return true;
    });
    const matrix = tf.zeros([2, 2]);
    assert.throws(() => logisticGraphValues({ x: [1, 2], t: 1, weights: matrix as tf.Tensor1D, bias: 0 }), /posto 1/);
    matrix.dispose();
  });
});
