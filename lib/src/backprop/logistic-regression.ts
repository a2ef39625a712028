/**
 * Logistic regression as a one-neuron network, trained by hand (lecture, "exemplo:
 * regressão logística como rede neural"):
 *
 *   y = S(z) = 1 / (1 + e^{−z}),  z = w·x + b                      (forward)
 *   E = −[t log y + (1 − t) log(1 − y)]                              (binary cross-entropy)
 *   dE/dw_k = (dE/dy)(dy/dz)(dz/dw_k) = −(t − y) x_k                (chain rule)
 *   Δw_k = α (t − y) x_k                                             (gradient descent)
 *
 * Over a batch of N objects the cost is the mean of E, so the gradients are means too.
 * Every function here returns new tensors and frees its intermediates (tf.tidy).
 */
import * as tf from "../tf";
import type { HistoryRecord } from "../monitor/training-history";
import { recordEpoch } from "./record-epoch";
import { TrainingInputError } from "./training-errors";
import {
  disposeTrainingData,
  checkLearningRate,
  checkTrainingData,
  prepareTrainingData,
  toMatrix,
  toVector,
  type Matrix,
  type Targets,
} from "./training-input";

/** The weights w (one per attribute) and the bias b (the lecture's w0). */
export interface LogisticParameters {
  w: tf.Tensor1D;
  b: tf.Scalar;
}

export interface LogisticGradients {
  /** dE/dw, mean over the batch. */
  dw: tf.Tensor1D;
  /** dE/db, mean over the batch. */
  db: tf.Scalar;
}

/** Values of y are kept in [ε, 1 − ε] inside the logarithms, so E stays finite. */
export const BCE_EPSILON = 1e-7;

function checkParameters(x: tf.Tensor2D, params: LogisticParameters): void {
  if (params.w.rank !== 1 || params.w.shape[0] !== x.shape[1]) {
    throw new TrainingInputError(
      `w deve ter um peso por atributo: x tem ${x.shape[1]} atributos, w tem forma [${params.w.shape.join(", ")}].`,
    );
  }
  if (params.b.rank !== 0) {
    throw new TrainingInputError(`b deve ser um escalar; recebi forma [${params.b.shape.join(", ")}].`);
  }
}

/** Zero weights and bias for `attributes` inputs (logistic regression has one minimum: zeros are a fine start). */
export function zeroLogisticParameters(attributes: number): LogisticParameters {
  if (!(Number.isInteger(attributes) && attributes >= 1)) {
    throw new TrainingInputError(`O número de atributos deve ser um inteiro ≥ 1; recebi ${attributes}.`);
  }
  return { w: tf.zeros([attributes]) as tf.Tensor1D, b: tf.scalar(0) };
}

/**
 * Forward pass: y = σ(x·w + b), the probability that each object is a galaxy (class 1).
 *
 * @param x Inputs, shape [N, attributes].
 * @returns y, shape [N].
 * @throws {TrainingInputError} When w does not have one weight per attribute.
 */
export function logisticForward(x: Matrix, params: LogisticParameters): tf.Tensor1D {
  return tf.tidy(() => {
    const xs = toMatrix(x, "x");
    checkParameters(xs, params);
    return tf.sigmoid(xs.matMul(params.w.expandDims(1)).squeeze([1]).add(params.b)) as tf.Tensor1D;
  });
}

/**
 * Binary cross-entropy, mean over the batch: E = −mean[t log y + (1 − t) log(1 − y)].
 *
 * @param y Predicted probabilities, shape [N] (clipped to [ε, 1 − ε]).
 * @param t Targets 0 or 1, shape [N].
 * @throws {TrainingInputError} When y and t differ in length or are empty.
 */
export function binaryCrossEntropy(y: tf.Tensor, t: tf.Tensor | number[]): tf.Scalar {
  return tf.tidy(() => {
    const ts = t instanceof tf.Tensor ? t.toFloat() : tf.tensor(t, undefined, "float32");
    if (y.size === 0 || !tf.util.arraysEqual(y.shape, ts.shape)) {
      throw new TrainingInputError(
        `y e t devem ter a mesma forma e não ser vazios: y tem [${y.shape.join(", ")}], t tem [${ts.shape.join(", ")}].`,
      );
    }
    const yc = y.clipByValue(BCE_EPSILON, 1 - BCE_EPSILON);
    const perObject = ts.mul(yc.log()).add(tf.scalar(1).sub(ts).mul(tf.scalar(1).sub(yc).log()));
    return perObject.mean().neg() as tf.Scalar;
  });
}

/**
 * The gradient of the mean cross-entropy by the chain rule: dE/dw_k = −mean[(t − y) x_k],
 * dE/db = −mean(t − y) (x_0 = 1 for the bias).
 *
 * @throws {TrainingInputError} For mismatched shapes, NaN, targets outside [0, 1], no data.
 */
export function logisticGradients(x: Matrix, t: Targets, params: LogisticParameters): LogisticGradients {
  const xs = toMatrix(x, "x");
  const ts = toVector(t, "t");
  try {
    checkTrainingData(xs, ts);
    checkParameters(xs, params);
    return unsafeLogisticGradients(xs, ts, params);
  } finally {
    xs.dispose();
    ts.dispose();
  }
}

function unsafeLogisticGradients(x: tf.Tensor2D, t: tf.Tensor1D, params: LogisticParameters): LogisticGradients {
  return tf.tidy(() => {
    const y = tf.sigmoid(x.matMul(params.w.expandDims(1)).squeeze([1]).add(params.b));
    const error = t.sub(y); // t − y, shape [N]
    const n = x.shape[0];
    const dw = error.expandDims(0).matMul(x).squeeze([0]).div(-n) as tf.Tensor1D; // −Σ (t−y) x_k / N
    const db = error.mean().neg() as tf.Scalar;
    return { dw, db };
  });
}

/**
 * One step of gradient descent: w ← w − α dE/dw (that is, Δw = α (t − y) x, averaged).
 *
 * @returns New parameters (the old ones are not disposed).
 * @throws {TrainingInputError} When α is not a positive finite number.
 */
export function gradientDescentStep(params: LogisticParameters, gradients: LogisticGradients, learningRate: number): LogisticParameters {
  checkLearningRate(learningRate);
  return tf.tidy(() => ({
    w: params.w.sub(gradients.dw.mul(learningRate)) as tf.Tensor1D,
    b: params.b.sub(gradients.db.mul(learningRate)) as tf.Scalar,
  }));
}

/** Fraction of objects whose predicted class (y ≥ 0.5 → 1) equals the target. */
export function logisticAccuracy(x: Matrix, t: Targets, params: LogisticParameters): number {
  return tf.tidy(() => {
    const y = logisticForward(x, params);
    const ts = toVector(t, "t");
    return y.greaterEqual(0.5).toFloat().equal(ts).toFloat().mean().dataSync()[0]!;
  });
}


export interface LogisticTrainingOptions {
  /** α > 0. */
  learningRate: number;
  /** Number of passes over the data (each one gradient step on the whole batch). */
  epochs: number;
  /** Start here instead of zeros (not disposed). */
  initial?: LogisticParameters;
  /** Held-out data, evaluated (not trained on) after each epoch: `val_loss`, `val_acc`. */
  validation?: { x: Matrix; t: Targets };
  /** Called after each epoch (numbered from 1), e.g. `(epoch, logs) => monitor.update(epoch, logs)`. */
  onEpoch?: (epoch: number, logs: Record<string, number>) => void;
}

export interface LogisticTrainingResult {
  params: LogisticParameters;
  history: HistoryRecord;
}

/**
 * Trains logistic regression by batch gradient descent, with the hand-written gradient.
 * Records `loss` and `acc` (after each step) and, with validation data, `val_loss`
 * and `val_acc`.
 *
 * @example
 * const { params, history } = trainLogisticRegression(xTrain, tTrain, { learningRate: 0.5, epochs: 200 });
 * @throws {TrainingInputError} For bad shapes, NaN, targets outside [0, 1], empty data,
 *   α ≤ 0 or a number of epochs that is not a positive integer.
 */
export function trainLogisticRegression(x: Matrix, t: Targets, options: LogisticTrainingOptions): LogisticTrainingResult {
  const data = prepareTrainingData(x, t, options);
  const { x: xs, t: ts, validation } = data;
  let params: LogisticParameters | undefined;
  try {
    if (options.initial) checkParameters(xs, options.initial);
    params = options.initial
      ? { w: options.initial.w.clone(), b: options.initial.b.clone() }
      : zeroLogisticParameters(xs.shape[1]);
    const history: HistoryRecord = { epoch: [], logs: {} };
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const gradients = unsafeLogisticGradients(xs, ts, params);
      const next = gradientDescentStep(params, gradients, options.learningRate);
      tf.dispose([params.w, params.b, gradients.dw, gradients.db]);
      params = next;
      const current = next;
      recordEpoch(history, epoch, { x: xs, t: ts }, validation, (inputs, targets) => {
        const y = logisticForward(inputs, current);
        return { loss: binaryCrossEntropy(y, targets), y };
      }, options.onEpoch);
    }
    const result = { params, history };
    params = undefined; // handed to the caller
    return result;
  } finally {
    disposeTrainingData(data);
    if (params) tf.dispose([params.w, params.b]); // only when an error (e.g. in onEpoch) interrupted training
  }
}
