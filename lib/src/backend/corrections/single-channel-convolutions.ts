/**
 * Correct convolution gradients and transposed convolutions on the native backend when the
 * filter has exactly one input and one output channel.
 *
 * TensorFlow 2.21's oneDNN kernels for `Conv2DBackpropInput` and `Conv3DBackpropInputV2`
 * (what `tf.grad` of `conv1d`/`conv2d`/`conv3d`/`fused.conv2d` with respect to the input,
 * and the forward pass of `conv2dTranspose`/`conv3dTranspose`, run) return wrong values
 * when the filter is `[..., 1, 1]`: relative errors from 0.02 to above 1 against finite
 * differences and against the `cpu` backend, different from run to run — on AMD EPYC
 * processors with AVX-512 (Python's `tf.nn.conv2d_transpose` on TF 2.21 gives the same wrong
 * numbers; `TF_ENABLE_ONEDNN_OPTS=0` gives the right ones). With two or more channels on
 * either side the same kernels are right.
 *
 * So those calls get a second, all-zero output channel: the filter `[..., 1, 1]` becomes
 * `[..., 1, 2]` and the upstream gradient `dy` gets a zero channel. The second channel
 * contributes exactly zero to the input gradient, so the result is the same number
 * TensorFlow's correct kernels give, and the 2-channel case runs on the oneDNN path that is
 * right. Forward convolutions, filter gradients and depthwise convolutions are right on
 * this build and are not touched.
 *
 * The tests (single-channel-convolutions.test.ts) compare every convolution op with one
 * input and one output channel against central finite differences and the `cpu` backend;
 * `npm run conformance` runs tfjs's own convolution specs with this correction installed.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";

const BACKEND = "tensorflow";

/** A kernel whose input gradient oneDNN gets wrong for one input and one output channel. */
interface BackpropInputKernel {
  readonly name: string;
  /** Rank of the filter: [h, w, in, out] or [d, h, w, in, out]. */
  readonly filterRank: number;
  /** The channels-last data format, the only one TensorFlow's CPU kernels run. */
  readonly channelsLast: string;
}

const KERNELS: readonly BackpropInputKernel[] = [
  { name: "Conv2DBackpropInput", filterRank: 4, channelsLast: "NHWC" },
  { name: "Conv3DBackpropInputV2", filterRank: 5, channelsLast: "NDHWC" },
];

/** Whether `filter` has exactly one input and one output channel (its last two axes). */
export function hasOneInputAndOneOutputChannel(filterShape: readonly number[]): boolean {
  return filterShape.length >= 2 && filterShape.at(-1) === 1 && filterShape.at(-2) === 1;
}

/** `t` with one more all-zero channel on its last axis. */
function withZeroChannel(tf: TensorFlowModule, t: Tensor): Tensor {
  const paddings = t.shape.map((_, axis): [number, number] => (axis === t.rank - 1 ? [0, 1] : [0, 0]));
  return tf.pad(t, paddings);
}

function installOne(tf: TensorFlowModule, kernel: BackpropInputKernel): () => void {
  const original = tf.getKernel(kernel.name, BACKEND);
  if (original === undefined) {
    return () => undefined;
  }
  tf.unregisterKernel(kernel.name, BACKEND);
  tf.registerKernel({
    kernelName: kernel.name,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, filter } = inputs as unknown as { dy: Tensor; filter: Tensor };
      const dataFormat = (attrs as { dataFormat?: string } | undefined)?.dataFormat ?? kernel.channelsLast;
      const needsCorrection =
        filter.rank === kernel.filterRank &&
        dy.rank === kernel.filterRank &&
        dataFormat === kernel.channelsLast &&
        hasOneInputAndOneOutputChannel(filter.shape);
      if (!needsCorrection) {
        return original.kernelFunc({ inputs, backend, attrs });
      }
      // The padded copies are intermediates of this kernel: tidy frees them and keeps the result.
      return tf.tidy(() => {
        const padded = { dy: withZeroChannel(tf, dy), filter: withZeroChannel(tf, filter) };
        return original.kernelFunc({ inputs: padded, backend, attrs }) as Tensor;
      });
    },
  });
  return () => {
    tf.unregisterKernel(kernel.name, BACKEND);
    tf.registerKernel(original);
  };
}

const slotKey = Symbol.for("@redes-neurais/lib:single-channel-convolutions");
interface Installation {
  readonly tf: TensorFlowModule;
  undo: Array<() => void>;
}
type Slot = { [slotKey]?: Installation };

/**
 * Replaces tfjs-node's `Conv2DBackpropInput` and `Conv3DBackpropInputV2` kernels by ones that
 * route filters with one input and one output channel through the correct 2-channel path
 * (once per process; other filters go to tfjs-node's kernels unchanged). Does nothing when
 * tfjs-node's kernels are not registered (the pure-JavaScript fallback has no such bug).
 *
 * @returns Whether the correction is in effect.
 */
export function installSingleChannelConvolutionCorrection(tf: TensorFlowModule): boolean {
  const slot = globalThis as Slot;
  if (slot[slotKey] !== undefined) {
    return true;
  }
  if (KERNELS.some((kernel) => tf.getKernel(kernel.name, BACKEND) === undefined)) {
    return false;
  }
  slot[slotKey] = { tf, undo: KERNELS.map((kernel) => installOne(tf, kernel)) };
  return true;
}

/** Whether the correction is in effect in this process. */
export function singleChannelConvolutionCorrectionInstalled(): boolean {
  const installation = (globalThis as Slot)[slotKey];
  return installation !== undefined && installation.undo.length > 0;
}

/**
 * Runs `body` on tfjs-node's kernels as published (the wrong numbers), then puts the
 * correction back — for the tests that show the correction is still needed.
 */
export function withoutSingleChannelConvolutionCorrection<T>(body: () => T): T {
  const installation = (globalThis as Slot)[slotKey];
  if (installation === undefined || installation.undo.length === 0) {
    return body();
  }
  for (const undo of installation.undo) {
    undo();
  }
  installation.undo = [];
  try {
    return body();
  } finally {
    installation.undo = KERNELS.map((kernel) => installOne(installation.tf, kernel));
  }
}
