/**
 * A two-layer perceptron (one hidden layer) trained by back-propagation written by hand,
 * layer by layer (lecture: "MLP: back-propagation camada por camada"):
 *
 *   forward:   z1 = x W1 + b1,  h = f(z1),  z2 = h W2 + b2,  y = σ(z2)
 *   cost:      E = mean binary cross-entropy of y against t
 *   backward:  δ2 = dE/dz2 = (y − t) / N          (sigmoid + cross-entropy simplify)
 *              dE/dW2 = hᵀ δ2,   dE/db2 = Σ δ2     (adjust the last layer first)
 *              δ1 = (δ2 W2ᵀ) ⊙ f′(z1)             (propagate the error one layer back)
 *              dE/dW1 = xᵀ δ1,   dE/db1 = Σ δ1     (then adjust that layer)
 * with f′ = h(1 − h) for the sigmoid and 1 − h² for tanh.
 */
import * as tf from "../tf";
import type { HistoryRecord } from "../monitor/training-history";
import { BCE_EPSILON } from "./logistic-regression";
import { recordEpoch } from "./record-epoch";
import { TrainingInputError } from "./training-errors";
import { checkEpochs, checkLearningRate, checkTrainingData, toMatrix, toVector, type Matrix, type Targets } from "./training-input";

export type HiddenActivation = "sigmoid" | "tanh";

export interface MlpParameters {
  /** [inputs, hidden] */
  w1: tf.Tensor2D;
  /** [hidden] */
  b1: tf.Tensor1D;
  /** [hidden, 1] */
  w2: tf.Tensor2D;
  /** [1] */
  b2: tf.Tensor1D;
}

export interface MlpGradients {
  dw1: tf.Tensor2D;
  db1: tf.Tensor1D;
  dw2: tf.Tensor2D;
  db2: tf.Tensor1D;
}

/** What the forward pass computes, kept for the backward pass. */
export interface MlpForward {
  z1: tf.Tensor2D;
  h: tf.Tensor2D;
  z2: tf.Tensor2D;
  /** [N, 1] probabilities of class 1. */
  y: tf.Tensor2D;
}

/**
 * Random initial weights (Glorot-normal, seeded) and zero biases.
 *
 * @param sizes Number of inputs and of hidden neurons (integers ≥ 1).
 * @param seed Seed of the initializer: same seed, same weights.
 */
export function initTwoLayerMlp(sizes: { inputs: number; hidden: number }, seed: number): MlpParameters {
  for (const [name, value] of Object.entries(sizes)) {
    if (!(Number.isInteger(value) && value >= 1)) {
      throw new TrainingInputError(`${name} deve ser um inteiro ≥ 1; recebi ${value}.`);
    }
  }
  const { inputs, hidden } = sizes;
  return {
    w1: tf.randomNormal([inputs, hidden], 0, Math.sqrt(2 / (inputs + hidden)), "float32", seed) as tf.Tensor2D,
    b1: tf.zeros([hidden]) as tf.Tensor1D,
    w2: tf.randomNormal([hidden, 1], 0, Math.sqrt(2 / (hidden + 1)), "float32", seed + 1) as tf.Tensor2D,
    b2: tf.zeros([1]) as tf.Tensor1D,
  };
}

function checkMlpShapes(x: tf.Tensor2D, params: MlpParameters): void {
  const hidden = params.w1.shape[1];
  const ok =
    params.w1.rank === 2 &&
    params.w1.shape[0] === x.shape[1] &&
    params.b1.rank === 1 && params.b1.shape[0] === hidden &&
    params.w2.rank === 2 && params.w2.shape[0] === hidden && params.w2.shape[1] === 1 &&
    params.b2.rank === 1 && params.b2.shape[0] === 1;
  if (!ok) {
    throw new TrainingInputError(
      `Formas incompatíveis: x tem ${x.shape[1]} atributos; esperava W1 [${x.shape[1]}, H], b1 [H], W2 [H, 1], b2 [1]; ` +
        `recebi W1 [${params.w1.shape.join(", ")}], b1 [${params.b1.shape.join(", ")}], W2 [${params.w2.shape.join(", ")}], b2 [${params.b2.shape.join(", ")}].`,
    );
  }
}

function activate(z: tf.Tensor2D, activation: HiddenActivation): tf.Tensor2D {
  if (activation === "sigmoid") return tf.sigmoid(z);
  if (activation === "tanh") return tf.tanh(z);
  throw new TrainingInputError(`Ativação oculta desconhecida "${String(activation)}"; use "sigmoid" ou "tanh".`);
}

/**
 * Forward pass, keeping z1, h, z2 and y for the backward pass (dispose them with
 * `tf.dispose(Object.values(forward))`).
 */
export function twoLayerMlpForward(x: Matrix, params: MlpParameters, activation: HiddenActivation = "sigmoid"): MlpForward {
  return tf.tidy(() => {
    const xs = toMatrix(x, "x");
    checkMlpShapes(xs, params);
    const z1 = xs.matMul(params.w1).add(params.b1) as tf.Tensor2D;
    const h = activate(z1, activation);
    const z2 = h.matMul(params.w2).add(params.b2) as tf.Tensor2D;
    return { z1, h, z2, y: tf.sigmoid(z2) };
  });
}

/** Mean binary cross-entropy of the network's output y [N, 1] against t [N]. */
export function mlpLoss(y: tf.Tensor2D, t: Targets): tf.Scalar {
  return tf.tidy(() => {
    const ts = toVector(t, "t");
    if (ts.shape[0] !== y.shape[0]) {
      throw new TrainingInputError(`y tem ${y.shape[0]} objetos, t tem ${ts.shape[0]}.`);
    }
    const yc = y.squeeze([1]).clipByValue(BCE_EPSILON, 1 - BCE_EPSILON);
    return ts.mul(yc.log()).add(tf.scalar(1).sub(ts).mul(tf.scalar(1).sub(yc).log())).mean().neg() as tf.Scalar;
  });
}

/**
 * Back-propagation by hand: gradients of the mean cross-entropy for every weight and
 * bias, from the last layer to the first.
 *
 * @throws {TrainingInputError} For mismatched shapes, NaN, targets outside [0, 1], no data.
 */
export function mlpBackward(
  x: Matrix,
  t: Targets,
  params: MlpParameters,
  activation: HiddenActivation = "sigmoid",
): MlpGradients {
  const xs = toMatrix(x, "x");
  const ts = toVector(t, "t");
  try {
    checkTrainingData(xs, ts);
    checkMlpShapes(xs, params);
    return unsafeBackward(xs, ts, params, activation);
  } finally {
    tf.dispose([xs, ts]);
  }
}

function unsafeBackward(x: tf.Tensor2D, t: tf.Tensor1D, params: MlpParameters, activation: HiddenActivation): MlpGradients {
  return tf.tidy(() => {
    const { h, y } = twoLayerMlpForward(x, params, activation);
    const n = x.shape[0];
    // Output layer: for a sigmoid output and cross-entropy, dE/dz2 = (y − t)/N.
    const delta2 = y.sub(t.expandDims(1)).div(n) as tf.Tensor2D;
    const dw2 = h.transpose().matMul(delta2) as tf.Tensor2D;
    const db2 = delta2.sum(0) as tf.Tensor1D;
    // Hidden layer: the error comes back through W2, times the activation's derivative.
    const derivative = activation === "sigmoid" ? h.mul(tf.scalar(1).sub(h)) : tf.scalar(1).sub(h.square());
    const delta1 = delta2.matMul(params.w2.transpose()).mul(derivative) as tf.Tensor2D;
    const dw1 = x.transpose().matMul(delta1) as tf.Tensor2D;
    const db1 = delta1.sum(0) as tf.Tensor1D;
    return { dw1, db1, dw2, db2 };
  });
}

export interface MlpTrainingOptions {
  learningRate: number;
  epochs: number;
  activation?: HiddenActivation;
  /** Held-out data for `val_loss` and `val_acc`. */
  validation?: { x: Matrix; t: Targets };
  onEpoch?: (epoch: number, logs: Record<string, number>) => void;
}

/**
 * Trains the two-layer network by batch gradient descent with {@link mlpBackward}.
 *
 * @param initial Starting parameters (e.g. `initTwoLayerMlp(…, seed)`), not disposed.
 * @returns The trained parameters and the per-epoch `loss`, `acc` (and `val_…`).
 */
export function trainTwoLayerMlp(
  x: Matrix,
  t: Targets,
  initial: MlpParameters,
  options: MlpTrainingOptions,
): { params: MlpParameters; history: HistoryRecord } {
  checkLearningRate(options.learningRate);
  checkEpochs(options.epochs);
  const activation = options.activation ?? "sigmoid";
  const xs = toMatrix(x, "x");
  const ts = toVector(t, "t");
  const validation = options.validation
    ? { x: toMatrix(options.validation.x, "validation.x"), t: toVector(options.validation.t, "validation.t") }
    : undefined;
  let live: MlpParameters | undefined;
  try {
    checkTrainingData(xs, ts);
    checkMlpShapes(xs, initial);
    if (validation) {
      checkTrainingData(validation.x, validation.t, { x: "validation.x", t: "validation.t" });
      checkMlpShapes(validation.x, initial);
    }
    let params: MlpParameters = (live = tf.tidy(() => ({ w1: initial.w1.clone(), b1: initial.b1.clone(), w2: initial.w2.clone(), b2: initial.b2.clone() })));
    const history: HistoryRecord = { epoch: [], logs: {} };
    const alpha = options.learningRate;
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const old = params;
      params = tf.tidy(() => {
        const g = unsafeBackward(xs, ts, old, activation);
        return {
          w1: old.w1.sub(g.dw1.mul(alpha)) as tf.Tensor2D,
          b1: old.b1.sub(g.db1.mul(alpha)) as tf.Tensor1D,
          w2: old.w2.sub(g.dw2.mul(alpha)) as tf.Tensor2D,
          b2: old.b2.sub(g.db2.mul(alpha)) as tf.Tensor1D,
        };
      });
      live = params;
      tf.dispose(Object.values(old));
      const current = params;
      recordEpoch(history, epoch, { x: xs, t: ts }, validation, (inputs, targets) => {
        const { y } = twoLayerMlpForward(inputs, current, activation);
        return { loss: mlpLoss(y, targets), y: y.squeeze([1]) as tf.Tensor1D };
      }, options.onEpoch);
    }
    live = undefined; // handed to the caller
    return { params, history };
  } finally {
    tf.dispose([xs, ts]);
    if (validation) tf.dispose([validation.x, validation.t]);
    if (live) tf.dispose(Object.values(live)); // only when an error (e.g. in onEpoch) interrupted training
  }
}
