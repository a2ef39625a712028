/**
 * Gradient descent drawn on the loss surface of logistic regression (lib/src/backprop/
 * logistic-regression.ts): contours of the mean cross-entropy E(w₁, w₂) over a grid of the
 * two weights (bias b held fixed), and the path of w for several learning rates α, with a
 * slider over the step number. A small α crawls, a good one converges, a large one
 * overshoots the valley and bounces from side to side or runs away.
 *
 * The surface and every path are computed here with the course's own functions
 * (logisticForward, binaryCrossEntropy, logisticGradients, gradientDescentStep); the slider
 * only swaps the drawn data (Plotly `update`), so the figure also works in a static handout.
 */
import { evenlySpaced } from "../activations/activation-figure";
import { formatValue } from "../diagrams/diagram-text";
import type { Figure } from "../plot/figure";
import * as tf from "../tf";
import {
  binaryCrossEntropy,
  gradientDescentStep,
  logisticForward,
  logisticGradients,
  type LogisticParameters,
} from "./logistic-regression";
import { TrainingInputError } from "./training-errors";
import { checkLearningRate, toMatrix, toVector, type Matrix, type Targets } from "./training-input";

/** Options of {@link lossSurfaceFigure}. */
export interface LossSurfaceOptions {
  /** The learning rates α whose paths are drawn (e.g. [0.3, 3, 30]). */
  learningRates: readonly number[];
  /** Gradient steps per path (default 40). */
  steps?: number;
  /** Where every path starts, [w₁, w₂] (default [4, -4]). */
  start?: readonly [number, number];
  /** The bias b, held fixed (default 0). */
  bias?: number;
  /** The interval of w₁ and of w₂ drawn (default [-6, 6]). */
  range?: readonly [number, number];
  /** Grid points per side of the surface (default 41). */
  resolution?: number;
  /** Names of the two attributes, for the axes (default ["x₁", "x₂"]). */
  attributes?: readonly [string, string];
}

/** The path of one α: w after 0, 1, …, steps steps, and E at each. */
interface DescentPath {
  learningRate: number;
  w1: number[];
  w2: number[];
  loss: number[];
}

function lossAt(x: tf.Tensor2D, t: tf.Tensor1D, w1: number, w2: number, bias: number): number {
  return tf.tidy(() => {
    const params: LogisticParameters = { w: tf.tensor1d([w1, w2]), b: tf.scalar(bias) };
    return binaryCrossEntropy(logisticForward(x, params), t).dataSync()[0]!;
  });
}

/** Gradient descent on w alone (b fixed): the gradient of b is left out of the step. */
function descend(x: tf.Tensor2D, t: tf.Tensor1D, learningRate: number, start: readonly [number, number], bias: number, steps: number): DescentPath {
  const path: DescentPath = { learningRate, w1: [start[0]], w2: [start[1]], loss: [lossAt(x, t, start[0], start[1], bias)] };
  let params: LogisticParameters = { w: tf.tensor1d([...start]), b: tf.scalar(bias) };
  try {
    for (let step = 1; step <= steps; step++) {
      const { dw, db } = logisticGradients(x, t, params);
      const frozenBias = tf.zerosLike(db);
      const next = gradientDescentStep(params, { dw, db: frozenBias }, learningRate);
      tf.dispose([params.w, params.b, dw, db, frozenBias]);
      params = next;
      const [w1, w2] = params.w.dataSync();
      path.w1.push(w1!);
      path.w2.push(w2!);
      path.loss.push(lossAt(x, t, w1!, w2!, bias));
    }
    return path;
  } finally {
    tf.dispose([params.w, params.b]);
  }
}

function checkOptions(options: LossSurfaceOptions) {
  const { learningRates } = options;
  if (!Array.isArray(learningRates) || learningRates.length === 0) {
    throw new TrainingInputError(`Esperava uma lista não vazia de coeficientes de aprendizado α, como [0.3, 3, 30]; chegou ${JSON.stringify(learningRates)}.`);
  }
  learningRates.forEach(checkLearningRate);
  const steps = options.steps ?? 40;
  if (!Number.isInteger(steps) || steps < 1 || steps > 500) {
    throw new TrainingInputError(`O número de passos deve ser um inteiro entre 1 e 500; chegou ${String(steps)}.`);
  }
  const start = options.start ?? [4, -4];
  const bias = options.bias ?? 0;
  const range = options.range ?? [-6, 6];
  const resolution = options.resolution ?? 41;
  if (!Array.isArray(start) || start.length !== 2 || !start.every(Number.isFinite)) {
    throw new TrainingInputError(`start deve ser [w₁, w₂], dois números finitos; chegou ${JSON.stringify(start)}.`);
  }
  if (!Number.isFinite(bias)) throw new TrainingInputError(`O viés b deve ser um número finito; chegou ${String(bias)}.`);
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 201) {
    throw new TrainingInputError(`resolution deve ser um inteiro entre 2 e 201; chegou ${String(resolution)}.`);
  }
  return { steps, start, bias, range, resolution };
}

/**
 * The contours of E(w₁, w₂) and the gradient-descent paths for several α, with a slider over
 * the step (see the file's comment).
 *
 * @example
 * show(lossSurfaceFigure(xTreino, tTreino, { learningRates: [0.3, 3, 30], steps: 30 }));
 * @param x Two standardised attributes per object, shape [N, 2].
 * @param t Targets 0 or 1, one per object.
 * @throws {TrainingInputError} For x without exactly two attributes, bad targets, α ≤ 0, or bad steps, start, range or resolution.
 */
export function lossSurfaceFigure(x: Matrix, t: Targets, options: LossSurfaceOptions): Figure {
  const { steps, start, bias, range, resolution } = checkOptions(options);
  const grid = evenlySpaced(range[0], range[1], resolution);
  const xs = toMatrix(x, "x");
  const ts = toVector(t, "t");
  let surface: number[][];
  let paths: DescentPath[];
  try {
    if (xs.shape[1] !== 2) {
      throw new TrainingInputError(`A superfície de perda é desenhada sobre dois pesos: x deve ter 2 atributos (colunas); tem ${xs.shape[1]}.`);
    }
    // Validates shapes, NaN and targets once, with the course's messages.
    const origin: LogisticParameters = { w: tf.zeros([2]) as tf.Tensor1D, b: tf.scalar(0) };
    try {
      tf.dispose(Object.values(logisticGradients(xs, ts, origin)));
    } finally {
      tf.dispose([origin.w, origin.b]);
    }
    surface = grid.map((w2) => grid.map((w1) => lossAt(xs, ts, w1, w2, bias)));
    paths = options.learningRates.map((learningRate) => descend(xs, ts, learningRate, start, bias, steps));
  } finally {
    tf.dispose([xs, ts]);
  }
  return drawLossSurface(grid, surface, paths, { bias, range, attributes: options.attributes ?? ["x₁", "x₂"] });
}

function drawLossSurface(
  grid: number[],
  surface: number[][],
  paths: DescentPath[],
  { bias, range, attributes }: { bias: number; range: readonly [number, number]; attributes: readonly [string, string] },
): Figure {
  const steps = paths[0]!.w1.length - 1;
  const lastStep = steps;
  const pathTrace = (path: DescentPath, upTo: number) => ({
    type: "scatter" as const,
    mode: "lines+markers" as const,
    name: `α = ${formatValue(path.learningRate)}`,
    x: path.w1.slice(0, upTo + 1),
    y: path.w2.slice(0, upTo + 1),
    marker: { size: 6 },
    line: { width: 2 },
    hovertemplate: "w₁ = %{x:.3f}<br>w₂ = %{y:.3f}<extra>%{fullData.name}</extra>",
  });
  const title = (step: number) =>
    `Descida do gradiente, passo ${step}<br>E = ` + paths.map((path) => `${formatValue(path.loss[step]!)} (α = ${formatValue(path.learningRate)})`).join(", ");
  const data = [
    {
      type: "contour" as const,
      x: grid,
      y: grid,
      z: surface,
      colorscale: "Blues",
      reversescale: true,
      contours: { coloring: "heatmap" as const, showlabels: true, labelfont: { color: "white" } },
      ncontours: 20,
      colorbar: { title: { text: "E" } },
      name: "entropia cruzada",
      hovertemplate: "w₁ = %{x:.2f}<br>w₂ = %{y:.2f}<br>E = %{z:.4f}<extra></extra>",
    },
    ...paths.map((path) => pathTrace(path, lastStep)),
  ];
  const sliderSteps = Array.from({ length: steps + 1 }, (_, step) => ({
    label: String(step),
    method: "update" as const,
    args: [
      { x: paths.map((path) => path.w1.slice(0, step + 1)), y: paths.map((path) => path.w2.slice(0, step + 1)) },
      { "title.text": title(step) },
      paths.map((_, index) => index + 1),
    ],
  }));
  return {
    data,
    layout: {
      title: { text: title(lastStep), font: { size: 13 } },
      xaxis: { title: { text: `w₁ (peso de ${attributes[0]})` }, range: [...range], constrain: "domain" },
      yaxis: { title: { text: `w₂ (peso de ${attributes[1]}); b = ${formatValue(bias)} fixo` }, range: [...range], scaleanchor: "x" },
      width: 720,
      height: 640,
      legend: { orientation: "h", y: -0.12 },
      margin: { b: 160 },
      sliders: [{ active: lastStep, currentvalue: { prefix: "passo: " }, pad: { t: 70 }, steps: sliderSteps }],
    },
  };
}
