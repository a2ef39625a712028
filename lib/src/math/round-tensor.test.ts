import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { isCourseError } from "../errors";
import { RoundDtypeError, roundTensor } from "./round-tensor";

describe("roundTensor", () => {
  test("runs on the native backend, where tf.round itself zeroes int32 tensors (the deviation it avoids)", () => {
    assert.equal(tf.getBackend(), "tensorflow");
    const values = [-12345678, -3, 0, 7, 2 ** 24 + 1, 2 ** 30];
    const broken = tf.tidy(() => Array.from(tf.round(tf.tensor1d(values, "int32")).dataSync()));
    // If this starts failing, TensorFlow fixed its kernel: update the note in round-tensor.ts.
    assert.notDeepEqual(broken, values, "tf.round on int32 is still wrong on this build");
  });

  test("returns int32 tensors exactly, with dtype and shape kept, even beyond float32's exact integers", () => {
    const values = [-12345678, -3, 0, 7, 2 ** 24 + 1, 2 ** 30];
    const x = tf.tensor2d(values, [2, 3], "int32");
    const rounded = roundTensor(x);
    assert.equal(rounded.dtype, "int32");
    assert.deepEqual(rounded.shape, [2, 3]);
    assert.deepEqual(Array.from(rounded.dataSync()), values);
    assert.notEqual(rounded, x, "a new tensor the caller owns");
    tf.dispose([x, rounded]);
  });

  test("rounds float32 like Python's round: to the nearest integer, halves to even", () => {
    const x = tf.tensor1d([1.4, 1.5, 2.5, -0.5, -0.6, -1.5, 3.7, 1e7 + 0.5]);
    const rounded = roundTensor(x);
    assert.equal(rounded.dtype, "float32");
    const expected = [1.4, 1.5, 2.5, -0.5, -0.6, -1.5, 3.7, Math.fround(1e7 + 0.5)].map(roundHalfToEven);
    // `+ 0` turns -0 (TensorFlow's round(-0.5)) into 0, which compares equal in arithmetic.
    assert.deepEqual(Array.from(rounded.dataSync(), (value) => value + 0), expected);
    tf.dispose([x, rounded]);
  });

  test("leaks no tensors inside tidy", async () => {
    const x = tf.tensor1d([1, 2], "int32");
    await expectNoLeakedTensors(tf, () => tf.tidy(() => roundTensor(x).add(roundTensor(x.toFloat())).dataSync()));
    x.dispose();
  });

  test("refuses bool, string and complex tensors with a typed Portuguese error", () => {
    const inputs = [tf.tensor1d([true, false], "bool"), tf.tensor1d(["a"], "string"), tf.complex([1], [2])];
    for (const input of inputs) {
      assert.throws(
        () => roundTensor(input),
        (error: unknown) => error instanceof RoundDtypeError && isCourseError(error) && error.message.includes(`"${input.dtype}"`) && /espera/.test(error.message),
      );
    }
    tf.dispose(inputs);
  });
});

/** Independent reference: round half to even, as Python's round() and tf.round do. */
function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference < 0.5) return floor;
  if (difference > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
