import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { isCourseError } from "../errors";
import { interruptRunningCell, runInNewCell } from "./cell-interrupts";
import { TrainingInterruptedError } from "./interrupt-errors";

function mlp(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, inputShape: [8], activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy", metrics: ["acc"] });
  return model;
}

function weightsOf(model: tf.LayersModel): number[] {
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}

function disposeModel(model: tf.LayersModel): void {
  model.optimizer.dispose();
  model.dispose();
}

/** Runs `body` on each backend the course can run on, switching back afterwards. */
async function onEachBackend(body: (backend: string) => Promise<void>): Promise<void> {
  const original = tf.getBackend();
  for (const backend of ["tensorflow", "cpu"]) {
    await tf.setBackend(backend);
    try {
      await body(backend);
    } finally {
      await tf.setBackend(original);
    }
  }
}

describe("fit stops when its notebook cell is interrupted", () => {
  test("at the end of the batch in progress: no batch or epoch after it, the weights of that batch, a line in Portuguese, no leaks", async () => {
    await onEachBackend(async (backend) => {
      const before = tf.memory().numTensors;
      const x = tf.randomNormal([64, 8], 0, 1, "float32", 3);
      const y = tf.tidy(() => tf.randomUniform([64, 1], 0, 1, "float32", 4).round());
      const model = mlp();
      const events: string[] = [];
      let weightsAtInterrupt: number[] = [];
      const printed: string[] = [];
      const fit = runInNewCell(() =>
        model.fit(x, y, {
          epochs: 10,
          batchSize: 8,
          verbose: 0,
          callbacks: {
            onEpochBegin: async (epoch) => void events.push(`epoch ${epoch + 1}`),
            onEpochEnd: async (epoch) => void events.push(`end of epoch ${epoch + 1}`),
            onTrainEnd: async () => void events.push("end of training"),
            onBatchEnd: async (batch) => {
              events.push(`batch ${batch + 1}`);
              if (events.filter((e) => e.startsWith("batch")).length === 8 + 3) {
                // As the SIGINT listener does, between two batches of epoch 2.
                printed.push(...interruptRunningCell((line) => printed.push(`(print) ${line}`)));
                weightsAtInterrupt = weightsOf(model);
              }
            },
          },
        }),
      );
      await assert.rejects(fit, (error) => error instanceof TrainingInterruptedError && isCourseError(error), backend);
      assert.deepEqual(events.slice(-4), ["epoch 2", "batch 1", "batch 2", "batch 3"], `${backend}: nothing after batch 3 of epoch 2`);
      assert.equal(events.filter((e) => e.startsWith("epoch")).length, 2, `${backend}: no third epoch`);
      assert.deepEqual(events.filter((e) => e.startsWith("end")), ["end of epoch 1"], `${backend}: the student's callbacks hear nothing after the interrupt`);
      assert.deepEqual(printed, [
        "(print) ⏹ treino interrompido na época 2, lote 3 de 8; o modelo ficou com os pesos do último lote.",
        "⏹ treino interrompido na época 2, lote 3 de 8; o modelo ficou com os pesos do último lote.",
      ]);
      assert.deepEqual(weightsOf(model), weightsAtInterrupt, `${backend}: the weights are those of the last batch`);
      disposeModel(model);
      tf.dispose([x, y]);
      assert.equal(tf.memory().numTensors, before, `${backend}: the stopped fit frees what it made`);
    });
  });

  test("a later fit of the stopped cell refuses to start; a fit in the next cell trains", async () => {
    const x = tf.randomNormal([16, 8], 0, 1, "float32", 5);
    const y = tf.ones([16, 1]);
    const model = mlp();
    let epochs = 0;
    const count = { onEpochEnd: async () => void (epochs += 1) };
    const stopped = runInNewCell(async () => {
      await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, callbacks: { onBatchEnd: async () => void interruptRunningCell(() => undefined) } }).catch(() => undefined);
      await model.fit(x, y, { epochs: 3, verbose: 0, callbacks: count });
    });
    await assert.rejects(stopped, TrainingInterruptedError);
    assert.equal(epochs, 0, "the second fit of the stopped cell did not run");
    const history = await runInNewCell(() => model.fit(x, y, { epochs: 3, verbose: 0, callbacks: [count] }));
    assert.equal(epochs, 3);
    assert.equal(history.history["loss"]?.length, 3);
    disposeModel(model);
    tf.dispose([x, y]);
  });

  test("outside notebook cells fit is unchanged, and an interrupt with no running cell does nothing", async () => {
    const x = tf.randomNormal([16, 8], 0, 1, "float32", 6);
    const y = tf.ones([16, 1]);
    const model = mlp();
    assert.deepEqual(interruptRunningCell(() => assert.fail("nothing to print")), []);
    const history = await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [new tf.CustomCallback({ onEpochEnd: async () => void interruptRunningCell(() => assert.fail("no cell runs")) })] });
    assert.equal(history.history["loss"]?.length, 2);
    disposeModel(model);
    tf.dispose([x, y]);
  });

  test("fitDataset stops too, between batches", async () => {
    const xs = tf.data.array(Array.from({ length: 32 }, (_, i) => ({ xs: Array.from({ length: 8 }, (_, j) => Math.sin(i + j)), ys: [i % 2] })));
    const dataset = xs.map((item) => {
      const { xs: input, ys: target } = item as { xs: number[]; ys: number[] };
      return { xs: tf.tensor1d(input), ys: tf.tensor1d(target) };
    }).batch(4);
    const model = mlp();
    const batches: number[] = [];
    const printed: string[] = [];
    const fit = runInNewCell(() =>
      model.fitDataset(dataset, {
        epochs: 5,
        verbose: 0,
        callbacks: {
          onBatchEnd: async (batch) => {
            batches.push(batch + 1);
            if (batches.length === 2) interruptRunningCell((line) => printed.push(line));
          },
        },
      }),
    );
    await assert.rejects(fit, TrainingInterruptedError);
    assert.deepEqual(batches, [1, 2]);
    assert.match(printed[0] ?? "", /^⏹ treino interrompido na época 1, lote 2 de 8; o modelo ficou com os pesos do último lote\.$/);
    disposeModel(model);
  });
});
