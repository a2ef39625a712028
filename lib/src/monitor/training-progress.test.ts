import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TrainingHistory } from "./training-history";
import { formatDuration, formatNumber, progressLine, trainingProgress } from "./training-progress";

describe("training progress", () => {
  test("estimates the time left from the mean time per epoch", () => {
    assert.equal(trainingProgress(10, 50, 5_000, false).etaMs, 20_000);
    assert.equal(trainingProgress(0, 50, 0, false).etaMs, undefined);
    assert.equal(trainingProgress(3, undefined, 900, false).etaMs, undefined);
    assert.equal(trainingProgress(50, 50, 25_000, true).etaMs, 0);
  });

  test("formats durations and numbers the Brazilian way", () => {
    assert.equal(formatDuration(950), "950 ms");
    assert.equal(formatDuration(12_345), "12,3 s");
    assert.equal(formatDuration(125_000), "2 min 05 s");
    assert.equal(formatDuration(3_720_000), "1 h 02 min");
    assert.equal(formatNumber(0.231549), "0,2315");
    assert.equal(formatNumber(0.0000123), "1,2e-5");
    assert.equal(formatNumber(Number.NaN), "NaN");
  });

  test("the status line has the epoch counter, the latest values, the time and the ETA", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 0.5, val_loss: 0.6 });
    history.record(2, { loss: 0.25, val_loss: 0.3 });
    const line = progressLine(history, trainingProgress(2, 10, 2_000, false));
    assert.equal(line, "época 2/10 · loss 0,25 · val_loss 0,3 · 2 s decorridos · faltam ~8 s");
    assert.match(progressLine(history, trainingProgress(2, 2, 2_000, true)), /época 2\/2 .* concluído$/);
  });

  test("a second run continues the epoch count and the planned total", () => {
    const history = new TrainingHistory();
    for (let epoch = 1; epoch <= 7; epoch++) history.record(epoch, { loss: 1 / epoch });
    // Run 2 planned 5 epochs and has done 2 of them (epochs 6 and 7).
    assert.match(progressLine(history, trainingProgress(2, 5, 1_000, false)), /^época 7\/10 /);
  });
});
