import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { isCourseError } from "../errors";
import { PLOTLY_MIME_TYPE } from "../plot/jupyter-figure-sink";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";
import { MONITOR_CLASS, MONITOR_META_KEY } from "./monitor-figure";
import { terminalMonitorOutput, type MonitorOutput, type MonitorView } from "./monitor-output";
import { trainingMonitor } from "./training-monitor";

function recordingOutput(): MonitorOutput & { views: MonitorView[] } {
  const views: MonitorView[] = [];
  return { views, render: (view) => views.push(view) };
}

function fakeClock(stepMs: number): () => number {
  let time = 0;
  return () => (time += stepMs);
}

function smallModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [2], activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
  model.compile({ optimizer: tf.train.sgd(0.5), loss: "binaryCrossentropy", metrics: ["acc"] });
  return model;
}

describe("trainingMonitor", () => {
  test("as a fit callback it records what fit reports, epoch by epoch, and draws the final state", async () => {
    const output = recordingOutput();
    const monitor = trainingMonitor({ title: "teste", epochs: 6, output, minIntervalMs: 0 });
    const model = smallModel();
    const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.9], [0.9, 0.1]]);
    const y = tf.tensor2d([[0], [1], [1], [1], [1], [1]]);
    const xVal = tf.tensor2d([[0.1, 0.1], [0.8, 0.8]]);
    const yVal = tf.tensor2d([[0], [1]]);
    try {
      const fitted = await model.fit(x, y, { epochs: 6, validationData: [xVal, yVal], callbacks: monitor, verbose: 0 });
      const history = monitor.history;
      assert.deepEqual(history.epoch, [1, 2, 3, 4, 5, 6]);
      for (const name of ["loss", "val_loss", "acc", "val_acc"]) {
        assert.deepEqual(history.logs[name], fitted.history[name], name);
      }
      assert.equal(output.views.length, 7, "one draw per epoch (no throttling) and the final one");
      const last = output.views[output.views.length - 1] as MonitorView;
      assert.equal(last.finished, true);
      assert.match(last.status, /^época 6\/6 · .* concluído$/);
      const layout = last.figure.layout as Record<string, unknown>;
      assert.deepEqual(layout["meta"], { [MONITOR_META_KEY]: true });
      assert.equal(last.figure.data.length, 4, "training and validation curves for loss and accuracy");
    } finally {
      tf.dispose([x, y, xVal, yVal]);
      model.optimizer.dispose();
      model.dispose();
    }
  });

  test("a second fit continues the epoch numbering", async () => {
    const monitor = trainingMonitor({ epochs: 2, output: recordingOutput() });
    const model = smallModel();
    const x = tf.tensor2d([[0, 1], [1, 0]]);
    const y = tf.tensor2d([[1], [0]]);
    try {
      await model.fit(x, y, { epochs: 2, callbacks: monitor, verbose: 0 });
      await model.fit(x, y, { epochs: 2, callbacks: monitor, verbose: 0 });
      assert.deepEqual(monitor.history.epoch, [1, 2, 3, 4]);
    } finally {
      tf.dispose([x, y]);
      model.optimizer.dispose();
      model.dispose();
    }
  });

  test("redraws at most once per interval, always the first epoch and the end", () => {
    const output = recordingOutput();
    // The clock advances 100 ms per reading; the interval is 1 s.
    const monitor = trainingMonitor({ epochs: 40, output, minIntervalMs: 1000, now: fakeClock(100) });
    for (let epoch = 1; epoch <= 40; epoch++) monitor.update(epoch, { loss: 1 / epoch });
    const drawsWhileTraining = output.views.filter((view) => !view.finished).length;
    assert.ok(drawsWhileTraining >= 2 && drawsWhileTraining <= 10, `desenhou ${drawsWhileTraining} vezes`);
    monitor.finish();
    const last = output.views[output.views.length - 1] as MonitorView;
    assert.equal(last.finished, true);
    assert.match(last.status, /^época 40\/40 · loss 0,025 /);
  });

  test("draws the loss on a log axis when asked", () => {
    const output = recordingOutput();
    trainingMonitor({ output, lossAxis: "log" }).update(1, { loss: 1e-3, acc: 0.5 });
    const layout = (output.views[0] as MonitorView).figure.layout as Record<string, Record<string, unknown>>;
    assert.equal(layout["yaxis"]?.["type"], "log");
    assert.equal(layout["yaxis2"]?.["type"], undefined, "metrics stay linear");
  });

  test("shows an ETA while training", () => {
    const output = recordingOutput();
    const monitor = trainingMonitor({ epochs: 4, output, minIntervalMs: 0, now: fakeClock(1000) });
    monitor.update(1, { loss: 1 });
    assert.match((output.views[0] as MonitorView).status, /faltam ~/);
  });

  test("inside a notebook: one output, created once and then updated in place, with Plotly JSON and HTML", async () => {
    const sent = await withFakeTslabKernel(() => {
      const monitor = trainingMonitor({ title: "no notebook", epochs: 3, minIntervalMs: 0 });
      for (let epoch = 1; epoch <= 3; epoch++) monitor.update(epoch, { loss: 1 / epoch, val_loss: 1.1 / epoch });
      monitor.finish();
    });
    assert.deepEqual(sent.map((message) => message.update), [false, true, true, true]);
    const ids = new Set(sent.map((message) => message.message.transient?.["display_id"]));
    assert.equal(ids.size, 1, "every message names the same output");
    for (const message of sent.slice(0, -1)) {
      const data = message.message.data as Record<string, unknown>;
      assert.equal(data[PLOTLY_MIME_TYPE], undefined, "while training: HTML that JupyterLab redraws on each update");
      assert.match(String(data["text/html"]), new RegExp(`class="${MONITOR_CLASS}" data-finished="false".*<svg`, "s"));
    }
    const final = (sent[sent.length - 1] as (typeof sent)[number]).message.data as Record<string, unknown>;
    const plotly = final[PLOTLY_MIME_TYPE] as { data: unknown[]; layout: Record<string, unknown> };
    assert.deepEqual(plotly.layout["meta"], { [MONITOR_META_KEY]: true });
    assert.equal(plotly.data.length, 2);
    assert.match(String(final["text/html"]), new RegExp(`class="${MONITOR_CLASS}" data-finished="true"`));
    assert.match(String(final["text/plain"]), /^época 3\/3 .* concluído$/);
  });

  test("in a plain script: a progress line on stdout, nothing on stderr", async () => {
    const written: string[] = [];
    const stderrWrites: string[] = [];
    const originalStderrWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderrWrites.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const model = smallModel();
    const x = tf.tensor2d([[0, 1], [1, 0], [1, 1]]);
    const y = tf.tensor2d([[1], [0], [1]]);
    try {
      const output = terminalMonitorOutput({ write: (text: string) => written.push(text), isTTY: true });
      await model.fit(x, y, { epochs: 3, callbacks: trainingMonitor({ epochs: 3, output, minIntervalMs: 0 }), verbose: 0 });
    } finally {
      process.stderr.write = originalStderrWrite;
      tf.dispose([x, y]);
      model.optimizer.dispose();
      model.dispose();
    }
    assert.deepEqual(stderrWrites, []);
    assert.ok(written.every((text) => text.startsWith("\r")), "a terminal line is rewritten in place");
    assert.match(written[written.length - 1] as string, /época 3\/3 .* concluído *\n$/);
  });

  test("does not leak tensors while training", async () => {
    const model = smallModel();
    const x = tf.tensor2d([[0, 1], [1, 0]]);
    const y = tf.tensor2d([[1], [0]]);
    try {
      await model.fit(x, y, { epochs: 1, verbose: 0 }); // warm-up: optimizer variables
      const before = tf.memory().numTensors;
      await model.fit(x, y, { epochs: 5, callbacks: trainingMonitor({ output: recordingOutput() }), verbose: 0 });
      assert.equal(tf.memory().numTensors, before);
    } finally {
      tf.dispose([x, y]);
      model.optimizer.dispose();
      model.dispose();
    }
  });

  test("refuses bad options and bad epochs with a Portuguese message", () => {
    assert.throws(() => trainingMonitor({ epochs: 0 }), (error: unknown) => isCourseError(error) && /epochs deve ser um inteiro ≥ 1/.test(error.message));
    assert.throws(() => trainingMonitor({ lossAxis: "ln" as "log" }), (error: unknown) => isCourseError(error) && /lossAxis/.test(error.message));
    assert.throws(() => trainingMonitor({ minIntervalMs: -1 }), (error: unknown) => isCourseError(error) && /minIntervalMs/.test(error.message));
    const monitor = trainingMonitor({ output: recordingOutput() });
    monitor.update(1, { loss: 1 });
    assert.throws(() => monitor.update(1, { loss: 1 }), (error: unknown) => isCourseError(error) && /época/.test(error.message));
  });
});
