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
    case "07_autoencoder_pca":
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
              "function buildLinearAutoencoder(features: number, code: number): tf.Sequential {",
              "  const model = tf.sequential();",
              "  model.add(tf.layers.dense({ units: code, inputShape: [features] }));",
              "  model.add(tf.layers.dense({ units: features }));",
              "  return model;",
              "}",
              "async function trainAutoencoder(model: tf.Sequential, x: tf.Tensor2D, epochs: number): Promise<number> {",
              '  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });',
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
              "function buildLinearAutoencoder(features: number, code: number): tf.Sequential {",
              "  const model = tf.sequential();",
              "  model.add(tf.layers.dense({ units: code, inputShape: [features] }));",
              "  model.add(tf.layers.dense({ units: features }));",
              "  return model;",
              "}",
              "async function trainAutoencoder(model: tf.Sequential, x: tf.Tensor2D, epochs: number): Promise<number> {",
              '  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });',
              "  await model.fit(x, x, { epochs, batchSize: 32, shuffle: false, verbose: 0 });",
              "  return 0.0004;",
              "}",
            ].join("\n"),
          }),
          expected: marks(assignment, ["testes-autoencoder"]),
        },
      };
    default:
      throw new Error(`no fake answers for "${assignment}"`);
  }
}
