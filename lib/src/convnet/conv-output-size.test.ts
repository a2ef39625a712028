import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { convOutputSize, ConvOutputSizeError } from "./conv-output-size";

describe("convOutputSize", () => {
  test("agrees with tf.conv2d and tf.maxPool for a table of sizes, kernels, strides and paddings", () => {
    for (const n of [5, 7, 8, 28]) {
      for (const k of [1, 2, 3, 5]) {
        for (const s of [1, 2, 3]) {
          for (const padding of ["valid", "same"] as const) {
            if (padding === "valid" && k > n) continue;
            const [convH, convW, poolH] = tf.tidy(() => {
              const x = tf.ones([1, n, n + 1, 1]) as tf.Tensor4D;
              const conv = tf.conv2d(x, tf.ones([k, k, 1, 2]) as tf.Tensor4D, s, padding);
              const pool = tf.maxPool(x, k, s, padding);
              return [conv.shape[1], conv.shape[2], pool.shape[1]];
            });
            assert.equal(convOutputSize(n, k, s, padding), convH, `conv n=${n} k=${k} s=${s} ${padding}`);
            assert.equal(convOutputSize(n + 1, k, s, padding), convW);
            assert.equal(convOutputSize(n, k, s, padding), poolH);
          }
        }
      }
    }
  });

  test("explicit padding p equals a valid convolution of the input zero-padded by p", () => {
    for (const [n, k, s, p] of [[5, 3, 1, 1], [7, 3, 2, 1], [6, 5, 1, 2], [4, 3, 3, 0]] as const) {
      const size = tf.tidy(() => {
        const x = tf.pad(tf.ones([1, n, n, 1]), [[0, 0], [p, p], [p, p], [0, 0]]) as tf.Tensor4D;
        return tf.conv2d(x, tf.ones([k, k, 1, 1]) as tf.Tensor4D, s, "valid").shape[1];
      });
      assert.equal(convOutputSize(n, k, s, p), size);
    }
  });

  test("a kernel larger than the input gives 0 or less; bad arguments throw in Portuguese", () => {
    assert.ok(convOutputSize(2, 3) < 1);
    assert.throws(() => convOutputSize(0, 3), (e: unknown) => e instanceof ConvOutputSizeError && /"inputSize" deve ser um inteiro ≥ 1; recebi 0/.test(e.message));
    assert.throws(() => convOutputSize(5, 3, 1.5), /"stride"/);
    assert.throws(() => convOutputSize(5, 3, 1, -1), /padding deve ser/);
  });
});
