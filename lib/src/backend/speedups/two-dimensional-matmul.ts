/**
 * Products of two matrices on TensorFlow's `MatMul` instead of `BatchMatMulV2`.
 *
 * tfjs-node runs every `tf.matMul` as `BatchMatMulV2` (its BatchMatMul kernel passes the
 * operands as they come: rank 2 for `tf.matMul` of 2-D tensors and for tfjs-layers' `Dense`
 * while training). On this build `MatMul` is much faster on the course's shapes: measured per
 * call, 128×128·128×64 takes 31 µs against 80 µs, 128×64·64×10 21 µs against 67 µs,
 * 128×784·784×128 180 µs against 206 µs.
 *
 * `MatMul` used to be unsafe here: in TF 2.21 it corrupts the heap when a signal (a Jupyter
 * interrupt is a SIGINT) arrives while it runs. The course's binding now defers signals around
 * every TensorFlow call (tools/setup/native-binding/course_extensions.h), and
 * tools/setup/native-binding/signals-deferred.test.ts shows both the crash without that guard
 * and exact products with it.
 *
 * Installed only on that binding (a tfjs-node built elsewhere keeps `BatchMatMulV2`), and used
 * for two float32 matrices; anything else (batches of matrices, broadcasting, other
 * dtypes) goes to tfjs-node's kernel. The gradients stay tfjs's (they call `tf.matMul`, so
 * they run here too).
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";
import { activeNativeBackend, boolAttribute, float32TypeAttribute, isNativeKernelBackend, type NativeKernelBackend } from "./native-ops";

const KERNEL = "BatchMatMul";
const BACKEND = "tensorflow";

interface BatchMatMulAttributes {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
}

/**
 * Whether the binding is the course's build, which defers signals: it is recognised by
 * `hasFunction`, which tools/setup/native-binding/course_extensions.cc adds beside the guard.
 */
function defersSignals(backend: NativeKernelBackend): boolean {
  return typeof (backend.binding as unknown as { readonly hasFunction?: unknown }).hasFunction === "function";
}

/**
 * Replaces tfjs-node's `BatchMatMul` kernel by one that sends products of two float32
 * matrices to `MatMul`.
 *
 * @returns A function that puts tfjs-node's kernel back.
 */
export function installTwoDimensionalMatMul(tf: TensorFlowModule): () => void {
  const original = tf.getKernel(KERNEL, BACKEND);
  const nativeBackend = activeNativeBackend(tf);
  if (original === undefined || nativeBackend === null || !defersSignals(nativeBackend)) {
    return () => undefined;
  }
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { a, b } = inputs as unknown as { a: Tensor; b: Tensor };
      if (isNativeKernelBackend(backend) && a.rank === 2 && b.rank === 2 && a.dtype === "float32" && b.dtype === "float32") {
        const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttributes;
        return backend.executeSingleOutput(
          "MatMul",
          [float32TypeAttribute(backend), boolAttribute(backend, "transpose_a", transposeA === true), boolAttribute(backend, "transpose_b", transposeB === true)],
          [a, b],
        );
      }
      return original.kernelFunc({ inputs, backend, attrs });
    },
  });
  return () => {
    tf.unregisterKernel(KERNEL, BACKEND);
    tf.registerKernel(original);
  };
}
