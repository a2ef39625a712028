import * as tf from "../tf";
import type { HistoryRecord } from "../monitor/training-history";

/** Inputs and 0/1 targets on which an epoch is measured. */
export interface LabelledSet {
  x: tf.Tensor2D;
  t: tf.Tensor1D;
}

/** What a hand-written model gives on a set: its loss (a scalar) and its predicted probabilities (one per row). */
export type Measure = (x: tf.Tensor2D, t: tf.Tensor1D) => { loss: tf.Tensor; y: tf.Tensor1D };

/**
 * Measures `loss` and `acc` (threshold 0.5) on the training set and, if given, `val_loss`
 * and `val_acc` on the validation set; appends them to `history` as epoch `epoch` (the
 * training monitor's shape) and calls `onEpoch`. Frees every tensor it makes.
 *
 * @returns The values of the epoch.
 */
export function recordEpoch(
  history: HistoryRecord,
  epoch: number,
  training: LabelledSet,
  validation: LabelledSet | undefined,
  measure: Measure,
  onEpoch?: (epoch: number, logs: Record<string, number>) => void,
): Record<string, number> {
  const logs = tf.tidy(() => {
    const values: Record<string, number> = {};
    const evaluate = (set: LabelledSet, prefix: string): void => {
      const { loss, y } = measure(set.x, set.t);
      values[`${prefix}loss`] = loss.dataSync()[0]!;
      values[`${prefix}acc`] = y.greaterEqual(0.5).toFloat().equal(set.t).toFloat().mean().dataSync()[0]!;
    };
    evaluate(training, "");
    if (validation) evaluate(validation, "val_");
    return values;
  });
  history.epoch.push(epoch);
  for (const [name, value] of Object.entries(logs)) (history.logs[name] ??= []).push(value);
  onEpoch?.(epoch, logs);
  return logs;
}
