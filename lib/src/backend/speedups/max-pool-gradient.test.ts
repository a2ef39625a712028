import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { expectNoLeakedTensors, maxAbsDifference } from "../../test-support/tensors";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "./install-speedups";

type Pool = {
  shape: [number, number, number, number];
  filter: number | [number, number];
  strides: number | [number, number];
  pad: "valid" | "same";
  /** Overlapping windows add several gradients into one input: the order of that sum may differ. */
  tolerance: number;
};

const CASES: Pool[] = [
  { shape: [4, 26, 26, 8], filter: 2, strides: 2, pad: "valid", tolerance: 0 }, // the course's convnet
  { shape: [2, 7, 9, 3], filter: 3, strides: 2, pad: "same", tolerance: 1e-5 }, // odd sizes, padding
  { shape: [3, 8, 8, 5], filter: 3, strides: 1, pad: "valid", tolerance: 1e-5 }, // overlapping windows
  { shape: [1, 5, 6, 1], filter: [2, 3], strides: [1, 2], pad: "same", tolerance: 1e-5 },
];

function poolGradient(pool: Pool, x: tf.Tensor4D, w: tf.Tensor): tf.Tensor {
  return tf.grad((input: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(input as tf.Tensor4D, pool.filter, pool.strides, pool.pad), w)))(x);
}

describe("max pooling gradient on oneDNN", () => {
  for (const pool of CASES) {
    test(`input ${pool.shape.join("×")}, filter ${String(pool.filter)}, strides ${String(pool.strides)}, ${pool.pad}: same as MaxPoolGrad${pool.tolerance === 0 ? " (bit for bit)" : ""}`, async () => {
      // Integers make ties (several maxima in one window) likely: the gradient must pick the same one.
      const x = tf.floor(tf.randomUniform(pool.shape, 0, 4, "float32", 5)) as tf.Tensor4D;
      const outputShape = tf.maxPool(x, pool.filter, pool.strides, pool.pad).shape;
      const w = tf.randomNormal(outputShape, 0, 1, "float32", 6);
      try {
        const reference = await withoutNativeSpeedups(() => poolGradient(pool, x, w));
        let fast: tf.Tensor | undefined;
        const ops = await nativeOpsRunBy(() => {
          fast = poolGradient(pool, x, w);
        });
        assert.ok(fast !== undefined);
        assert.ok(ops.includes("_MklNativeMaxPoolGrad"), `ops: ${ops.join(", ")}`);
        assert.ok(!ops.includes("MaxPoolGrad"));
        // Far below 1 (a gradient sent to the wrong element of a tie would differ by whole values).
        assert.ok(maxAbsDifference(fast, reference) <= pool.tolerance, `diferença ${maxAbsDifference(fast, reference)}`);
        tf.dispose([fast, reference]);
      } finally {
        tf.dispose([x, w]);
      }
    });
  }

  test("int32 input keeps tfjs-node's kernel", async () => {
    const x = tf.tensor4d([1, 5, 3, 2], [1, 2, 2, 1], "int32");
    const dy = tf.tensor4d([7], [1, 1, 1, 1], "int32");
    const y = tf.maxPool(x, 2, 2, "valid");
    let ops: string[] = [];
    try {
      ops = await nativeOpsRunBy(() =>
        tf.dispose(tf.engine().runKernel("MaxPoolGrad", { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: "valid" }) as tf.Tensor),
      );
    } catch {
      // TensorFlow may have no int32 MaxPoolGrad; what matters is that oneDNN was not asked.
    }
    assert.ok(!ops.includes("_MklNativeMaxPoolGrad"));
    tf.dispose([x, dy, y]);
  });

  test("leaves no tensors behind", async () => {
    const x = tf.randomUniform([2, 6, 6, 3], 0, 1, "float32", 8) as tf.Tensor4D;
    const w = tf.onesLike(tf.maxPool(x, 2, 2, "valid"));
    await expectNoLeakedTensors(tf, () => tf.dispose(poolGradient(CASES[0] as Pool, x, w)));
    tf.dispose([x, w]);
  });
});
