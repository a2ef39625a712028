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

/** Largest |a − b| over two tensors of the same shape (their values are read synchronously). */
export function maxAbsDifference(a: tf.Tensor, b: tf.Tensor): number {
  assertSameShape(a, b);
  const x = a.dataSync();
  const y = b.dataSync();
  let worst = 0;
  for (let i = 0; i < x.length; i += 1) {
    worst = Math.max(worst, Math.abs((x[i] ?? NaN) - (y[i] ?? NaN)));
  }
  return worst;
}

function assertSameShape(a: tf.Tensor, b: tf.Tensor): void {
  if (a.shape.join("x") !== b.shape.join("x")) {
    throw new Error(`formas diferentes: [${a.shape.join(", ")}] e [${b.shape.join(", ")}]`);
  }
}
