/**
 * `tf.cast` of a float32 tensor to float32, without calling TensorFlow.
 *
 * tfjs-layers casts float32 tensors to float32 in its losses, metrics and gradients (14 times
 * per training step of the course's MLP), and tfjs-node sends each one to TensorFlow's `Cast`
 * op — a call and a copy for nothing. Like tfjs's other backends, this kernel returns the same
 * data (with its reference count raised); other casts go to tfjs-node's kernel, including
 * "int32 to int32", which on tfjs-node may be a uint8 or int64 tensor underneath (found by
 * running tfjs's own test suite with the speed-ups: decoded PNGs broke). Results are identical.
 */
import type { TensorFlowModule } from "../load-tensorflow";

const KERNEL = "Cast";
const BACKEND = "tensorflow";

interface CastInput {
  readonly dataId: object;
  readonly shape: number[];
  readonly dtype: string;
}

interface ReferenceCounting {
  incRef(dataId: object): void;
}

function countsReferences(backend: unknown): backend is ReferenceCounting {
  return typeof backend === "object" && backend !== null && typeof (backend as Partial<ReferenceCounting>).incRef === "function";
}

/**
 * Replaces tfjs-node's `Cast` kernel by one that skips same-dtype casts.
 *
 * @returns A function that puts tfjs-node's kernel back.
 */
export function installSameDtypeCast(tf: TensorFlowModule): () => void {
  const original = tf.getKernel(KERNEL, BACKEND);
  if (original === undefined) {
    return () => undefined;
  }
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: BACKEND,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const x = (inputs as unknown as { x: CastInput }).x;
      const dtype = (attrs as unknown as { dtype: string }).dtype;
      // Only float32: tfjs-node labels TensorFlow's uint8 and int64 tensors (decoded images,
      // some op outputs) "int32", and their cast to int32 is a real conversion.
      if (x.dtype === "float32" && dtype === "float32" && countsReferences(backend)) {
        backend.incRef(x.dataId);
        return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype } as ReturnType<typeof original.kernelFunc>;
      }
      return original.kernelFunc({ inputs, backend, attrs });
    },
  });
  return () => {
    tf.unregisterKernel(KERNEL, BACKEND);
    tf.registerKernel(original);
  };
}
