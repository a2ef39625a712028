/**
 * Gradients of `relu`, `sigmoid` and `tanh` with TensorFlow's fused ops (`ReluGrad`,
 * `SigmoidGrad`, `TanhGrad`): one op each instead of tfjs's chains. tfjs differentiates
 * `relu` as `dy · cast(step(x))`, and its native `step` is five ops (isNaN, greater, ones,
 * fill, select) over the whole activation map — on the course's convnet that was 4 ms of a
 * 31 ms training step.
 *
 * Same values as tfjs's gradients (`ReluGrad` computes `dy` where `x > 0`, else 0; the
 * other two are the same formulas), except that a NaN input gets gradient 0 instead of NaN.
 * Inside a higher-order gradient (`tf.grad(tf.grad(f))`) tfjs's own differentiable
 * formulas are used, since the fused ops have no gradients of their own in tfjs.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";
import { activeNativeBackend, float32TypeAttribute } from "./native-ops";

type GradConfig = ReturnType<TensorFlowModule["getGradient"]>;
type DefinedGradConfig = NonNullable<GradConfig>;

/** `fused(dy, saved)` computes the gradient with a TensorFlow op, for float32 tensors. */
interface FusedGradient {
  readonly kernelName: string;
  readonly nativeOp: string;
  /** The inputs of the native op, in its order, from `dy` and the saved tensor. */
  readonly nativeInputs: (dy: Tensor, saved: Tensor) => Tensor[];
}

const FUSED_GRADIENTS: readonly FusedGradient[] = [
  // tfjs saves the input x of Relu; ReluGrad(gradients, features).
  { kernelName: "Relu", nativeOp: "ReluGrad", nativeInputs: (dy, x) => [dy, x] },
  // tfjs saves the output y of Sigmoid and Tanh; SigmoidGrad(y, dy), TanhGrad(y, dy).
  { kernelName: "Sigmoid", nativeOp: "SigmoidGrad", nativeInputs: (dy, y) => [y, dy] },
  { kernelName: "Tanh", nativeOp: "TanhGrad", nativeInputs: (dy, y) => [y, dy] },
];

function fusedConfig(tf: TensorFlowModule, original: DefinedGradConfig, fused: FusedGradient): DefinedGradConfig {
  return {
    ...original,
    gradFunc: (dy, saved, attrs) => {
      const dyTensor = Array.isArray(dy) ? undefined : dy;
      const savedTensor = saved[0];
      const backend = activeNativeBackend(tf);
      const usable =
        backend !== null &&
        dyTensor !== undefined &&
        savedTensor !== undefined &&
        dyTensor.dtype === "float32" &&
        savedTensor.dtype === "float32" &&
        !tf.engine().isTapeOn();
      if (!usable) {
        return original.gradFunc(dy, saved, attrs);
      }
      // All three ops have one input, named x in tfjs.
      return {
        x: () => backend.executeSingleOutput(fused.nativeOp, [float32TypeAttribute(backend)], fused.nativeInputs(dyTensor, savedTensor)),
      };
    },
  };
}

/**
 * Registers the fused gradients (for every backend: on another backend, or inside a
 * higher-order gradient, they defer to tfjs's own).
 *
 * @returns A function that puts tfjs's original gradients back.
 */
export function installActivationGradients(tf: TensorFlowModule): () => void {
  const originals: DefinedGradConfig[] = [];
  for (const fused of FUSED_GRADIENTS) {
    const original = tf.getGradient(fused.kernelName);
    if (original === undefined) {
      continue;
    }
    originals.push(original);
    tf.registerGradient(fusedConfig(tf, original, fused));
  }
  return () => {
    for (const original of originals) {
      tf.registerGradient(original);
    }
  };
}
