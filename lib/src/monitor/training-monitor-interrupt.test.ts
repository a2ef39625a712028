import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { interruptRunningCell, runInNewCell } from "../interrupt/cell-interrupts";
import { TrainingInterruptedError } from "../interrupt/interrupt-errors";
import type { MonitorOutput, MonitorView } from "./monitor-output";
import { trainingMonitor } from "./training-monitor";

function recordingOutput(): MonitorOutput & { views: MonitorView[] } {
  const views: MonitorView[] = [];
  return { views, render: (view) => views.push(view) };
}

describe("trainingMonitor when its notebook cell is interrupted", () => {
  test("a hand-written loop stops at its next monitor.update; the figure and the line say after which epoch", async () => {
    const output = recordingOutput();
    const monitor = trainingMonitor({ epochs: 100, output, minIntervalMs: 0 });
    const printed: string[] = [];
    let steps = 0;
    const loop = runInNewCell(async () => {
      for (let epoch = 1; epoch <= 100; epoch++) {
        steps += 1;
        await new Promise((resolve) => setImmediate(resolve));
        if (epoch === 4) interruptRunningCell((line) => printed.push(line));
        monitor.update(epoch, { loss: 1 / epoch });
      }
      printed.push("fim do laço");
    });
    await assert.rejects(loop, TrainingInterruptedError);
    assert.equal(steps, 4, "no step after the interrupt");
    assert.deepEqual(monitor.history.epoch, [1, 2, 3]);
    assert.deepEqual(printed, [
      "⏹ treino interrompido depois da época 3; o laço para no próximo monitor.update (os pesos são os do último passo).",
    ]);
    const last = output.views[output.views.length - 1] as MonitorView;
    assert.equal(last.finished, true);
    assert.match(last.status, /^época 3\/100 · loss 0,3333 · .* decorridos · ⏹ interrompido depois da época 3$/);

    // The same monitor in the next cell continues, as after any run.
    await runInNewCell(async () => {
      monitor.update(4, { loss: 0.25 });
      monitor.finish();
    });
    assert.deepEqual(monitor.history.epoch, [1, 2, 3, 4]);
    assert.match((output.views[output.views.length - 1] as MonitorView).status, /concluído$/);
  });

  test("as a fit callback: the epoch cut short is not recorded and the figure shows the epoch and batch", async () => {
    const output = recordingOutput();
    const monitor = trainingMonitor({ epochs: 5, output, minIntervalMs: 0 });
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 1, inputShape: [2], activation: "sigmoid" }));
    model.compile({ optimizer: "sgd", loss: "binaryCrossentropy" });
    const x = tf.randomNormal([20, 2], 0, 1, "float32", 9);
    const y = tf.ones([20, 1]);
    let batches = 0;
    const interruptAt = new tf.CustomCallback({
      onBatchEnd: async () => {
        batches += 1;
        if (batches === 5 + 2) interruptRunningCell(() => undefined); // epoch 2, batch 2 (5 batches per epoch)
      },
    });
    await assert.rejects(runInNewCell(() => model.fit(x, y, { epochs: 5, batchSize: 4, verbose: 0, callbacks: [monitor, interruptAt] })), TrainingInterruptedError);
    assert.deepEqual(monitor.history.epoch, [1], "epoch 2 was cut short: not recorded");
    const statuses = output.views.map((view) => view.status);
    assert.match(statuses[statuses.length - 1] ?? "", /^época 1\/5 · loss .* · ⏹ interrompido na época 2, lote 2$/);
    assert.equal(output.views.filter((view) => view.finished).length, 1, "no redraw after the interrupt");
    model.optimizer.dispose();
    model.dispose();
    tf.dispose([x, y]);
  });
});
