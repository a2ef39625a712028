/**
 * Checks of the inputs of the hand-written training functions, shared by logistic
 * regression and the two-layer MLP. Each check says, in Portuguese, what was expected,
 * what arrived and what to do.
 */
import * as tf from "../tf";
import { TrainingInputError } from "./training-errors";

/** A matrix of inputs, one row per object: a tensor or nested arrays. */
export type Matrix = tf.Tensor2D | number[][];
/** One target per object (0 or 1): a tensor or an array. */
export type Targets = tf.Tensor1D | number[];

/** A 2-D float tensor from `x` (a new tensor the caller disposes; a tensor input is cloned). */
export function toMatrix(x: Matrix, name: string): tf.Tensor2D {
  if (x instanceof tf.Tensor) {
    if (x.rank !== 2) {
      throw new TrainingInputError(`${name} deve ser uma matriz (tensor 2-D, [objetos, atributos]); recebi forma [${x.shape.join(", ")}].`);
    }
    return x.toFloat() as tf.Tensor2D;
  }
  if (!Array.isArray(x) || x.length === 0 || !Array.isArray(x[0])) {
    throw new TrainingInputError(`${name} deve ser uma lista não vazia de linhas (number[][]); recebi ${describe(x)}.`);
  }
  const columns = x[0].length;
  x.forEach((row, index) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new TrainingInputError(`A linha ${index} de ${name} tem ${Array.isArray(row) ? row.length : "?"} colunas; a primeira tem ${columns}.`);
    }
  });
  return tf.tensor2d(x, [x.length, columns], "float32");
}

/** A 1-D float tensor from `t` (a new tensor the caller disposes). */
export function toVector(t: Targets, name: string): tf.Tensor1D {
  if (t instanceof tf.Tensor) {
    if (t.rank !== 1) {
      throw new TrainingInputError(`${name} deve ser um vetor (tensor 1-D); recebi forma [${t.shape.join(", ")}].`);
    }
    return t.toFloat() as tf.Tensor1D;
  }
  if (!Array.isArray(t)) throw new TrainingInputError(`${name} deve ser uma lista de números; recebi ${describe(t)}.`);
  return tf.tensor1d(t, "float32");
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `uma lista de ${value.length} elementos`;
  return value === null ? "null" : typeof value;
}

/**
 * Checks a data set for training: at least one object and one attribute, as many targets
 * as objects, targets in [0, 1], no NaN or infinity.
 */
export function checkTrainingData(x: tf.Tensor2D, t: tf.Tensor1D, names = { x: "x", t: "t" }): void {
  const [objects, attributes] = x.shape;
  if (objects === 0 || attributes === 0) {
    throw new TrainingInputError(`Não há dados para treinar: ${names.x} tem forma [${x.shape.join(", ")}]; esperava ao menos 1 objeto e 1 atributo.`);
  }
  if (t.shape[0] !== objects) {
    throw new TrainingInputError(
      `${names.x} tem ${objects} objetos mas ${names.t} tem ${t.shape[0]} alvos: esperava um alvo (0 ou 1) por objeto.`,
    );
  }
  const xValues = x.dataSync();
  const bad = xValues.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new TrainingInputError(
      `${names.x} tem um valor não finito (${xValues[bad]}) no objeto ${Math.floor(bad / attributes)}, atributo ${bad % attributes}. ` +
        "Remova esses objetos ou substitua os valores antes de treinar.",
    );
  }
  const tValues = t.dataSync();
  const badTarget = tValues.findIndex((value) => !(value >= 0 && value <= 1));
  if (badTarget >= 0) {
    throw new TrainingInputError(
      `Os alvos ${names.t} devem estar entre 0 e 1 (0 = estrela, 1 = galáxia); o alvo ${badTarget} é ${tValues[badTarget]}.`,
    );
  }
}

/** Checks that the learning rate α is a finite number > 0. */
export function checkLearningRate(learningRate: number): void {
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new TrainingInputError(
      `O coeficiente de aprendizado α deve ser um número positivo (ex.: 0.1); recebi ${learningRate}. ` +
        "Com α ≤ 0 a descida do gradiente não desce.",
    );
  }
}

/** Checks that a number of epochs is a positive integer. */
function checkEpochs(epochs: number): void {
  if (!(Number.isInteger(epochs) && epochs >= 1)) {
    throw new TrainingInputError(`O número de épocas deve ser um inteiro ≥ 1; recebi ${epochs}.`);
  }
}

/** The tensors a hand-written training loop works on; {@link disposeTrainingData} frees them. */
export interface TrainingData {
  x: tf.Tensor2D;
  t: tf.Tensor1D;
  validation?: { x: tf.Tensor2D; t: tf.Tensor1D };
}

/**
 * Checks α and the number of epochs, converts the training set (and the validation set, if
 * any) to tensors and checks them; shared by trainLogisticRegression and trainTwoLayerMlp.
 * On a bad input it throws a TrainingInputError and leaves no tensor behind.
 */
export function prepareTrainingData(
  x: Matrix,
  t: Targets,
  options: { learningRate: number; epochs: number; validation?: { x: Matrix; t: Targets } },
): TrainingData {
  checkLearningRate(options.learningRate);
  checkEpochs(options.epochs);
  const data: TrainingData = { x: toMatrix(x, "x"), t: toVector(t, "t") };
  try {
    if (options.validation) {
      data.validation = { x: toMatrix(options.validation.x, "validation.x"), t: toVector(options.validation.t, "validation.t") };
    }
    checkTrainingData(data.x, data.t);
    if (data.validation) {
      checkTrainingData(data.validation.x, data.validation.t, { x: "validation.x", t: "validation.t" });
      if (data.validation.x.shape[1] !== data.x.shape[1]) {
        throw new TrainingInputError(`validation.x tem ${data.validation.x.shape[1]} atributos; x tem ${data.x.shape[1]}.`);
      }
    }
    return data;
  } catch (error) {
    disposeTrainingData(data);
    throw error;
  }
}

/** Frees what {@link prepareTrainingData} made. */
export function disposeTrainingData(data: TrainingData): void {
  tf.dispose([data.x, data.t]);
  if (data.validation) tf.dispose([data.validation.x, data.validation.t]);
}
