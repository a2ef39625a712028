/**
 * The gradient of max pooling on oneDNN's pooling (`_MklNativeMaxPool` +
 * `_MklNativeMaxPoolGrad`, what TensorFlow's graphs — and so Keras — run) instead of the
 * eager `MaxPoolGrad` tfjs-node uses, which is about 10× slower on this build: for the
 * course's convnet (64×26×26×32 → 13×13) `MaxPoolGrad` took 2–8 ms, the oneDNN pair about
 * 0.5 ms. oneDNN's backward pass needs the "workspace" (where each maximum was) that its
 * forward pass writes, so the forward pooling is re-run inside the gradient. Results are
 * bit-identical to `MaxPoolGrad` when windows do not overlap (the course's 2×2, stride 2) and
 * equal up to the order of a float sum when they do (tested).
 *
 * Used for float32 with 'valid' or 'same' padding when TensorFlow has the oneDNN ops (it
 * does on x86-64 Linux); otherwise — or if the op fails once — tfjs-node's own kernel.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";
import { boolAttribute, float32TypeAttribute, isNativeKernelBackend, type NativeKernelBackend, type NativeOpAttribute } from "./native-ops";

const KERNEL = "MaxPoolGrad";
const BACKEND = "tensorflow";

interface MaxPoolGradAttributes {
  readonly filterSize: [number, number] | number;
  readonly strides: [number, number] | number;
  readonly pad: "valid" | "same" | number;
  readonly dimRoundingMode?: "floor" | "round" | "ceil";
}

function poolAttributes(tf: TensorFlowModule, backend: NativeKernelBackend, input: Tensor, attributes: MaxPoolGradAttributes): NativeOpAttribute[] | null {
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attributes.filterSize,
    attributes.strides,
    1,
    attributes.pad,
    attributes.dimRoundingMode,
  );
  if ((info.padInfo.type !== "VALID" && info.padInfo.type !== "SAME") || info.dataFormat !== "channelsLast") {
    return null;
  }
  const { TF_ATTR_INT, TF_ATTR_STRING } = backend.binding;
  return [
    float32TypeAttribute(backend),
    { name: "ksize", type: TF_ATTR_INT, value: [1, info.filterHeight, info.filterWidth, 1] },
    { name: "strides", type: TF_ATTR_INT, value: [1, info.strideHeight, info.strideWidth, 1] },
    { name: "padding", type: TF_ATTR_STRING, value: info.padInfo.type },
    { name: "data_format", type: TF_ATTR_STRING, value: "NHWC" },
    boolAttribute(backend, "workspace_enabled", true),
    // TensorFlow registers these kernels under this label (its graph rewrite sets it).
    { name: "_kernel", type: TF_ATTR_STRING, value: "MklNameChangeOp" },
  ];
}

function oneDnnMaxPoolGrad(tf: TensorFlowModule, backend: NativeKernelBackend, dy: Tensor, input: Tensor, attributes: NativeOpAttribute[]): Tensor {
  return tf.tidy(() => {
    const [output, workspace] = backend.executeMultipleOutputs("_MklNativeMaxPool", attributes, [input], 2);
    if (output === undefined || workspace === undefined) {
      throw new Error("_MklNativeMaxPool não devolveu saída e workspace");
    }
    return backend.executeSingleOutput("_MklNativeMaxPoolGrad", attributes, [input, output, dy, workspace]);
  });
}

/**
 * Replaces tfjs-node's `MaxPoolGrad` kernel.
 *
 * @returns A function that puts tfjs-node's kernel back.
 */
export function installMaxPoolGradient(tf: TensorFlowModule): () => void {
  const original = tf.getKernel(KERNEL, BACKEND);
  if (original === undefined) {
    return () => undefined;
  }
  let oneDnnWorks = true;
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, input } = inputs as unknown as { dy: Tensor; input: Tensor; output: Tensor };
      if (oneDnnWorks && isNativeKernelBackend(backend) && input.dtype === "float32" && dy.dtype === "float32" && input.rank === 4) {
        const attributes = poolAttributes(tf, backend, input, attrs as unknown as MaxPoolGradAttributes);
        if (attributes !== null) {
          try {
            return oneDnnMaxPoolGrad(tf, backend, dy, input, attributes);
          } catch {
            // This TensorFlow has no oneDNN pooling: tfjs-node's kernel from now on.
            oneDnnWorks = false;
          }
        }
      }
      return original.kernelFunc({ inputs, backend, attrs });
    },
  });
  return () => {
    tf.unregisterKernel(KERNEL, BACKEND);
    tf.registerKernel(original);
  };
}
