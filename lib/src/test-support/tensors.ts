import type { Tensor } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../backend/load-tensorflow";

/**
 * Runs `body` and checks that it leaves no new tensors behind (the
 * `expectNoLeakedTensors` habit of tfjs-layers' tests).
 *
 * @throws {Error} When the live tensor count grew.
 */
export async function expectNoLeakedTensors(tf: TensorFlowModule, body: () => unknown): Promise<void> {
  const before = tf.memory().numTensors;
  await body();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(`Tensor leak: ${before} live tensors before, ${after} after.`);
  }
}

/** Largest |a − b| over two tensors of the same shape (their values are read synchronously). */
export function maxAbsDifference(a: Tensor, b: Tensor): number {
  assertSameShape(a, b);
  const x = a.dataSync();
  const y = b.dataSync();
  let worst = 0;
  for (let i = 0; i < x.length; i += 1) {
    worst = Math.max(worst, Math.abs((x[i] ?? NaN) - (y[i] ?? NaN)));
  }
  return worst;
}

function assertSameShape(a: Tensor, b: Tensor): void {
  if (a.shape.join("x") !== b.shape.join("x")) {
    throw new Error(`formas diferentes: [${a.shape.join(", ")}] e [${b.shape.join(", ")}]`);
  }
}
