/**
 * Test helper: records the names of the TensorFlow ops the native backend executes while
 * `body` runs (by wrapping tfjs-node's two entry points for the duration).
 */
import * as tf from "../tf";
import { isNativeKernelBackend } from "../backend/speedups/native-ops";

export async function nativeOpsRunBy(body: () => unknown): Promise<string[]> {
  const backend: unknown = tf.backend();
  if (!isNativeKernelBackend(backend)) {
    throw new Error("nativeOpsRunBy precisa do backend nativo (tensorflow)");
  }
  const seen: string[] = [];
  const single = backend.executeSingleOutput;
  const multiple = backend.executeMultipleOutputs;
  backend.executeSingleOutput = function (this: unknown, name, ...rest) {
    seen.push(name);
    return single.call(this, name, ...rest);
  };
  backend.executeMultipleOutputs = function (this: unknown, name, ...rest) {
    seen.push(name);
    return multiple.call(this, name, ...rest);
  };
  try {
    await body();
  } finally {
    backend.executeSingleOutput = single;
    backend.executeMultipleOutputs = multiple;
  }
  return seen;
}
