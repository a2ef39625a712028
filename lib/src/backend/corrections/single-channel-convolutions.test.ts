/**
 * Every convolution op the course can reach, with one input and one output channel, on the
 * native backend: gradients against central finite differences (gradientCheck) and, with the
 * same numbers, against the pure-JavaScript `cpu` backend. The first rows are the shapes where
 * TF 2.21's oneDNN gave relative errors of 0.02 to above 1 (single-channel-convolutions.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { gradientCheck } from "../../backprop/gradient-check";
import { expectNoLeakedTensors } from "../../test-support/tensors";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import {
  hasOneInputAndOneOutputChannel,
  singleChannelConvolutionCorrectionInstalled,
  withoutSingleChannelConvolutionCorrection,
} from "./single-channel-convolutions";

type Op = (x: tf.Tensor, filter: tf.Tensor) => tf.Tensor;

interface Case {
  readonly name: string;
  readonly x: number[];
  readonly filter: number[];
  readonly op: Op;
  /** tfjs has no gradient for this op (dilated convolutions, conv3dTranspose): values only. */
  readonly forwardOnly?: boolean;
}

const conv2d = (strides: number | [number, number], pad: "valid" | "same", dilations: number | [number, number] = 1): Op => (x, f) =>
  tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, strides, pad, "NHWC", dilations);

const CASES: readonly Case[] = [
  { name: "conv2d", x: [2, 3, 3, 1], filter: [2, 2, 1, 1], op: conv2d(1, "valid") },
  { name: "conv2d", x: [1, 28, 28, 1], filter: [3, 3, 1, 1], op: conv2d(1, "valid") },
  { name: "conv2d", x: [8, 28, 28, 1], filter: [5, 5, 1, 1], op: conv2d(1, "valid") },
  { name: "conv2d, 2 output channels", x: [2, 3, 3, 1], filter: [2, 2, 1, 2], op: conv2d(1, "valid") },
  { name: "conv2d, 2 input channels", x: [2, 4, 4, 2], filter: [2, 2, 2, 1], op: conv2d(1, "valid") },
  { name: "conv2d stride 2 same", x: [3, 9, 9, 1], filter: [3, 3, 1, 1], op: conv2d(2, "same") },
  { name: "conv2d strides [1,2]", x: [1, 7, 8, 1], filter: [3, 2, 1, 1], op: conv2d([1, 2], "valid") },
  { name: "conv2d dilation 2 same", x: [2, 9, 9, 1], filter: [3, 3, 1, 1], op: conv2d(1, "same", 2), forwardOnly: true },
  { name: "conv1d stride 2 same", x: [2, 14, 1], filter: [3, 1, 1], op: (x, f) => tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, 2, "same") },
  { name: "conv1d", x: [1, 14, 1], filter: [3, 1, 1], op: (x, f) => tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, 1, "valid") },
  { name: "conv3d", x: [2, 4, 5, 6, 1], filter: [2, 2, 2, 1, 1], op: (x, f) => tf.conv3d(x as tf.Tensor5D, f as tf.Tensor5D, 1, "valid") },
  { name: "conv3d stride 2 same", x: [1, 6, 6, 6, 1], filter: [3, 3, 3, 1, 1], op: (x, f) => tf.conv3d(x as tf.Tensor5D, f as tf.Tensor5D, 2, "same") },
  { name: "depthwiseConv2d", x: [2, 6, 6, 1], filter: [3, 3, 1, 1], op: (x, f) => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "valid") },
  { name: "depthwiseConv2d stride 2 same", x: [1, 9, 9, 1], filter: [3, 3, 1, 1], op: (x, f) => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, "same") },
  {
    name: "separableConv2d",
    x: [2, 6, 6, 1],
    filter: [3, 3, 1, 1],
    op: (x, f) => tf.tidy(() => tf.separableConv2d(x as tf.Tensor4D, f as tf.Tensor4D, tf.tensor4d([0.7], [1, 1, 1, 1]), 1, "same")),
  },
  {
    name: "conv2dTranspose",
    x: [2, 3, 3, 1],
    filter: [2, 2, 1, 1],
    op: (x, f) => tf.conv2dTranspose(x as tf.Tensor4D, f as tf.Tensor4D, [x.shape[0] as number, 4, 4, 1], 1, "valid"),
  },
  {
    name: "conv2dTranspose stride 2 same",
    x: [2, 7, 7, 1],
    filter: [3, 3, 1, 1],
    op: (x, f) => tf.conv2dTranspose(x as tf.Tensor4D, f as tf.Tensor4D, [x.shape[0] as number, 14, 14, 1], 2, "same"),
  },
  {
    name: "conv3dTranspose",
    x: [2, 2, 2, 2, 1],
    filter: [2, 2, 2, 1, 1],
    op: (x, f) => tf.conv3dTranspose(x as tf.Tensor5D, f as tf.Tensor5D, [x.shape[0] as number, 3, 3, 3, 1], 1, "valid"),
    forwardOnly: true,
  },
  {
    name: "fused conv2d + bias + relu",
    x: [2, 5, 5, 1],
    filter: [2, 2, 1, 1],
    op: (x, f) => tf.tidy(() => tf.fused.conv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, strides: 1, pad: "valid", bias: tf.scalar(0.1), activation: "relu" })),
  },
  {
    name: "fused conv2d stride 2 same",
    x: [4, 8, 8, 1],
    filter: [3, 3, 1, 1],
    op: (x, f) => tf.tidy(() => tf.fused.conv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, strides: 2, pad: "same", bias: tf.scalar(0.1) })),
  },
];

/** The loss of the table: sum(op(x, f)²). */
const lossOf = (op: Op) => (x: tf.Tensor, f: tf.Tensor): tf.Scalar => op(x, f).square().sum() as tf.Scalar;

/** ‖a − b‖ / max(‖a‖, ‖b‖), the measure of gradientCheck. */
function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let difference = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    difference += ((a[i] as number) - (b[i] as number)) ** 2;
    normA += (a[i] as number) ** 2;
    normB += (b[i] as number) ** 2;
  }
  return Math.sqrt(difference) / Math.max(Math.sqrt(normA), Math.sqrt(normB), 1e-30);
}

/** The op's value, and its gradients unless forwardOnly, computed on `backend`. */
function computeOn(backend: "tensorflow" | "cpu", c: Case, xValues: Float32Array, filterValues: Float32Array): Float32Array[] {
  assert.ok(tf.setBackend(backend));
  try {
    return tf.tidy(() => {
      const x = tf.tensor(xValues, c.x);
      const filter = tf.tensor(filterValues, c.filter);
      const value = c.op(x, filter).dataSync() as Float32Array;
      if (c.forwardOnly) return [value];
      return [value, ...tf.grads(lossOf(c.op))([x, filter]).map((g) => g.dataSync() as Float32Array)];
    });
  } finally {
    tf.setBackend("tensorflow");
  }
}

describe("convolutions with one input and one output channel on the native backend", () => {
  test("the correction is in effect once the library has loaded", () => {
    assert.equal(tf.getBackend(), "tensorflow");
    assert.equal(singleChannelConvolutionCorrectionInstalled(), true);
  });

  for (const [i, c] of CASES.entries()) {
    const label = `${c.name}: x [${c.x.join(",")}], filter [${c.filter.join(",")}]`;
    test(`${label}: ${c.forwardOnly ? "values equal" : "values and gradients equal"} the cpu backend's`, () => {
      const xValues = tf.tidy(() => tf.randomUniform(c.x, -1, 1, "float32", 10 + i).dataSync() as Float32Array);
      const filterValues = tf.tidy(() => tf.randomUniform(c.filter, -1, 1, "float32", 100 + i).dataSync() as Float32Array);
      const native = computeOn("tensorflow", c, xValues, filterValues);
      const cpu = computeOn("cpu", c, xValues, filterValues);
      ["valor", "∂/∂x", "∂/∂filtro"].slice(0, native.length).forEach((what, k) => {
        const error = relativeDifference(native[k] as Float32Array, cpu[k] as Float32Array);
        assert.ok(error < 1e-5, `${what}: diferença relativa ${error.toExponential(1)} entre o backend nativo e o cpu`);
      });
    });
    if (c.forwardOnly) continue;
    test(`${label}: gradients agree with central finite differences`, () => {
      const x = tf.randomUniform(c.x, -1, 1, "float32", 10 + i);
      const filter = tf.randomUniform(c.filter, -1, 1, "float32", 100 + i);
      try {
        const check = gradientCheck(lossOf(c.op), [x, filter], { maxCoordinatesPerInput: 150, seed: i });
        assert.ok(check.ok, check.verdict);
        // float32 central differences of a sum of up to 5000 squares: about 1e-3 at worst.
        assert.ok(check.relativeError < 5e-3, check.verdict);
      } finally {
        tf.dispose([x, filter]);
      }
    });
  }

  test("only filters with one input and one output channel take the corrected path", async () => {
    const padsFor = async (xShape: number[], filterShape: number[]): Promise<number> => {
      const x = tf.randomUniform(xShape, -1, 1, "float32", 1);
      const filter = tf.randomUniform(filterShape, -1, 1, "float32", 2);
      const ops = await nativeOpsRunBy(() => tf.dispose(tf.grad((v: tf.Tensor) => tf.conv2d(v as tf.Tensor4D, filter as tf.Tensor4D, 1, "valid").sum())(x)));
      tf.dispose([x, filter]);
      assert.ok(ops.includes("Conv2DBackpropInput"), `ops: ${ops.join(", ")}`);
      return ops.filter((op) => op.startsWith("Pad")).length;
    };
    assert.equal(await padsFor([2, 5, 5, 1], [2, 2, 1, 1]), 2); // dy and the filter get a zero channel
    assert.equal(await padsFor([2, 5, 5, 1], [2, 2, 1, 3]), 0);
    assert.equal(await padsFor([2, 5, 5, 3], [2, 2, 3, 1]), 0);
    assert.deepEqual(
      [[3, 3, 1, 1], [3, 3, 1, 2], [3, 3, 2, 1], [2, 2, 2, 1, 1], [1]].map(hasOneInputAndOneOutputChannel),
      [true, false, false, true, false],
    );
  });

  test("a one-channel conv2dTranspose layer trains like on the cpu backend (the autoencoder's last layer)", () => {
    const train = (backend: "tensorflow" | "cpu"): Float32Array => {
      assert.ok(tf.setBackend(backend));
      try {
        return tf.tidy(() => {
          const filter = tf.variable(tf.randomUniform([3, 3, 1, 1], -1, 1, "float32", 3)) as tf.Variable<tf.Rank.R4>;
          const code = tf.variable(tf.randomUniform([4, 6, 6, 1], -1, 1, "float32", 4)) as tf.Variable<tf.Rank.R4>;
          const target = tf.randomUniform([4, 12, 12, 1], 0, 1, "float32", 5);
          const optimizer = tf.train.sgd(0.05);
          for (let step = 0; step < 5; step++) {
            optimizer.minimize(() => tf.losses.meanSquaredError(target, tf.conv2dTranspose(code, filter, [4, 12, 12, 1], 2, "same")) as tf.Scalar);
          }
          optimizer.dispose();
          const result = Float32Array.from([...filter.dataSync(), ...code.dataSync()]);
          tf.dispose([filter, code]);
          return result;
        });
      } finally {
        tf.setBackend("tensorflow");
      }
    };
    const error = relativeDifference(train("tensorflow"), train("cpu"));
    assert.ok(error < 1e-5, `pesos após 5 passos: diferença relativa ${error.toExponential(1)}`);
  });

  test("withoutSingleChannelConvolutionCorrection runs tfjs-node's own kernel, then puts the correction back", async () => {
    const x = tf.randomUniform([2, 4, 4, 1], -1, 1, "float32", 6);
    const filter = tf.randomUniform([2, 2, 1, 1], -1, 1, "float32", 7);
    const gradient = (): void => tf.dispose(tf.grad((v: tf.Tensor) => tf.conv2d(v as tf.Tensor4D, filter as tf.Tensor4D, 1, "valid").sum())(x));
    const published = await nativeOpsRunBy(() => withoutSingleChannelConvolutionCorrection(gradient));
    assert.equal(published.filter((op) => op.startsWith("Pad")).length, 0, published.join(", "));
    assert.equal(singleChannelConvolutionCorrectionInstalled(), true);
    const corrected = await nativeOpsRunBy(gradient);
    assert.equal(corrected.filter((op) => op.startsWith("Pad")).length, 2, corrected.join(", "));
    tf.dispose([x, filter]);
  });

  test("leaves no tensors behind", async () => {
    for (const c of CASES) {
      const x = tf.randomUniform(c.x, -1, 1, "float32", 8);
      const filter = tf.randomUniform(c.filter, -1, 1, "float32", 9);
      await expectNoLeakedTensors(tf, () => {
        tf.dispose(c.op(x, filter));
        if (!c.forwardOnly) tf.dispose(tf.grads(lossOf(c.op))([x, filter]));
      });
      tf.dispose([x, filter]);
    }
  });
});
