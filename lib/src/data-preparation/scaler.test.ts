import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { fitScaler } from "./scaler";
import { DataPreparationError } from "./data-preparation-error";

describe("fitScaler on tensors", () => {
  test("z-score gives mean 0 and standard deviation 1 on the training data, min–max gives 0…1", () => {
    const x = tf.tensor2d([[1, 100], [2, 300], [3, 500], [6, 100]]);
    const z = fitScaler(x, "zscore").transform(x);
    const { mean, variance } = tf.moments(z, 0);
    Array.from(mean.dataSync()).forEach((m) => assert.ok(Math.abs(m) < 1e-6));
    Array.from(variance.dataSync()).forEach((v) => assert.ok(Math.abs(v - 1) < 1e-5));
    const m = fitScaler(x, "minmax").transform(x);
    assert.deepEqual(Array.from(m.min(0).dataSync()), [0, 0]);
    assert.deepEqual(Array.from(m.max(0).dataSync()), [1, 1]);
    const n = fitScaler(x, "none").transform(x);
    assert.deepEqual(n.arraySync(), x.arraySync());
    tf.dispose([x, z, mean, variance, m, n]);
  });

  test("applies the training statistics to other data and survives a constant feature, without leaks", async () => {
    const train = tf.tensor2d([[0, 5], [10, 5]]);
    const other = tf.tensor2d([[20, 5]]);
    const scaler = fitScaler(train, "minmax");
    await expectNoLeakedTensors(tf, () => scaler.transform(other).dispose());
    const scaled = scaler.transform(other);
    assert.deepEqual(scaled.arraySync(), [[2, 0]]);
    assert.throws(() => scaler.transform(tf.zeros([1, 3]) as tf.Tensor2D), /\[n, 2\]/);
    await expectNoLeakedTensors(tf, () => void fitScaler(train, "zscore"));
    assert.throws(() => fitScaler(train, "log" as never), (e: unknown) => e instanceof DataPreparationError && /método desconhecido "log"/.test(e.message));
    tf.dispose([train, other, scaled]);
  });

  test("refuses a tensor that is not 2-D, an empty one, or one with NaN, and leaks nothing doing so", async () => {
    const vector = tf.tensor1d([1, 2, 3]);
    const empty = tf.zeros([0, 2]) as tf.Tensor2D;
    const withNaN = tf.tensor2d([[1, Number.NaN]]);
    await expectNoLeakedTensors(tf, () => {
      assert.throws(() => fitScaler(vector as unknown as tf.Tensor2D), /esperava uma matriz \[exemplos, atributos\].*\[3\]/);
      assert.throws(() => fitScaler(empty), /ao menos um exemplo.*\[0, 2\]/);
      assert.throws(() => fitScaler(withNaN), /não finito/);
    });
    tf.dispose([vector, empty, withNaN]);
  });
});

describe("fitScaler on rows of numbers", () => {
  test("z-score by default: zero mean and unit variance on the training rows, reused on others", () => {
    const s = fitScaler([[1, 10], [3, 10], [5, 10]]);
    assert.equal(s.method, "zscore");
    assert.deepEqual(s.shift, [3, 10]);
    assert.ok(Math.abs(s.scale[0]! - Math.sqrt(8 / 3)) < 1e-12, "population standard deviation, in double precision");
    assert.equal(s.scale[1], 1, "a constant column is only centred");
    const [row] = s.transform([[3 + Math.sqrt(8 / 3), 12]]);
    assert.ok(Math.abs(row![0]! - 1) < 1e-12);
    assert.equal(row![1], 2);
  });

  test("rows and the same data as a tensor give the same statistics and the same scaled values", () => {
    const rows = [[1, 100], [2, 300], [3, 500], [6, 100]];
    const x = tf.tensor2d(rows);
    for (const method of ["zscore", "minmax", "none"] as const) {
      const fromRows = fitScaler(rows, method);
      const fromTensor = fitScaler(x, method);
      assert.deepEqual(fromTensor.shift, fromRows.shift, method);
      assert.deepEqual(fromTensor.scale, fromRows.scale, method);
      const scaled = fromTensor.transform(x);
      const values = scaled.arraySync();
      fromRows.transform(rows).forEach((row, i) => row.forEach((v, c) => assert.ok(Math.abs(v - values[i]![c]!) < 1e-6, `${method} [${i}, ${c}]`)));
      scaled.dispose();
    }
    x.dispose();
  });

  test("rejects no rows, ragged rows and NaN, in Portuguese", () => {
    assert.throws(() => fitScaler([]), (e: unknown) => e instanceof DataPreparationError && /não há dados/.test(e.message));
    assert.throws(() => fitScaler([[1, 2], [3]]), /linha 1 de dados de treino tem 1 colunas; esperava 2/);
    assert.throws(() => fitScaler([[1, Number.NaN]]), /não finito/);
    assert.throws(() => fitScaler([[1, 2]]).transform([[1]]), /esperava 2/);
    assert.throws(() => fitScaler([[1, 2]]).transform([[1, Number.POSITIVE_INFINITY]]), /dados a transformar.*não finito/);
  });
});
