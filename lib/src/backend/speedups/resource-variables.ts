/**
 * TensorFlow resource variables driven through tfjs-node's binding: the state that
 * TensorFlow's fused training ops (`ResourceApplyAdam`) read and update in place.
 * A handle is a tfjs tensor (dtype `string`, shape []) that tfjs-node passes to ops by id.
 */
import type { Tensor } from "@tensorflow/tfjs-node";
import type { NativeKernelBackend, NativeOpAttribute } from "./native-ops";

let created = 0;

function dtypeAttribute(backend: NativeKernelBackend): NativeOpAttribute {
  return { name: "dtype", type: backend.binding.TF_ATTR_TYPE, value: backend.binding.TF_FLOAT };
}

/**
 * Creates a float32 resource variable of `shape`, with a name unique in this process (an
 * empty name would make every variable the same one), holding `initialValue`.
 */
export function createResourceVariable(backend: NativeKernelBackend, shape: readonly number[], initialValue: Tensor, label: string): Tensor {
  created += 1;
  const handle = backend.executeSingleOutput(
    "VarHandleOp",
    [
      dtypeAttribute(backend),
      { name: "shape", type: backend.binding.TF_ATTR_SHAPE, value: [...shape] },
      { name: "container", type: backend.binding.TF_ATTR_STRING, value: "" },
      { name: "shared_name", type: backend.binding.TF_ATTR_STRING, value: `redes_neurais/${label}/${process.pid}/${created}` },
    ],
    [],
  );
  assignResourceVariable(backend, handle, initialValue);
  return handle;
}

/** Makes the resource variable hold `value` (TensorFlow shares the buffer until a write). */
export function assignResourceVariable(backend: NativeKernelBackend, handle: Tensor, value: Tensor): void {
  backend.executeMultipleOutputs("AssignVariableOp", [dtypeAttribute(backend)], [handle, value], 0);
}

/** The current value of the resource variable, as a new tfjs tensor. */
export function readResourceVariable(backend: NativeKernelBackend, handle: Tensor): Tensor {
  return backend.executeSingleOutput("ReadVariableOp", [dtypeAttribute(backend)], [handle]);
}

/** Frees the variable's memory in TensorFlow and disposes of its handle. */
export function destroyResourceVariable(backend: NativeKernelBackend, handle: Tensor): void {
  backend.executeMultipleOutputs("DestroyResourceOp", [{ name: "ignore_lookup_error", type: backend.binding.TF_ATTR_BOOL, value: true }], [handle], 0);
  handle.dispose();
}
