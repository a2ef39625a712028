/**
 * Dense layers (`tf.fused.matMul`: product, bias and activation — what tfjs-layers' `Dense`
 * calls) on TensorFlow's fused `_FusedMatMul` op, one kernel instead of tfjs-node's chain
 * (`BatchMatMulV2`, `AddV2`, then the activation's op).
 *
 * tfjs-core hands this kernel its operands as batches of one matrix ([1, m, k] and [1, k, n]);
 * `_FusedMatMul` takes matrices, so the operands are reshaped to 2-D and the result back to
 * [1, m, n]. Measured per layer with those reshapes, against tfjs-node's chain: 128×128·128×64
 * with relu 121 µs against 158 µs, 1×784·784×128 131 against 200, 128×64·64×10 100 against 136.
 *
 * Where it applies: float32 operands, one matrix each, a bias of one value per output column,
 * and activation linear, relu, relu6, elu, leakyrelu or sigmoid. tfjs-core fuses activations
 * only outside gradients, so training (inside `tf.grads`/`minimize`) reaches this kernel only
 * for linear layers with a bias; `predict` and `evaluate` with every supported activation.
 * The gradients stay tfjs's (tfjs-core's `fused.matMul` defines them).
 *
 * `_FusedMatMul` names its parts in a list of strings (`fused_ops`), which tfjs-node's binding
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

function fusedMatMul(tf: TensorFlowModule, backend: NativeKernelBackend, inputs: FusedMatMulInputs, attributes: FusedMatMulAttributes, parts: readonly string[]): Tensor {
  const { a, b, bias } = inputs;
  const transposeA = attributes.transposeA === true;
  const transposeB = attributes.transposeB === true;
  const { TF_ATTR_INT, TF_ATTR_STRING, TF_ATTR_FLOAT } = backend.binding;
  const opAttributes: NativeOpAttribute[] = [
    float32TypeAttribute(backend),
    boolAttribute(backend, "transpose_a", transposeA),
    boolAttribute(backend, "transpose_b", transposeB),
    { name: "num_args", type: TF_ATTR_INT, value: 1 },
    { name: "fused_ops", type: TF_ATTR_STRING, value: parts },
    { name: "epsilon", type: TF_ATTR_FLOAT, value: 0.0001 },
    { name: "leakyrelu_alpha", type: TF_ATTR_FLOAT, value: attributes.leakyreluAlpha ?? 0.2 },
  ];
  const rows = transposeA ? a.shape[2] : a.shape[1];
  const columns = transposeB ? b.shape[1] : b.shape[2];
  // Every intermediate (the 2-D views, the 2-D result, the shape tensors) is freed; only the result stays.
  return tf.tidy(() => {
    const matrixA = reshape(tf, backend, a, a.shape.slice(1));
    const matrixB = reshape(tf, backend, b, b.shape.slice(1));
    const product = backend.executeSingleOutput(KERNEL, opAttributes, [matrixA, matrixB, bias as Tensor]);
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
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const fusedInputs = inputs as unknown as FusedMatMulInputs;
      const attributes = attrs as unknown as FusedMatMulAttributes;
      const parts = bindingTakesStringLists && isNativeKernelBackend(backend) ? fusedOps(fusedInputs, attributes) : null;
      if (parts !== null && isNativeKernelBackend(backend)) {
        try {
          return fusedMatMul(tf, backend, fusedInputs, attributes, parts);
        } catch (error) {
          // tfjs-node's own binding ("Argument is not a string!" for fused_ops): its kernel from
          // now on. Anything else (operands TensorFlow rejects): its kernel for this call, which
          // reports the error the way tfjs-node always has.
          if (error instanceof Error && /not a string/.test(error.message)) {
            bindingTakesStringLists = false;
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
