import { loadTensorFlowOnce } from "./backend/tensorflow-runtime";

/** The danfojs-node module (DataFrames, `readCSV`, `describe`, `.tensor`). */
export type DanfoModule = typeof import("danfojs-node");

/**
 * Loads danfojs-node after TensorFlow.js and its backend are chosen, so that danfo's
 * tensors live in the course's engine (`dfd.tensorflow.engine() === tf.engine()`), also
 * after a fallback to the `cpu` backend. Loading takes about 2 s the first time.
 *
 * @example
 * const dfd = danfo();
 * const df = await dfd.readCSV("../datasets/estrelas.csv");
 * df.describe().print();
 *
 * Reference: docs/arquitetura.md §2 (danfojs-node 1.2.0 shares tfjs-node through npm overrides).
 * @throws The errors of `loadTensorFlowOnce` (invalid or unavailable backend).
 */
export function danfo(): DanfoModule {
  loadTensorFlowOnce();
  return require("danfojs-node") as DanfoModule;
}
