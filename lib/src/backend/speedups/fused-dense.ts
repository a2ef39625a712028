/**
 * Dense layers (`tf.fused.matMul`: product, bias and activation — what tfjs-layers' `Dense`
 * calls) on one fused TensorFlow op — oneDNN's `_MklNativeFusedMatMul`, or TensorFlow's own
 * `_FusedMatMul` — instead of tfjs-node's chain (`BatchMatMulV2`, `AddV2`, then the activation's op).
 *
 * tfjs-core hands this kernel its operands as batches of one matrix ([1, m, k] and [1, k, n]);
 * the fused ops take matrices, so the operands are reshaped to 2-D and the result back to
 * [1, m, n]. Measured per `tf.fused.matMul` call with relu (tfjs-core's own reshapes included;
 * best of 5 × 1000 calls), against tfjs-node's chain: 128×784·784×128 318 µs against 394,
 * 128×128·128×64 191 against 245, 1×784·784×128 164 against 193, 128×64·64×10 160 against 186.
 *
 * Where it applies: float32 operands, one matrix each, a bias of one value per output column,
 * and activation linear, relu, relu6, elu, leakyrelu or sigmoid. tfjs-core fuses activations
 * only outside gradients, so training (inside `tf.grads`/`minimize`) reaches this kernel only
 * for linear layers with a bias; `predict` and `evaluate` with every supported activation.
 * The gradients stay tfjs's (tfjs-core's `fused.matMul` defines them).
 *
 * The fused ops name their parts in a list of strings (`fused_ops`), which tfjs-node's binding
 * cannot pass; the course's binding can (tools/setup/native-binding/course_extensions.h). On a
 * binding that cannot, the first call fails and tfjs-node's kernel is used from then on.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";
import { boolAttribute, float32TypeAttribute, isNativeKernelBackend, type NativeKernelBackend, type NativeOpAttribute } from "./native-ops";

const KERNEL = "_FusedMatMul";
const BACKEND = "tensorflow";

/** tfjs's activation names → TensorFlow's names in `fused_ops` after "BiasAdd". */
const FUSED_ACTIVATIONS: Readonly<Record<string, readonly string[]>> = {
  linear: [],
  relu: ["Relu"],
  relu6: ["Relu6"],
  elu: ["Elu"],
  leakyrelu: ["LeakyRelu"],
  sigmoid: ["Sigmoid"],
};

interface FusedMatMulInputs {
  readonly a: Tensor;
  readonly b: Tensor;
  readonly bias?: Tensor;
  readonly preluActivationWeights?: Tensor;
}

interface FusedMatMulAttributes {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  readonly activation?: string;
  readonly leakyreluAlpha?: number;
}

/** The TensorFlow parts for these inputs, or null when tfjs-node's kernel must run them. */
function fusedOps(inputs: FusedMatMulInputs, attributes: FusedMatMulAttributes): readonly string[] | null {
  const { a, b, bias } = inputs;
  const activation = FUSED_ACTIVATIONS[attributes.activation ?? "linear"];
  if (activation === undefined || bias === undefined || inputs.preluActivationWeights !== undefined) {
    return null;
  }
  const oneMatrixEach = a.rank === 3 && b.rank === 3 && a.shape[0] === 1 && b.shape[0] === 1;
  const columns = attributes.transposeB === true ? b.shape[1] : b.shape[2];
  const biasPerColumn = bias.rank === 1 && bias.shape[0] === columns;
  const float32 = a.dtype === "float32" && b.dtype === "float32" && bias.dtype === "float32";
  return oneMatrixEach && biasPerColumn && float32 ? ["BiasAdd", ...activation] : null;
}

function reshape(tf: TensorFlowModule, backend: NativeKernelBackend, x: Tensor, shape: number[]): Tensor {
  const { TF_ATTR_TYPE, TF_INT32 } = backend.binding;
  return tf.tidy(() =>
    backend.executeSingleOutput("Reshape", [float32TypeAttribute(backend), { name: "Tshape", type: TF_ATTR_TYPE, value: TF_INT32 }], [x, tf.tensor1d(shape, "int32")]),
  );
}

/**
 * The fused op: oneDNN's (`_MklNativeFusedMatMul`, what TensorFlow's graphs — and so Keras —
 * run), or TensorFlow's own `_FusedMatMul` (Eigen) where oneDNN refuses (a transposed first
 * operand) or failed before for these parts.
 * Measured for a relu layer: 128×784·784×128 176 µs against 285; on small layers 33–38 µs
 * against 24–32.
 */
function fusedOp(backend: NativeKernelBackend, oneDnn: boolean): { readonly name: string; readonly extra: NativeOpAttribute[] } {
  if (!oneDnn) {
    return { name: KERNEL, extra: [] };
  }
  const extra: NativeOpAttribute[] = [
    // The weights change at every training step: oneDNN must not cache them.
    boolAttribute(backend, "is_filter_const", false),
    // TensorFlow registers this kernel under this label (its graph rewrite sets it).
    { name: "_kernel", type: backend.binding.TF_ATTR_STRING, value: "MklNameChangeOp" },
  ];
  return { name: "_MklNativeFusedMatMul", extra };
}

function fusedMatMul(tf: TensorFlowModule, backend: NativeKernelBackend, inputs: FusedMatMulInputs, attributes: FusedMatMulAttributes, parts: readonly string[], oneDnn: boolean): Tensor {
  const { a, b, bias } = inputs;
  const transposeA = attributes.transposeA === true;
  const transposeB = attributes.transposeB === true;
  const { TF_ATTR_INT, TF_ATTR_STRING, TF_ATTR_FLOAT } = backend.binding;
  const op = fusedOp(backend, oneDnn);
  const opAttributes: NativeOpAttribute[] = [
    float32TypeAttribute(backend),
    boolAttribute(backend, "transpose_a", transposeA),
    boolAttribute(backend, "transpose_b", transposeB),
    { name: "num_args", type: TF_ATTR_INT, value: 1 },
    { name: "fused_ops", type: TF_ATTR_STRING, value: parts },
    { name: "epsilon", type: TF_ATTR_FLOAT, value: 0.0001 },
    { name: "leakyrelu_alpha", type: TF_ATTR_FLOAT, value: attributes.leakyreluAlpha ?? 0.2 },
    ...op.extra,
  ];
  const rows = transposeA ? a.shape[2] : a.shape[1];
  const columns = transposeB ? b.shape[1] : b.shape[2];
  // Every intermediate (the 2-D views, the 2-D result, the shape tensors) is freed; only the result stays.
  return tf.tidy(() => {
    const matrixA = reshape(tf, backend, a, a.shape.slice(1));
    const matrixB = reshape(tf, backend, b, b.shape.slice(1));
    const product = backend.executeSingleOutput(op.name, opAttributes, [matrixA, matrixB, bias as Tensor]);
    return reshape(tf, backend, product, [1, rows ?? 0, columns ?? 0]);
  });
}

/**
 * Replaces tfjs-node's `_FusedMatMul` kernel.
 *
 * @returns A function that puts tfjs-node's kernel back.
 */
export function installFusedDense(tf: TensorFlowModule): () => void {
  const original = tf.getKernel(KERNEL, BACKEND);
  if (original === undefined) {
    return () => undefined;
  }
  let bindingTakesStringLists = true;
  /** The `fused_ops` lists (and transpose_b) oneDNN refused: TensorFlow's own op runs them. */
  const notOnOneDnn = new Set<string>();
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const fusedInputs = inputs as unknown as FusedMatMulInputs;
      const attributes = attrs as unknown as FusedMatMulAttributes;
      const parts = bindingTakesStringLists && isNativeKernelBackend(backend) ? fusedOps(fusedInputs, attributes) : null;
      if (parts !== null && isNativeKernelBackend(backend)) {
        // oneDNN's fused product refuses a transposed first operand (Dense layers never pass one).
        const key = `${parts.join("+")}, transpose_b=${attributes.transposeB === true}`;
        const oneDnnFirst = attributes.transposeA !== true && !notOnOneDnn.has(key);
        for (const oneDnn of oneDnnFirst ? [true, false] : [false]) {
          try {
            return fusedMatMul(tf, backend, fusedInputs, attributes, parts, oneDnn);
          } catch (error) {
            // tfjs-node's own binding ("Argument is not a string!" for fused_ops): its kernel
            // from now on. oneDNN refusing these parts: TensorFlow's own op for them from now
            // on. Anything else (operands TensorFlow rejects): tfjs-node's kernel for this
            // call, which reports the error the way tfjs-node always has.
            if (error instanceof Error && /not a string/.test(error.message)) {
              bindingTakesStringLists = false;
              break;
            }
            if (oneDnn) {
              notOnOneDnn.add(key);
            }
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
