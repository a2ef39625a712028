import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "../tf";
import type { HistoryRecord } from "../monitor/training-history";
import { recordEpoch } from "./record-epoch";

test("recordEpoch measures loss and accuracy (threshold 0.5) on both sets, records them and frees its tensors", () => {
  const training = { x: tf.tensor2d([[0], [1], [2], [3]]), t: tf.tensor1d([0, 0, 1, 1]) };
  const validation = { x: tf.tensor2d([[0], [3]]), t: tf.tensor1d([1, 1]) };
  const history: HistoryRecord = { epoch: [], logs: {} };
  const seen: number[] = [];
  try {
    const before = tf.memory().numTensors;
    // Predicts 0.2, 0.4, 0.6, 0.8: right on every training row, wrong on the first validation row.
    const measure = (x: tf.Tensor2D) => {
      const y = x.squeeze([1]).mul(0.2).add(0.2) as tf.Tensor1D;
      return { loss: y.mean(), y };
    };
    recordEpoch(history, 1, training, validation, measure, (epoch) => seen.push(epoch));
    recordEpoch(history, 2, training, undefined, measure);
    assert.equal(tf.memory().numTensors, before);
    assert.deepEqual(history.epoch, [1, 2]);
    assert.deepEqual(history.logs["acc"], [1, 1]);
    assert.deepEqual(history.logs["val_acc"], [0.5]);
    assert.ok(Math.abs((history.logs["loss"]?.[0] ?? NaN) - 0.5) < 1e-6);
    assert.ok(Math.abs((history.logs["val_loss"]?.[0] ?? NaN) - 0.5) < 1e-6);
    assert.deepEqual(seen, [1]);
  } finally {
    tf.dispose([training.x, training.t, validation.x, validation.t]);
  }
});
