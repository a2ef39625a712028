import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { InvalidAttentionInputError } from "./attention-errors";
import { causalMask, scaledDotProductAttention } from "./scaled-dot-product-attention";

describe("scaledDotProductAttention", () => {
  test("matches softmax(QKᵀ/√d)V computed by hand for a small example", () => {
    const q = tf.tensor2d([[1, 0], [0, 2]]);
    const k = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
    const v = tf.tensor2d([[1, 10], [2, 20], [3, 30]]);
    const { output, weights } = scaledDotProductAttention(q, k, v);
    const qs = [[1, 0], [0, 2]];
    const ks = [[1, 0], [0, 1], [1, 1]];
    const vs = [[1, 10], [2, 20], [3, 30]];
    const expectedWeights = qs.map((qi) => {
      const e = ks.map((kj) => Math.exp(((qi[0] as number) * (kj[0] as number) + (qi[1] as number) * (kj[1] as number)) / Math.SQRT2));
      const total = e.reduce((s, x) => s + x, 0);
      return e.map((x) => x / total);
    });
    const w = weights.arraySync() as number[][];
    const o = output.arraySync() as number[][];
    expectedWeights.forEach((row, i) => {
      row.forEach((x, j) => assert.ok(Math.abs(x - ((w[i] as number[])[j] as number)) < 1e-6));
      [0, 1].forEach((c) => {
        const expected = row.reduce((s, x, j) => s + x * ((vs[j] as number[])[c] as number), 0);
        assert.ok(Math.abs(expected - ((o[i] as number[])[c] as number)) < 1e-4, `output[${i}][${c}]`);
      });
    });
    tf.dispose([q, k, v, output, weights]);
  });

  test("weights sum to 1 over the keys, for a batch of random inputs, and the output has shape [..., nq, dv]", () => {
    const q = tf.randomNormal([2, 4, 8], 0, 1, "float32", 1);
    const k = tf.randomNormal([2, 6, 8], 0, 1, "float32", 2);
    const v = tf.randomNormal([2, 6, 3], 0, 1, "float32", 3);
    const { output, weights } = scaledDotProductAttention(q, k, v);
    assert.deepEqual(weights.shape, [2, 4, 6]);
    assert.deepEqual(output.shape, [2, 4, 3]);
    const sums = tf.tidy(() => weights.sum(-1).arraySync() as number[][]);
    sums.flat().forEach((s) => assert.ok(Math.abs(s - 1) < 1e-5, `row sum ${s}`));
    tf.dispose([q, k, v, output, weights]);
  });

  test("a causal mask gives exactly zero weight to future keys, and rows still sum to 1", () => {
    const x = tf.randomNormal([5, 4], 0, 1, "float32", 7);
    const mask = causalMask(5);
    const { output, weights } = scaledDotProductAttention(x, x, x, mask);
    const w = weights.arraySync() as number[][];
    w.forEach((row, i) => {
      row.forEach((value, j) => {
        if (j > i) assert.equal(value, 0, `query ${i} sees future key ${j}`);
      });
      assert.ok(Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 1e-5);
    });
    assert.equal((w[0] as number[])[0], 1, "the first step can only look at itself");
    tf.dispose([x, mask, output, weights]);
  });

  test("leaks no tensors", async () => {
    const x = tf.randomNormal([3, 4]);
    const mask = causalMask(3);
    await expectNoLeakedTensors(tf, () => {
      const r = scaledDotProductAttention(x, x, x, mask);
      tf.dispose([r.output, r.weights]);
    });
    tf.dispose([x, mask]);
  });

  test("refuses shapes that do not fit and masks that hide every key", () => {
    const q = tf.zeros([2, 4]);
    const k = tf.zeros([3, 5]);
    const v = tf.zeros([3, 2]);
    const k4 = tf.zeros([3, 4]);
    const v2 = tf.zeros([2, 2]);
    assert.throws(() => scaledDotProductAttention(q, k, v), (e: unknown) => e instanceof InvalidAttentionInputError && /d_k/.test(e.message));
    assert.throws(() => scaledDotProductAttention(q, k4, v2), /cada chave precisa de um valor/);
    const badMask = tf.zeros([3, 3]);
    assert.throws(() => scaledDotProductAttention(q, k4, v, badMask), /\[\.\.\., 2, 3\]/);
    const emptyRow = tf.tensor2d([[1, 0, 0], [0, 0, 0]]);
    assert.throws(() => scaledDotProductAttention(q, k4, v, emptyRow), /ao menos um 1/);
    assert.throws(() => causalMask(0), InvalidAttentionInputError);
    tf.dispose([q, k, v, k4, v2, badMask, emptyRow]);
  });
});
