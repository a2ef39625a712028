import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { expectNoLeakedTensors, maxAbsDifference } from "../../test-support/tensors";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "./install-speedups";

const ACTIVATIONS = [
  { name: "relu", fused: "ReluGrad", apply: (x: tf.Tensor) => tf.relu(x), tolerance: 0 },
  { name: "sigmoid", fused: "SigmoidGrad", apply: (x: tf.Tensor) => tf.sigmoid(x), tolerance: 1e-7 },
  { name: "tanh", fused: "TanhGrad", apply: (x: tf.Tensor) => tf.tanh(x), tolerance: 1e-7 },
] as const;

/** d/dx Σ w·f(x) — the upstream gradient w is not all ones, so dy matters. */
function gradientOf(apply: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, w: tf.Tensor): tf.Tensor {
  return tf.grad((input: tf.Tensor) => tf.sum(tf.mul(apply(input), w)))(x);
}

describe("fused activation gradients on the native backend", () => {
  for (const activation of ACTIVATIONS) {
    test(`${activation.name}: ${activation.fused} gives tfjs's gradient, and only it runs`, async () => {
      const x = tf.randomNormal([64, 33], 0, 2, "float32", 11);
      const w = tf.randomNormal([64, 33], 0, 1, "float32", 12);
      try {
        const reference = await withoutNativeSpeedups(() => gradientOf(activation.apply, x, w));
        let fast: tf.Tensor | undefined;
        const ops = await nativeOpsRunBy(() => {
          fast = gradientOf(activation.apply, x, w);
        });
        assert.ok(fast !== undefined);
        assert.ok(ops.includes(activation.fused), `ops: ${ops.join(", ")}`);
        assert.ok(!ops.includes("Select"), "tfjs's step() chain should not run");
        assert.ok(maxAbsDifference(fast, reference) <= activation.tolerance, `diferença ${maxAbsDifference(fast, reference)}`);
        tf.dispose([fast, reference]);
      } finally {
        tf.dispose([x, w]);
      }
    });
  }

  test("relu at 0 and below has gradient 0, above has dy (known values)", () => {
    const x = tf.tensor1d([-2, -0.5, 0, 0.5, 3]);
    const w = tf.tensor1d([10, 20, 30, 40, 50]);
    const g = gradientOf((input) => tf.relu(input), x, w);
    assert.deepEqual(Array.from(g.dataSync()), [0, 0, 0, 40, 50]);
    tf.dispose([x, w, g]);
  });

  test("second derivatives still work (tfjs's differentiable formulas inside a higher-order gradient)", async () => {
    // f(u) = u·relu(u): f″ = 2 for u > 0, 0 for u < 0. If the fused, untaped ReluGrad ran inside
    // the outer gradient, the term u·step(u) of f′ would be lost and f″ would come out as 1.
    const x = tf.tensor1d([-1.5, -0.2, 0.3, 1.7]);
    const second = (input: tf.Tensor) => tf.grad(tf.grad((u: tf.Tensor) => tf.mul(tf.relu(u), u)))(input);
    const fast = second(x);
    const reference = await withoutNativeSpeedups(() => second(x));
    assert.deepEqual(Array.from(fast.dataSync()), [0, 0, 2, 2]);
    assert.deepEqual(Array.from(reference.dataSync()), [0, 0, 2, 2]);
    tf.dispose([x, fast, reference]);
  });

  test("leaves no tensors behind", async () => {
    const x = tf.randomNormal([8, 8], 0, 1, "float32", 3);
    await expectNoLeakedTensors(tf, () => {
      for (const activation of ACTIVATIONS) {
        tf.dispose(gradientOf(activation.apply, x, x));
      }
    });
    x.dispose();
  });
});
