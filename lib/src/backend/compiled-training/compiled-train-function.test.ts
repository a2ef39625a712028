/**
 * Compiled training steps (./compiled-train-function.ts) against tfjs's own step: the same
 * losses, metrics, weights and optimizer state after a few steps, for every kind of layer,
 * loss, metric and optimizer the planner accepts; one TensorFlow op per step; no leaks; and
 * tfjs's step, unchanged, for what it does not accept.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "../speedups/install-speedups";
import { compiledTrainingRefusal, STEPS_BEFORE_XLA, XLA_ENV_VAR } from "./compiled-train-function";

interface Case {
  readonly name: string;
  readonly inputShape: number[];
  readonly outputUnits: number;
  readonly layers: () => tf.layers.Layer[];
  readonly loss: string;
  readonly metrics: string[];
  readonly optimizer: () => tf.Optimizer;
  readonly classification: boolean;
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });

const CASES: readonly Case[] = [
  {
    name: "dense relu/tanh/softmax, dropout com semente, entropia cruzada categórica, Adam, acurácia",
    inputShape: [12],
    outputUnits: 4,
    layers: () => [
      tf.layers.dense({ inputShape: [12], units: 16, activation: "relu", kernelInitializer: init(1) }),
      tf.layers.dropout({ rate: 0.3, seed: 7 }),
      tf.layers.dense({ units: 8, activation: "tanh", kernelInitializer: init(2) }),
      tf.layers.dense({ units: 4, activation: "softmax", kernelInitializer: init(3) }),
    ],
    loss: "categoricalCrossentropy",
    metrics: ["accuracy"],
    optimizer: () => tf.train.adam(0.01),
    classification: true,
  },
  {
    name: "conv2d same e valid com passo 2, max pooling, flatten, sigmoid + entropia cruzada binária, SGD",
    inputShape: [9, 9, 2],
    outputUnits: 1,
    layers: () => [
      tf.layers.conv2d({ inputShape: [9, 9, 2], filters: 4, kernelSize: 3, padding: "same", activation: "relu", kernelInitializer: init(4) }),
      tf.layers.maxPooling2d({ poolSize: 2, strides: 1 }),
      tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, activation: "tanh", kernelInitializer: init(5) }),
      tf.layers.maxPooling2d({ poolSize: 2, padding: "same" }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: init(6) }),
    ],
    loss: "binaryCrossentropy",
    metrics: ["acc"],
    optimizer: () => tf.train.sgd(0.1),
    classification: true,
  },
  {
    name: "regressão: camada congelada, Activation, sem bias, erro quadrático médio, Adam, mse e mae",
    inputShape: [5],
    outputUnits: 2,
    layers: () => [
      tf.layers.dense({ inputShape: [5], units: 6, activation: "sigmoid", kernelInitializer: init(7), trainable: false }),
      tf.layers.dense({ units: 6, useBias: false, kernelInitializer: init(8) }),
      tf.layers.activation({ activation: "relu" }),
      tf.layers.dense({ units: 2, kernelInitializer: init(9) }),
    ],
    loss: "meanSquaredError",
    metrics: ["mse", "mae"],
    optimizer: () => tf.train.adam(0.05, 0.8, 0.95, 1e-6),
    classification: false,
  },
];

function data(testCase: Case, batch: number): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, ...testCase.inputShape], 0, 1, "float32", 11);
    if (!testCase.classification) return { x, y: tf.randomNormal([batch, testCase.outputUnits], 0, 1, "float32", 12) };
    if (testCase.outputUnits === 1) return { x, y: tf.randomUniform([batch, 1], 0, 1, "float32", 13).round() };
    // int32 targets, as tf.oneHot makes them (the compiled step casts them, as tfjs's losses do).
    return { x, y: tf.oneHot(tf.randomUniform([batch], 0, testCase.outputUnits, "int32", 14), testCase.outputUnits) };
  });
}

interface Trained {
  readonly reports: number[][];
  readonly weights: Float32Array[];
  readonly optimizerState: Float32Array[];
}

async function trainSteps(testCase: Case, steps: number): Promise<Trained> {
  const model = tf.sequential({ layers: testCase.layers() });
  model.compile({ optimizer: testCase.optimizer(), loss: testCase.loss, metrics: testCase.metrics });
  // Batch sizes change between steps (a fit's last batch is smaller).
  const batches = [data(testCase, 16), data(testCase, 7)];
  try {
    const reports: number[][] = [];
    for (let step = 0; step < steps; step++) {
      const batch = batches[step % 2] as { x: tf.Tensor; y: tf.Tensor };
      const report = await model.trainOnBatch(batch.x, batch.y);
      reports.push(Array.isArray(report) ? report : [report]);
    }
    const optimizerState = await model.optimizer.getWeights();
    const result = {
      reports,
      weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
      optimizerState: optimizerState.map((named) => named.tensor.dataSync() as Float32Array),
    };
    tf.dispose(optimizerState.map((named) => named.tensor));
    return result;
  } finally {
    model.optimizer.dispose();
    model.dispose();
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  }
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: tamanhos`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    assert.ok(Math.abs(a - e) <= 2e-5 + 2e-4 * Math.abs(e), `${what}[${i}]: ${a} × ${e} (tfjs)`);
  }
}

/** Trains `testCase`'s model with fit and returns the per-epoch losses. */
async function fitLosses(testCase: Case, epochs: number, batchSize: number): Promise<number[]> {
  const model = tf.sequential({ layers: testCase.layers() });
  model.compile({ optimizer: testCase.optimizer(), loss: testCase.loss, metrics: testCase.metrics });
  const { x, y } = data(testCase, 64);
  try {
    const history = await model.fit(x, y, { epochs, batchSize, shuffle: false, verbose: 0 });
    return history.history["loss"] as number[];
  } finally {
    model.optimizer.dispose();
    model.dispose();
    tf.dispose([x, y]);
  }
}

describe("compiled training steps", () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: mesmas perdas, métricas, pesos e estado do otimizador que o passo do tfjs`, async () => {
      const probe = tf.sequential({ layers: testCase.layers() });
      probe.compile({ optimizer: testCase.optimizer(), loss: testCase.loss, metrics: testCase.metrics });
      assert.equal(compiledTrainingRefusal(tf, probe), null);
      probe.dispose();
      const published = await withoutNativeSpeedups(() => trainSteps(testCase, 6));
      const compiled = await trainSteps(testCase, 6);
      compiled.reports.forEach((report, step) => assertClose(report, published.reports[step] ?? [], `passo ${step + 1}`));
      compiled.weights.forEach((weight, index) => assertClose(weight, published.weights[index] ?? new Float32Array(), `peso ${index}`));
      assert.equal(compiled.optimizerState.length, published.optimizerState.length);
      compiled.optimizerState.forEach((state, index) => assertClose(state, published.optimizerState[index] ?? new Float32Array(), `estado ${index}`));
      // The comparison is between models that moved: the first and last losses differ.
      const losses = compiled.reports.map((report) => report[0] as number);
      assert.notEqual(losses[0], losses[losses.length - 1]);
    });
  }

  test("um passo é uma única chamada ao TensorFlow (mais as do sorteio do dropout), e não vaza tensores", async () => {
    const testCase = CASES[0] as Case;
    const model = tf.sequential({ layers: testCase.layers() });
    model.compile({ optimizer: testCase.optimizer(), loss: testCase.loss, metrics: testCase.metrics });
    const batch = data(testCase, 16);
    try {
      await model.trainOnBatch(batch.x, batch.y);
      const tensorsAfterFirst = tf.memory().numTensors;
      const calls = await nativeOpsRunBy(async () => {
        for (let step = 0; step < 5; step++) await model.trainOnBatch(batch.x, batch.y);
      });
      assert.equal(tf.memory().numTensors, tensorsAfterFirst);
      assert.equal(calls.filter((name) => name.startsWith("redes_neurais_passo_")).length, 5, calls.join(" "));
      // tfjs's own step runs about a hundred ops for this model; here: the function, the
      // dropout multiplier (Floor, AddV2, RealDiv) and a few tfjs-layers housekeeping ops.
      const perStep = calls.length / 5;
      assert.ok(perStep <= 12, `${perStep} ops por passo: ${calls.slice(0, 20).join(" ")}`);
    } finally {
      model.optimizer.dispose();
      model.dispose();
      tf.dispose([batch.x, batch.y]);
    }
  });

  test(`com ${XLA_ENV_VAR}=1, redes densas passam ao gêmeo compilado pelo XLA depois de ${STEPS_BEFORE_XLA} passos do mesmo tamanho, com as mesmas perdas; convnets não, e sem a variável ninguém passa`, async () => {
    const runs: ReadonlyArray<readonly [Case, string | undefined, number]> = [
      [CASES[0] as Case, "1", 64 - STEPS_BEFORE_XLA],
      [CASES[1] as Case, "1", 0],
      [CASES[0] as Case, undefined, 0],
    ];
    const saved = process.env[XLA_ENV_VAR];
    try {
      for (const [testCase, flag, expectedXlaSteps] of runs) {
        if (flag === undefined) delete process.env[XLA_ENV_VAR];
        else process.env[XLA_ENV_VAR] = flag;
        // 64 samples in batches of 8: 8 steps per epoch, 8 epochs = 64 steps.
        const published = await withoutNativeSpeedups(() => fitLosses(testCase, 8, 8));
        let compiled: number[] = [];
        const calls = await nativeOpsRunBy(async () => {
          compiled = await fitLosses(testCase, 8, 8);
        });
        const steps = calls.filter((name) => name.startsWith("redes_neurais_passo_"));
        assert.equal(steps.length, 64);
        assert.equal(steps.filter((name) => name.endsWith("_xla")).length, expectedXlaSteps, `${testCase.name}, ${XLA_ENV_VAR}=${flag ?? ""}`);
        compiled.forEach((loss, epoch) => {
          const reference = published[epoch] ?? NaN;
          assert.ok(Math.abs(loss - reference) <= 1e-3 * Math.abs(reference), `${testCase.name}, época ${epoch + 1}: ${loss} × ${reference}`);
        });
      }
    } finally {
      if (saved === undefined) delete process.env[XLA_ENV_VAR];
      else process.env[XLA_ENV_VAR] = saved;
    }
  });

  test("o mesmo fit, duas vezes no mesmo processo, dá as mesmas perdas, bit a bit (a troca para o XLA conta os passos de cada fit)", async () => {
    const testCase = CASES[0] as Case;
    const saved = process.env[XLA_ENV_VAR];
    process.env[XLA_ENV_VAR] = "1";
    try {
      const first = await fitLosses(testCase, 8, 8);
      const second = await fitLosses(testCase, 8, 8);
      assert.deepEqual(second, first);
    } finally {
      if (saved === undefined) delete process.env[XLA_ENV_VAR];
      else process.env[XLA_ENV_VAR] = saved;
    }
  });

  test("40 épocas: nem tensores nem memória do TensorFlow crescem", async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [784], units: 64, activation: "relu", kernelInitializer: init(1) }),
        tf.layers.dropout({ rate: 0.2, seed: 1 }),
        tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: init(2) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
    const x = tf.randomUniform([256, 784], 0, 1, "float32", 1);
    const y = tf.oneHot(tf.randomUniform([256], 0, 10, "int32", 2), 10).toFloat();
    const tensors: number[] = [];
    const rss: number[] = [];
    try {
      await model.fit(x, y, {
        epochs: 40,
        batchSize: 32,
        verbose: 0,
        callbacks: {
          onEpochEnd: async () => {
            tensors.push(tf.memory().numTensors);
            rss.push(process.memoryUsage().rss);
          },
        },
      });
      assert.equal(compiledTrainingRefusal(tf, model), null);
      // From epoch 10 on nothing accumulates: a copy of the weights kept per step would add
      // ~50 MB over the 240 steps.
      assert.deepEqual(new Set(tensors.slice(9)).size, 1, `tensores por época: ${tensors.join(" ")}`);
      const growth = ((rss[39] as number) - (rss[9] as number)) / 2 ** 20;
      assert.ok(growth < 16, `RSS cresceu ${growth.toFixed(1)} MiB entre as épocas 10 e 40`);
    } finally {
      model.optimizer.dispose();
      model.dispose();
      tf.dispose([x, y]);
    }
  });

  const refused: ReadonlyArray<readonly [string, () => tf.LayersModel, RegExp]> = [
    [
      "regularizador L2",
      () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2, kernelRegularizer: tf.regularizers.l2() })] });
        m.compile({ optimizer: "adam", loss: "meanSquaredError" });
        return m;
      },
      /kernelRegularizer/,
    ],
    [
      "batch normalization",
      () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 }), tf.layers.batchNormalization()] });
        m.compile({ optimizer: "adam", loss: "meanSquaredError" });
        return m;
      },
      /BatchNormalization/,
    ],
    [
      "RMSprop",
      () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
        m.compile({ optimizer: tf.train.rmsprop(0.01), loss: "meanSquaredError" });
        return m;
      },
      /otimizador RMSPropOptimizer/,
    ],
    [
      "perda definida por função",
      () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
        m.compile({ optimizer: "sgd", loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.absoluteDifference(yTrue, yPred) });
        return m;
      },
      /perda definida por função/,
    ],
  ];
  for (const [name, build, reason] of refused) {
    test(`${name}: fica com o passo do tfjs, que treina normalmente`, async () => {
      const model = build();
      try {
        assert.match(compiledTrainingRefusal(tf, model) ?? "", reason);
        const x = tf.randomNormal([8, 3], 0, 1, "float32", 1);
        const y = tf.randomNormal([8, 2], 0, 1, "float32", 2);
        const history = await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
        assert.ok((history.history["loss"] as number[]).every(Number.isFinite));
        tf.dispose([x, y]);
      } finally {
        model.optimizer.dispose();
        model.dispose();
      }
    });
  }

  test("pesos por amostra (classWeight) vão ao passo do tfjs, com o mesmo resultado que sem as acelerações", async () => {
    const run = async () => {
      const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2, activation: "softmax", kernelInitializer: init(1) })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
      const x = tf.randomNormal([8, 3], 0, 1, "float32", 1);
      const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0, 0, 1], "int32"), 2).toFloat();
      const history = await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, shuffle: false, classWeight: { 0: 1, 1: 5 } });
      tf.dispose([x, y]);
      model.dispose();
      return history.history["loss"] as number[];
    };
    const published = await withoutNativeSpeedups(run);
    assertClose(await run(), published, "perdas");
  });
});
