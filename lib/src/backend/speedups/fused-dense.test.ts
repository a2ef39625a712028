import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { expectNoLeakedTensors, maxAbsDifference } from "../../test-support/tensors";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "./install-speedups";

/** oneDNN's fused product, what the kernel runs on this build. */
const FUSED_OP = "_MklNativeFusedMatMul";
/** TensorFlow's own, for a transposed first operand (which oneDNN's refuses). */
const FUSED_OP_TRANSPOSED_A = "_FusedMatMul";

type Activation = "linear" | "relu" | "relu6" | "elu" | "leakyrelu" | "sigmoid";

interface Layer {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly transposeA: boolean;
  readonly transposeB: boolean;
  readonly activation: Activation;
}

const ACTIVATIONS: readonly Activation[] = ["linear", "relu", "relu6", "elu", "leakyrelu", "sigmoid"];

/** The MLP's layers, batch 1, then seeded random sizes with every transpose combination and activation. */
function layers(): Layer[] {
  const fixed: Layer[] = [
    { m: 128, k: 784, n: 128, transposeA: false, transposeB: false, activation: "relu" },
    { m: 128, k: 128, n: 64, transposeA: false, transposeB: false, activation: "relu" },
    { m: 1, k: 64, n: 10, transposeA: false, transposeB: false, activation: "linear" },
  ];
  const sizes = tf.tidy(() => tf.randomUniform([ACTIVATIONS.length * 2, 3], 1, 40, "int32", 31).arraySync() as number[][]);
  const random = sizes.map(([m = 1, k = 1, n = 1], i) => ({
    m, k, n, transposeA: i % 2 === 1, transposeB: i % 4 >= 2, activation: ACTIVATIONS[i % ACTIVATIONS.length] ?? "linear",
  }));
  return [...fixed, ...random];
}

function label({ m, n, k, transposeA, transposeB, activation }: Layer): string {
  return `${m}×${k}·${k}×${n} + viés, ${activation}${transposeA ? ", transposeA" : ""}${transposeB ? ", transposeB" : ""}`;
}

function operands(layer: Layer, seed: number): { a: tf.Tensor2D; b: tf.Tensor2D; bias: tf.Tensor1D } {
  const { m, n, k, transposeA, transposeB } = layer;
  return {
    a: tf.randomNormal(transposeA ? [k, m] : [m, k], 0, 1, "float32", seed) as tf.Tensor2D,
    b: tf.randomNormal(transposeB ? [n, k] : [k, n], 0, 1, "float32", seed + 1) as tf.Tensor2D,
    bias: tf.randomNormal([n], 0, 1, "float32", seed + 2) as tf.Tensor1D,
  };
}

/** Sums of `k` float32 terms of size ~1 round differently in another order. */
const tolerance = (k: number) => 4e-5 * Math.max(1, Math.sqrt(k));

describe("dense layers on one fused TensorFlow op", () => {
  for (const [index, layer] of layers().entries()) {
    test(`${label(layer)}: same values as tfjs-node's chain, in one fused op`, async () => {
      const { a, b, bias } = operands(layer, 40 + 3 * index);
      const run = () =>
        tf.fused.matMul({ a, b, bias, transposeA: layer.transposeA, transposeB: layer.transposeB, activation: layer.activation, leakyreluAlpha: 0.1 });
      try {
        const published = await withoutNativeSpeedups(run);
        let fast: tf.Tensor | undefined;
        const ops = await nativeOpsRunBy(() => {
          fast = run();
        });
        assert.ok(fast !== undefined);
        assert.deepEqual(fast.shape, [layer.m, layer.n]);
        assert.equal(fast.dtype, "float32");
        assert.deepEqual(ops.filter((op) => op !== "Reshape"), [layer.transposeA ? FUSED_OP_TRANSPOSED_A : FUSED_OP]);
        assert.ok(maxAbsDifference(fast, published) <= tolerance(layer.k), `diferença ${maxAbsDifference(fast, published)}`);
        tf.dispose([fast, published]);
      } finally {
        tf.dispose([a, b, bias]);
      }
    });
  }

  test("gradients of a linear layer with bias (what training fuses) equal tfjs's", async () => {
    const layer: Layer = { m: 32, k: 20, n: 8, transposeA: false, transposeB: true, activation: "linear" };
    const { a, b, bias } = operands(layer, 7);
    const w = tf.randomNormal([layer.m, layer.n], 0, 1, "float32", 9);
    const gradients = () =>
      tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) =>
        tf.sum(tf.mul(tf.fused.matMul({ a: x as tf.Tensor2D, b: y as tf.Tensor2D, bias: z, transposeB: true }), w)),
      )([a, b, bias]);
    try {
      const published = await withoutNativeSpeedups(gradients);
      let fast: tf.Tensor[] = [];
      const ops = await nativeOpsRunBy(() => {
        fast = gradients();
      });
      assert.ok(ops.includes(FUSED_OP), `ops: ${ops.join(", ")}`);
      assert.equal(fast.length, 3);
      fast.forEach((gradient, i) => {
        const reference = published[i] as tf.Tensor;
        assert.ok(maxAbsDifference(gradient, reference) <= tolerance(32), `gradiente ${i}: ${maxAbsDifference(gradient, reference)}`);
      });
      tf.dispose([...fast, ...published]);
    } finally {
      tf.dispose([a, b, bias, w]);
    }
  });

  test("a Dense model's predict runs every layer with a supported activation on the fused op, with the same outputs", async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [20], units: 16, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.dense({ units: 8, activation: "elu", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
        tf.layers.dense({ units: 3, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
      ],
    });
    const x = tf.randomNormal([5, 20], 0, 1, "float32", 4);
    try {
      const published = await withoutNativeSpeedups(() => model.predict(x) as tf.Tensor);
      let fast: tf.Tensor | undefined;
      const ops = await nativeOpsRunBy(() => {
        fast = model.predict(x) as tf.Tensor;
      });
      assert.ok(fast !== undefined);
      // relu and elu are fused; softmax is not fusable, so tfjs-layers multiplies without a bias.
      assert.equal(ops.filter((op) => op === FUSED_OP).length, 2, `ops: ${ops.join(", ")}`);
      assert.ok(maxAbsDifference(fast, published) <= 1e-6, `diferença ${maxAbsDifference(fast, published)}`);
      tf.dispose([fast, published]);
    } finally {
      model.dispose();
      x.dispose();
    }
  });

  test("no bias, prelu, a bias per element and int32 keep tfjs-node's chain", async () => {
    const a = tf.randomNormal([4, 3], 0, 1, "float32", 1) as tf.Tensor2D;
    const b = tf.randomNormal([3, 2], 0, 1, "float32", 2) as tf.Tensor2D;
    const fullBias = tf.randomNormal([4, 2], 0, 1, "float32", 3);
    const alpha = tf.fill([2], 0.3);
    const ints = tf.tensor2d([[1, 2], [3, 4]], [2, 2], "int32");
    const intBias = tf.tensor1d([1, -1], "int32");
    let results: tf.Tensor[] = [];
    const ops = await nativeOpsRunBy(() => {
      results = [
        tf.fused.matMul({ a, b, activation: "relu" }),
        tf.fused.matMul({ a, b, bias: tf.zeros([2]), activation: "prelu", preluActivationWeights: alpha }),
        tf.fused.matMul({ a, b, bias: fullBias }),
        tf.fused.matMul({ a: ints, b: ints, bias: intBias }),
      ];
    });
    assert.ok(!ops.some((op) => op.endsWith("FusedMatMul")), `ops: ${ops.join(", ")}`);
    assert.deepEqual(Array.from(results[3]?.dataSync() ?? []), [8, 9, 16, 21]);
    tf.dispose([a, b, fullBias, alpha, ints, intBias, ...results]);
  });

  test("leaves no tensors behind, forward and backward", async () => {
    const { a, b, bias } = operands({ m: 6, k: 5, n: 4, transposeA: true, transposeB: false, activation: "relu" }, 3);
    await expectNoLeakedTensors(tf, () => tf.dispose(tf.fused.matMul({ a, b, bias, transposeA: true, activation: "relu" })));
    await expectNoLeakedTensors(tf, () =>
      tf.dispose(tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) => tf.sum(tf.fused.matMul({ a: x as tf.Tensor2D, b: y as tf.Tensor2D, bias: z, transposeA: true })))([a, b, bias])),
    );
    tf.dispose([a, b, bias]);
  });
});
