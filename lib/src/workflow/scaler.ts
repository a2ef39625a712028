import * as tf from "../tf";
import { InvalidDataPreparationError } from "./workflow-errors";

/** How {@link fitScaler} normalizes each feature. */
export type ScalingMethod = "zscore" | "minmax" | "none";

/**
 * A per-feature normalization learned on the training set and applied, unchanged, to any
 * other set: `(x - shift) / scale`. Chollet (*Deep Learning with R*, §3.6.2): compute the
 * statistics on the training data only, never on validation or test data.
 */
export interface Scaler {
  method: ScalingMethod;
  /** Subtracted from each feature: the mean (z-score), the minimum (0–1) or 0. */
  shift: number[];
  /** Each feature is divided by it: the standard deviation, max − min, or 1. */
  scale: number[];
  /** A new tensor `(x - shift) / scale`; the input is left alone. */
  transform(x: tf.Tensor2D): tf.Tensor2D;
}

/**
 * Learns a normalization from training data `[exemplos, atributos]`.
 *
 * @param method `"zscore"`: mean 0 and standard deviation 1; `"minmax"`: between 0 and 1;
 *   `"none"`: unchanged (for comparison).
 * @throws {InvalidDataPreparationError} For a tensor that is not 2-D, an empty one or an unknown method.
 */
export function fitScaler(x: tf.Tensor2D, method: ScalingMethod): Scaler {
  if (x.rank !== 2 || x.shape[0] < 1) {
    throw new InvalidDataPreparationError(`fitScaler: esperava uma matriz [exemplos, atributos] com ao menos um exemplo; chegou a forma [${x.shape.join(", ")}].`);
  }
  if (method !== "zscore" && method !== "minmax" && method !== "none") {
    throw new InvalidDataPreparationError(`fitScaler: método desconhecido "${String(method)}"; use "zscore", "minmax" ou "none".`);
  }
  const features = x.shape[1];
  const [shift, scale] = tf.tidy(() => {
    if (method === "none") return [new Array<number>(features).fill(0), new Array<number>(features).fill(1)];
    if (method === "zscore") {
      const { mean, variance } = tf.moments(x, 0);
      return [Array.from(mean.dataSync()), Array.from(variance.sqrt().dataSync())];
    }
    const min = x.min(0);
    return [Array.from(min.dataSync()), Array.from(x.max(0).sub(min).dataSync())];
  });
  // A constant feature would divide by zero: leave its scale at 1.
  const safeScale = scale.map((s) => (s > 0 && Number.isFinite(s) ? s : 1));
  return {
    method,
    shift,
    scale: safeScale,
    transform(data: tf.Tensor2D): tf.Tensor2D {
      if (data.rank !== 2 || data.shape[1] !== features) {
        throw new InvalidDataPreparationError(`Scaler.transform: esperava [n, ${features}] (como no ajuste); chegou [${data.shape.join(", ")}].`);
      }
      return tf.tidy(() => data.sub(tf.tensor1d(shift)).div(tf.tensor1d(safeScale)));
    },
  };
}
