import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { randomFromState } from "../random/seeded-random";
import {
  binaryCrossEntropy,
  gradientDescentStep,
  logisticAccuracy,
  logisticForward,
  logisticGradients,
  trainLogisticRegression,
  zeroLogisticParameters,
} from "./logistic-regression";
import { TrainingInputError } from "./training-errors";

function randomProblem(seed: number, n: number, k: number): { x: number[][]; t: number[]; w: number[]; b: number } {
  const random = randomFromState(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: k }, () => random.normal()));
  const t = Array.from({ length: n }, () => (random.uniform() < 0.5 ? 0 : 1));
  return { x, t, w: Array.from({ length: k }, () => random.normal(0, 0.7)), b: random.normal(0, 0.5) };
}

const close = (actual: number[], expected: number[], tolerance: number, what: string): void => {
  assert.equal(actual.length, expected.length, `${what}: lengths`);
  actual.forEach((value, k) => assert.ok(Math.abs(value - expected[k]!) <= tolerance, `${what}[${k}]: ${value} vs ${expected[k]} (tol ${tolerance})`));
};

describe("logistic regression by hand", () => {
  test("known values: w = 0 gives y = 1/2, E = ln 2 and dE/dw = −(t − y)x", () => {
    const params = { w: tf.tensor1d([0, 0]), b: tf.scalar(0) };
    const y = logisticForward([[2, -1]], params);
    assert.deepEqual(y.shape, [1]);
    close(Array.from(y.dataSync()), [0.5], 1e-7, "y");
    close([binaryCrossEntropy(y, [1]).dataSync()[0]!], [Math.LN2], 1e-6, "E");
    const g = logisticGradients([[2, -1]], [1], params);
    close(Array.from(g.dw.dataSync()), [-1, 0.5], 1e-7, "dw");
    close([g.db.dataSync()[0]!], [-0.5], 1e-7, "db");
    // Δw = α (t − y) x with α = 0.5: w becomes (0.5, −0.25), b becomes 0.25.
    const next = gradientDescentStep(params, g, 0.5);
    close(Array.from(next.w.dataSync()), [0.5, -0.25], 1e-7, "w after one step");
    close([next.b.dataSync()[0]!], [0.25], 1e-7, "b after one step");
    tf.dispose([params.w, params.b, y, g.dw, g.db, next.w, next.b]);
  });

  test("the hand-written gradient equals tf.grad of the mean cross-entropy (5 random problems, tol 1e-5)", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { x, t, w, b } = randomProblem(seed, 40, 4);
      const params = { w: tf.tensor1d(w), b: tf.scalar(b) };
      const g = logisticGradients(x, t, params);
      const [autoW, autoB] = tf.tidy(() => {
        const xs = tf.tensor2d(x);
        const grads = tf.grads((wv: tf.Tensor, bv: tf.Tensor) =>
          binaryCrossEntropy(logisticForward(xs, { w: wv as tf.Tensor1D, b: bv as tf.Scalar }), t),
        )([params.w, params.b]);
        return [Array.from(grads[0]!.dataSync()), grads[1]!.dataSync()[0]!];
      });
      assert.deepEqual(g.dw.shape, [4]);
      assert.deepEqual(g.db.shape, []);
      close(Array.from(g.dw.dataSync()), autoW, 1e-5, `dw (seed ${seed})`);
      close([g.db.dataSync()[0]!], [autoB], 1e-5, `db (seed ${seed})`);
      tf.dispose([params.w, params.b, g.dw, g.db]);
    }
  });

  test("training lowers the loss and separates a linearly separable problem", () => {
    const random = randomFromState(11);
    const x = Array.from({ length: 200 }, () => [random.normal(), random.normal()]);
    const t = x.map(([a, b]) => (2 * a! - b! + 0.3 > 0 ? 1 : 0));
    const seen: number[] = [];
    const { params, history } = trainLogisticRegression(x, t, {
      learningRate: 1,
      epochs: 100,
      validation: { x: x.slice(0, 50), t: t.slice(0, 50) },
      onEpoch: (epoch) => seen.push(epoch),
    });
    assert.deepEqual(history.epoch, seen);
    assert.equal(history.logs.loss!.length, 100);
    assert.deepEqual(Object.keys(history.logs).sort(), ["acc", "loss", "val_acc", "val_loss"]);
    assert.ok(history.logs.loss![99]! < history.logs.loss![0]! / 3);
    for (let k = 1; k < 100; k++) assert.ok(history.logs.loss![k]! <= history.logs.loss![k - 1]! + 1e-6, "loss never rises at this α");
    assert.ok(logisticAccuracy(x, t, params) > 0.97);
    const [w1, w2] = Array.from(params.w.dataSync());
    assert.ok(w1! > 0 && w2! < 0 && Math.abs(w1! / w2! + 2) < 0.6, `direction of w ≈ (2, −1): ${w1}, ${w2}`);
    tf.dispose([params.w, params.b]);
  });

  test("leaks no tensors", async () => {
    const { x, t } = randomProblem(3, 30, 3);
    await expectNoLeakedTensors(tf, () => {
      const params = zeroLogisticParameters(3);
      const g = logisticGradients(x, t, params);
      const step = gradientDescentStep(params, g, 0.1);
      const y = logisticForward(x, step);
      binaryCrossEntropy(y, t).dispose();
      logisticAccuracy(x, t, step);
      const xs = tf.tensor2d(x);
      const trained = trainLogisticRegression(xs, t, { learningRate: 0.1, epochs: 3, initial: params, validation: { x, t } });
      tf.dispose([xs, y, params.w, params.b, g.dw, g.db, step.w, step.b, trained.params.w, trained.params.b]);
      assert.throws(() => trainLogisticRegression(x, t, { learningRate: 0.1, epochs: 3, onEpoch: () => { throw new Error("parou"); } }), /parou/);
    });
  });

  test("bad input gives TrainingInputError with a Portuguese explanation", async () => {
    const params = zeroLogisticParameters(2);
    const check = (run: () => unknown, pattern: RegExp): void =>
      assert.throws(run, (error: unknown) => error instanceof TrainingInputError && pattern.test(error.message));
    check(() => logisticGradients([[1, 2], [3, 4]], [1], params), /2 objetos mas t tem 1 alvos/);
    check(() => logisticGradients([[1, 2, 3]], [1], params), /x tem 3 atributos, w tem forma \[2\]/);
    check(() => logisticGradients([[1, Number.NaN]], [1], params), /valor não finito \(NaN\) no objeto 0, atributo 1/);
    check(() => logisticGradients([[1, 2]], [2], params), /entre 0 e 1/);
    check(() => logisticGradients([], [], params), /lista não vazia de linhas/);
    check(() => logisticGradients(tf.zeros([0, 2]) as tf.Tensor2D, [], params), /Não há dados para treinar/);
    check(() => logisticGradients([[1, 2], [3]], [0, 1], params), /linha 1 de x tem 1 colunas/);
    check(() => trainLogisticRegression([[1, 2]], [1], { learningRate: 0, epochs: 5 }), /α deve ser um número positivo.*recebi 0/);
    check(() => trainLogisticRegression([[1, 2]], [1], { learningRate: -0.1, epochs: 5 }), /recebi -0.1/);
    check(() => trainLogisticRegression([[1, 2]], [1], { learningRate: 0.1, epochs: 0 }), /épocas deve ser um inteiro ≥ 1/);
    check(() => logisticForward(tf.zeros([2]) as unknown as tf.Tensor2D, params), /matriz \(tensor 2-D/);
    check(() => binaryCrossEntropy(tf.tensor1d([0.5, 0.5]), [1]), /mesma forma/);
    tf.dispose([params.w, params.b]);
  });
});
