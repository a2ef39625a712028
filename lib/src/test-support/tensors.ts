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
