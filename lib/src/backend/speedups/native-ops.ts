/**
 * Direct access to TensorFlow's own ops through tfjs-node's binding, for the course's
 * training speed-ups: `executeSingleOutput` runs any op of the C library by name (tfjs-node's
 * kernels do the same), so a fused TensorFlow op such as `ReluGrad` or `MatMul` can replace
 * a chain of tfjs ops.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";

/** An op attribute as tfjs-node's binding takes it. */
export interface NativeOpAttribute {
  readonly name: string;
  readonly type: number;
  readonly value: unknown;
}

/** The part of tfjs-node's binding the speed-ups use (its numeric enums). */
interface NativeBindingEnums {
  readonly TF_FLOAT: number;
  readonly TF_INT32: number;
  readonly TF_ATTR_BOOL: number;
  readonly TF_ATTR_INT: number;
  readonly TF_ATTR_FLOAT: number;
  readonly TF_ATTR_TYPE: number;
  readonly TF_ATTR_SHAPE: number;
  readonly TF_ATTR_STRING: number;
}

/** The part of tfjs-node's `NodeJSKernelBackend` the speed-ups use. */
export interface NativeKernelBackend {
  readonly binding: NativeBindingEnums;
  executeSingleOutput(name: string, attributes: NativeOpAttribute[], inputs: Tensor[]): Tensor;
  executeMultipleOutputs(name: string, attributes: NativeOpAttribute[], inputs: Tensor[], outputs: number): Tensor[];
}

/** Whether `backend` is tfjs-node's native backend (has a binding that executes ops by name). */
export function isNativeKernelBackend(backend: unknown): backend is NativeKernelBackend {
  if (typeof backend !== "object" || backend === null) {
    return false;
  }
  const candidate = backend as Partial<NativeKernelBackend>;
  return (
    typeof candidate.executeSingleOutput === "function" &&
    typeof candidate.executeMultipleOutputs === "function" &&
    typeof candidate.binding === "object" &&
    candidate.binding !== null &&
    typeof candidate.binding.TF_FLOAT === "number"
  );
}

/** The native backend when it is the active one, else `null` (e.g. after `tf.setBackend("cpu")`). */
export function activeNativeBackend(tf: TensorFlowModule): NativeKernelBackend | null {
  if (tf.getBackend() !== "tensorflow") {
    return null;
  }
  const backend: unknown = tf.backend();
  return isNativeKernelBackend(backend) ? backend : null;
}

/** The `T` attribute of a float32 op. */
export function float32TypeAttribute(backend: NativeKernelBackend): NativeOpAttribute {
  return { name: "T", type: backend.binding.TF_ATTR_TYPE, value: backend.binding.TF_FLOAT };
}

/** A boolean attribute. */
export function boolAttribute(backend: NativeKernelBackend, name: string, value: boolean): NativeOpAttribute {
  return { name, type: backend.binding.TF_ATTR_BOOL, value };
}
