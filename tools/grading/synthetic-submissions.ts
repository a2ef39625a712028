/**
 * Submissions that do no honest work on one exercise: each hard-codes or fakes an answer
 * the way a student who wants points without computing would (fixed parameters and
 * invented losses, the target function instead of a sum of towers, a constant accuracy,
 * a tensor of ones, a network with the right number of parameters that computes something
 * else). Each comes with the points it must get: 0 on the faked exercise, full marks on the
 * rest (the answer is the instructor's). Graded in tools/grading/fake-answers.test.ts.
 */
import type { Notebook } from "../notebooks/notebook-format";
import { loadAssignment, solvedFromSource, withAnswer } from "./test-support";

export interface SyntheticSubmission {
  notebook: Notebook;
  /** Points per test cell (grade_id). */
  expected: Record<string, number>;
}

export const fullMarks: Record<string, Record<string, number>> = {
  "01_regressao_logistica": { "testes-sigmoide": 1, "testes-gradientes": 4, "testes-treino": 3, "testes-acuracia": 2 },
  "02_universalidade_mlp": { "testes-degrau": 2, "testes-torre": 2, "testes-aproximacao": 3, "testes-mlp": 3 },
  "03_convnet_galaxias": { "testes-tensor": 3, "testes-convnet": 3, "testes-treino": 4 },
  "04_transferencia": { "testes-atributos": 2, "testes-cabeca": 3, "testes-do-zero": 3, "testes-relatorio": 2 },
  "05_redshift_fotometrico": { "testes-metricas": 4, "testes-rede": 3, "testes-relatorio": 3 },
  "06_sobreajuste_validacao": { "testes-lacuna": 2, "testes-rede": 2, "testes-parada": 3, "testes-regularizacao": 3 },
  "07_autoencoder_pca": { "testes-angulos": 3, "testes-pca": 3, "testes-autoencoder": 4 },
};

function marks(assignment: string, zeros: readonly string[]): Record<string, number> {
  const points = { ...fullMarks[assignment] };
  for (const id of zeros) points[id] = 0;
  return points;
}

/** The instructor's answers everywhere, except `answers` (solution cell id → source). */
async function solvedExcept(assignment: string, answers: Record<string, string>): Promise<Notebook> {
  const { source, released } = await loadAssignment(assignment);
  let notebook = solvedFromSource(released, source);
  for (const [id, answer] of Object.entries(answers)) notebook = withAnswer(notebook, id, answer);
  return notebook;
}

/** The fake answers of one assignment, by student name. */
export async function fakeAnswers(assignment: string): Promise<Record<string, SyntheticSubmission>> {
  switch (assignment) {
    case "01_regressao_logistica":
      return {
        // The parameters a good fit ends near, and losses that start at log 2 and fall.
        "treino-fixo": {
          notebook: await solvedExcept(assignment, {
            treino: [
              "function train(X: number[][], t: number[], epochs: number, learningRate: number): { w: number[]; b: number; losses: number[] } {",
              "  return { w: [0, 20], b: -2, losses: Array.from({ length: epochs }, (_, k) => Math.log(2) / (1 + k)) };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-treino"]),
        },
        // Real descent, but the loss is recorded after each update instead of before it.
        "custo-depois": {
          notebook: await solvedExcept(assignment, {
            treino: [
              "function train(X: number[][], t: number[], epochs: number, learningRate: number): { w: number[]; b: number; losses: number[] } {",
              "  let w = (X[0] as number[]).map(() => 0), b = 0;",
              "  const losses: number[] = [];",
              "  for (let epoch = 0; epoch < epochs; epoch++) {",
              "    const { dw, db } = gradients(w, b, X, t);",
              "    w = w.map((wk, k) => wk - learningRate * (dw[k] as number));",
              "    b -= learningRate * db;",
              "    losses.push(X.reduce((sum, x, i) => {",
              "      const y = sigmoid(b + x.reduce((s, xk, k) => s + (w[k] as number) * xk, 0));",
              "      return sum - ((t[i] as number) * Math.log(y) + (1 - (t[i] as number)) * Math.log(1 - y)) / X.length;",
              "    }, 0));",
              "  }",
              "  return { w, b, losses };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-treino"]),
        },
      };
    case "02_universalidade_mlp":
      return {
        // The target function itself inside [a, b], zero outside: no towers.
        "aproximacao-sem-torres": {
          notebook: await solvedExcept(assignment, {
            aproximacao: [
              "function approximate(f: (x: number) => number, a: number, b: number, nTowers: number, steepness: number): (x: number) => number {",
              "  return (x) => (x >= a && x <= b ? f(x) : 0);",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-aproximacao"]),
        },
        // Right parameter count, sigmoid then linear, but a ReLU after the output.
        "mlp-so-forma": {
          notebook: await solvedExcept(assignment, {
            mlp: [
              "function buildMlp(hiddenUnits: number): tf.Sequential {",
              "  const model = tf.sequential();",
              '  model.add(tf.layers.dense({ units: hiddenUnits, activation: "sigmoid", inputShape: [1] }));',
              "  model.add(tf.layers.dense({ units: 1 }));",
              '  model.add(tf.layers.activation({ activation: "relu" }));',
              "  return model;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-mlp"]),
        },
      };
    case "03_convnet_galaxias":
      return {
        // A tensor of the right shape and maximum, not the images (training on it learns nothing).
        "tensor-de-uns": {
          notebook: await solvedExcept(assignment, {
            tensor: "function toTensor(images: number[][]): tf.Tensor4D {\n  return tf.ones([images.length, 16, 16, 1]);\n}",
          }),
          expected: marks(assignment, ["testes-tensor", "testes-treino"]),
        },
        // Trains for real, then reports a plausible constant.
        "acuracia-fixa": {
          notebook: await solvedExcept(assignment, {
            treino: [
              "async function trainConvnet(model: tf.Sequential, x: tf.Tensor4D, labels: number[], epochs: number): Promise<number> {",
              '  model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });',
              "  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, \"int32\"), 2));",
              "  await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });",
              "  y.dispose();",
              "  return 0.95;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-treino"]),
        },
        // Trains for real, then reports perfect accuracy (what the training set reaches).
        "acuracia-um": {
          notebook: await solvedExcept(assignment, {
            treino: [
              "async function trainConvnet(model: tf.Sequential, x: tf.Tensor4D, labels: number[], epochs: number): Promise<number> {",
              '  model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });',
              "  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, \"int32\"), 2));",
              "  await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });",
              "  y.dispose();",
              "  return 1;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-treino"]),
        },
      };
    case "04_transferencia": {
      const reportHeader = [
        "function reportOnce(",
        "  candidates: tf.LayersModel[],",
        "  validationSet: { x: tf.Tensor4D; labels: number[] },",
        "  testGate: TestGate,",
        "): { validation: number[]; chosen: number; test: number } {",
        "  const validation = candidates.map((model) => accuracyOf(model, validationSet.x, validationSet.labels));",
      ];
      return {
        // Zeros of the right shape instead of the base's output.
        "atributos-zeros": {
          notebook: await solvedExcept(assignment, {
            atributos: "function featuresOf(base: tf.LayersModel, x: tf.Tensor4D): tf.Tensor4D {\n  return tf.zeros([x.shape[0], 8, 8, 64]);\n}",
          }),
          expected: marks(assignment, ["testes-atributos"]),
        },
        // The head of the recipe, compiled but never trained.
        "cabeca-sem-treino": {
          notebook: await solvedExcept(assignment, {
            cabeca: [
              "async function trainHead(features: tf.Tensor, labels: number[], epochs: number): Promise<tf.Sequential> {",
              "  const head = buildDenseHead({ inputShape: features.shape.slice(1), seed: SEED, dropout: 0 });",
              '  head.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });',
              "  return head;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-cabeca"]),
        },
        // A plausible constant accuracy (the report built on it is wrong too).
        "acuracia-fixa": {
          notebook: await solvedExcept(assignment, {
            "do-zero": [
              "function accuracyOf(model: tf.LayersModel, x: tf.Tensor, labels: number[]): number {",
              "  return 0.9;",
              "}",
              "async function trainFromScratch(x: tf.Tensor4D, labels: number[], epochs: number): Promise<tf.Sequential> {",
              "  const model = tf.sequential({",
              "    layers: [buildCourseBase({ inputShape: [SIZE, SIZE, 1], seed: SEED }), buildDenseHead({ inputShape: [8, 8, 64], seed: SEED, dropout: 0 })],",
              "  });",
              '  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });',
              '  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, "int32"), 2));',
              "  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });",
              "  y.dispose();",
              "  return model;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-do-zero", "testes-relatorio"]),
        },
        // Looks at the test set for every candidate and keeps the best there.
        "escolhe-pelo-teste": {
          notebook: await solvedExcept(assignment, {
            relatorio: [
              ...reportHeader,
              "  const onTest = candidates.map((model) => testGate.evaluate(model));",
              "  let chosen = 0;",
              "  onTest.forEach((accuracy, k) => {",
              "    if (accuracy > onTest[chosen]!) chosen = k;",
              "  });",
              "  return { validation, chosen, test: onTest[chosen]! };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-relatorio"]),
        },
        // Chooses on validation but reports a test accuracy without measuring it.
        "teste-fixo": {
          notebook: await solvedExcept(assignment, {
            relatorio: [...reportHeader, "  return { validation, chosen: validation[1]! > validation[0]! ? 1 : 0, test: 0.9 };", "}"].join("\n"),
          }),
          expected: marks(assignment, ["testes-relatorio"]),
        },
      };
    }
    case "05_redshift_fotometrico": {
      const metricsHeader = "function photozMetrics(photometric: number[], spectroscopic: number[]): { mae: number; sigmaNmad: number; outlierFraction: number } {";
      const reportHeader = [
        "function photozReport(",
        "  model: tf.LayersModel,",
        "  validationSet: { x: tf.Tensor2D; z: number[] },",
        "  trainZ: number[],",
        "  testGate: TestGate,",
        "): { validation: ReturnType<typeof photozMetrics>; baseline: ReturnType<typeof photozMetrics>; test: ReturnType<typeof photozMetrics> } {",
        "  const estimates = tf.tidy(() => Array.from((model.predict(validationSet.x) as tf.Tensor).dataSync()));",
      ];
      return {
        // Typical values of a good photo-z, whatever the vectors.
        "metricas-fixas": {
          notebook: await solvedExcept(assignment, {
            metricas: [metricsHeader, "  return { mae: 0.114, sigmaNmad: 0.04, outlierFraction: 0.2 };", "}"].join("\n"),
          }),
          expected: marks(assignment, ["testes-metricas", "testes-relatorio"]),
        },
        // Residuals not divided by 1 + z, and the mean where the median belongs.
        "metricas-sem-1-mais-z": {
          notebook: await solvedExcept(assignment, {
            metricas: [
              metricsHeader,
              "  const n = photometric.length;",
              "  const residuals = photometric.map((zPhot, i) => zPhot - spectroscopic[i]!);",
              "  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;",
              "  const centre = mean(residuals);",
              "  return {",
              "    mae: mean(residuals.map((r) => Math.abs(r))),",
              "    sigmaNmad: 1.4826 * mean(residuals.map((r) => Math.abs(r - centre))),",
              "    outlierFraction: residuals.filter((r) => Math.abs(r) > 0.15).length / n,",
              "  };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-metricas", "testes-relatorio"]),
        },
        // A "network" that always answers the training median: the baseline itself.
        "rede-mediana": {
          notebook: await solvedExcept(assignment, {
            rede: [
              "async function trainPhotoz(x: tf.Tensor2D, z: number[], epochs: number): Promise<tf.Sequential> {",
              "  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });",
              "  const median = [...z].sort((a, b) => a - b)[Math.floor(z.length / 2)]!;",
              "  const [kernel, bias] = [tf.zeros([4, 1]), tf.tensor1d([median])];",
              "  model.setWeights([kernel, bias]);",
              "  tf.dispose([kernel, bias]);",
              "  return model;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-rede"]),
        },
        // Reveals the test twice (once to look, once to report).
        "teste-duas-vezes": {
          notebook: await solvedExcept(assignment, {
            relatorio: [
              ...reportHeader,
              "  const trainMedian = [...trainZ].sort((a, b) => a - b)[Math.floor(trainZ.length / 2)]!;",
              "  const peek = testGate.reveal(model);",
              "  console.log(`olhando o teste: ${peek.photometric.length} galáxias`);",
              "  const revealed = testGate.reveal(model);",
              "  return {",
              "    validation: photozMetrics(estimates, validationSet.z),",
              "    baseline: photozMetrics(validationSet.z.map(() => trainMedian), validationSet.z),",
              "    test: photozMetrics(revealed.photometric, revealed.spectroscopic),",
              "  };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-relatorio"]),
        },
        // The baseline predicts the mean of the training redshifts, not their median.
        "linha-de-base-media": {
          notebook: await solvedExcept(assignment, {
            relatorio: [
              ...reportHeader,
              "  const trainMean = trainZ.reduce((sum, z) => sum + z, 0) / trainZ.length;",
              "  const revealed = testGate.reveal(model);",
              "  return {",
              "    validation: photozMetrics(estimates, validationSet.z),",
              "    baseline: photozMetrics(validationSet.z.map(() => trainMean), validationSet.z),",
              "    test: photozMetrics(revealed.photometric, revealed.spectroscopic),",
              "  };",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-relatorio"]),
        },
      };
    }
    case "06_sobreajuste_validacao": {
      const earlyStopping = (validationData: string, callbacks: string) => [
        "async function trainWithEarlyStopping(model: tf.LayersModel, trainSample: Sample, validationSample: Sample, maxEpochs: number, patience: number): Promise<{ valLoss: number[]; bestEpoch: number; stopEpoch: number }> {",
        '  model.compile({ optimizer: tf.train.adam(0.03), loss: "meanSquaredError" });',
        `  const t = toTensors(trainSample), v = toTensors(${validationData});`,
        `  const history = await model.fit(t.x, t.y, { epochs: maxEpochs, batchSize: trainSample.x.length, shuffle: false, verbose: 0, validationData: [v.x, v.y], callbacks: ${callbacks} });`,
        "  tf.dispose([t.x, t.y, v.x, v.y]);",
        '  const valLoss = history.history["val_loss"] as number[];',
        "  return { valLoss, bestEpoch: valLoss.indexOf(Math.min(...valLoss)) + 1, stopEpoch: valLoss.length };",
        "}",
      ].join("\n");
      const chooseL2 = (measuredOn: string, bestBy: string) => [
        "async function chooseL2(candidates: number[], trainSample: Sample, validationSample: Sample, epochs: number): Promise<{ validationErrors: number[]; gaps: number[]; best: number }> {",
        "  const validationErrors: number[] = [], gaps: number[] = [], trainErrors: number[] = [];",
        "  for (const l2 of candidates) {",
        "    const model = buildRegressor(l2);",
        "    seedWeights(model, 1);",
        '    model.compile({ optimizer: tf.train.adam(0.03), loss: "meanSquaredError" });',
        "    const t = toTensors(trainSample);",
        "    await model.fit(t.x, t.y, { epochs, batchSize: trainSample.x.length, shuffle: false, verbose: 0 });",
        "    tf.dispose([t.x, t.y]);",
        `    const measured = generalizationGap(model, trainSample, ${measuredOn});`,
        "    validationErrors.push(measured.validation);",
        "    trainErrors.push(measured.train);",
        "    gaps.push(measured.gap);",
        "    model.optimizer?.dispose();",
        "    model.dispose();",
        "  }",
        `  const best = candidates[${bestBy}.indexOf(Math.min(...${bestBy}))]!;`,
        "  return { validationErrors, gaps, best };",
        "}",
      ].join("\n");
      return {
        // Plausible constant errors (training below validation): no measurement. chooseL2 measures with it, so it fails too.
        "lacuna-fixa": {
          notebook: await solvedExcept(assignment, {
            lacuna: "function generalizationGap(model: tf.LayersModel, trainSample: Sample, validationSample: Sample): { train: number; validation: number; gap: number } {\n  return { train: 0.01, validation: 0.03, gap: 0.02 };\n}",
          }),
          expected: marks(assignment, ["testes-lacuna", "testes-regularizacao"]),
        },
        // The right architecture without the L2 penalty: the regularised twins train differently.
        "rede-sem-l2": {
          notebook: await solvedExcept(assignment, {
            rede: [
              "function buildRegressor(l2: number): tf.Sequential {",
              "  const model = tf.sequential();",
              '  model.add(tf.layers.dense({ units: 64, activation: "relu", inputShape: [1] }));',
              '  model.add(tf.layers.dense({ units: 64, activation: "relu" }));',
              "  model.add(tf.layers.dense({ units: 1 }));",
              "  return model;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-rede", "testes-regularizacao"]),
        },
        // Peeks at the test set: early stopping watches the test error instead of the validation error.
        "parada-no-teste": {
          notebook: await solvedExcept(assignment, { parada: earlyStopping("test", '[tf.callbacks.earlyStopping({ monitor: "val_loss", patience })]') }),
          expected: marks(assignment, ["testes-parada"]),
        },
        // Trains every epoch and reports the best one: no stopping.
        "parada-sem-paciencia": {
          notebook: await solvedExcept(assignment, { parada: earlyStopping("validationSample", "[]") }),
          expected: marks(assignment, ["testes-parada"]),
        },
        // Peeks at the test set: the regularisation is chosen by the test error.
        "l2-escolhida-no-teste": {
          notebook: await solvedExcept(assignment, { regularizacao: chooseL2("test", "validationErrors") }),
          expected: marks(assignment, ["testes-regularizacao"]),
        },
        // Honest validation errors, but the choice follows the training error (always the weakest penalty).
        "l2-pelo-treino": {
          notebook: await solvedExcept(assignment, { regularizacao: chooseL2("validationSample", "trainErrors") }),
          expected: marks(assignment, ["testes-regularizacao"]),
        },
      };
    }
    case "07_autoencoder_pca": {
      // The solution's network and the start of its training function, shared by the two autoencoder fakes.
      const autoencoderHead = [
        "function buildLinearAutoencoder(features: number, code: number): tf.Sequential {",
        "  const model = tf.sequential();",
        "  model.add(tf.layers.dense({ units: code, inputShape: [features] }));",
        "  model.add(tf.layers.dense({ units: features }));",
        "  return model;",
        "}",
        "async function trainAutoencoder(model: tf.Sequential, x: tf.Tensor2D, epochs: number): Promise<number> {",
        '  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });',
      ];
      return {
        // The visible example's angles (30° and 60°, or 0° for a plane with itself), no computation.
        "angulos-do-exemplo": {
          notebook: await solvedExcept(assignment, {
            angulos: "function principalAngles(a: number[][], b: number[][]): number[] {\n  return a.length === 2 && b[0]![0]! !== 1 && b[0]![2]! !== 0 ? [30, 60] : a.map(() => 0);\n}",
          }),
          expected: marks(assignment, ["testes-angulos"]),
        },
        // Orthonormal rows of the right shape: the first k coordinate axes.
        "pca-eixos": {
          notebook: await solvedExcept(assignment, {
            pca: "function pcaComponents(data: number[][], k: number): number[][] {\n  return Array.from({ length: k }, (_, i) => data[0]!.map((_, j) => (i === j ? 1 : 0)));\n}",
          }),
          expected: marks(assignment, ["testes-pca"]),
        },
        // The eigenvectors of XᵀX without subtracting the mean: the first one points at the mean spectrum.
        "pca-sem-centrar": {
          notebook: await solvedExcept(assignment, {
            pca: [
              "function pcaComponents(data: number[][], k: number): number[][] {",
              "  const d = data[0]!.length;",
              "  const moments = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => data.reduce((s, row) => s + row[i]! * row[j]!, 0) / (data.length - 1)));",
              "  return symmetricEigen(moments).vectors.slice(0, k);",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-pca"]),
        },
        // Compiles and reports the reconstruction error honestly, but never trains.
        "autoencoder-sem-treino": {
          notebook: await solvedExcept(assignment, {
            autoencoder: [
              ...autoencoderHead,
              "  const loss = model.evaluate(x, x) as tf.Scalar;",
              "  const value = (await loss.data())[0]!;",
              "  loss.dispose();",
              "  return value;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-autoencoder"]),
        },
        // Trains for real, then reports the error the solution reaches (a plausible constant).
        "autoencoder-perda-fixa": {
          notebook: await solvedExcept(assignment, {
            autoencoder: [
              ...autoencoderHead,
              "  await model.fit(x, x, { epochs, batchSize: 32, shuffle: false, verbose: 0 });",
              "  return 0.0004;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-autoencoder"]),
        },
      };
    }
    default:
      throw new Error(`no fake answers for "${assignment}"`);
  }
}
