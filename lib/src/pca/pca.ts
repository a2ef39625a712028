import * as tf from "../tf";
import { InvalidPcaInputError } from "./pca-errors";
import { symmetricEigen } from "./symmetric-eigen";

/**
 * Principal component analysis: the directions along which the data vary most.
 * The lecture's point: an autoencoder with linear activations learns the same latent
 * space as PCA (Goodfellow, Bengio & Courville, *Deep Learning*, §14.1).
 */
export interface PcaResult {
  /** The mean of each feature, subtracted before projecting. */
  mean: number[];
  /** The principal directions, one unit vector per row, largest variance first. */
  components: number[][];
  /** The variance of the data along each component. */
  explainedVariance: number[];
  /** The fraction of the total variance along each component. */
  explainedVarianceRatio: number[];
}

function rowsOf(data: tf.Tensor2D | readonly (readonly number[])[], what: string): number[][] {
  if (data instanceof tf.Tensor) {
    if (data.rank !== 2) {
      throw new InvalidPcaInputError(`${what}: esperava uma matriz [exemplos, atributos]; chegou um tensor de forma [${data.shape.join(", ")}]. Achate as imagens com reshape([n, -1]).`);
    }
    return data.arraySync() as number[][];
  }
  return data.map((row) => [...row]);
}

/**
 * Computes the first `components` principal components of `data` (rows = examples) by
 * eigendecomposition of its covariance matrix, in double precision.
 *
 * @throws {InvalidPcaInputError} For fewer than 2 examples, ragged rows, non-finite values or
 *   a number of components outside 1…atributos.
 */
export function pca(data: tf.Tensor2D | readonly (readonly number[])[], components: number): PcaResult {
  const rows = rowsOf(data, "pca");
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n < 2 || d === 0) {
    throw new InvalidPcaInputError(`pca: são precisos ao menos 2 exemplos com 1 atributo; chegaram ${n} exemplos com ${d} atributos.`);
  }
  if (!Number.isInteger(components) || components < 1 || components > d) {
    throw new InvalidPcaInputError(`pca: o número de componentes deve ser um inteiro entre 1 e ${d} (o número de atributos); chegou ${components}.`);
  }
  const mean = new Float64Array(d);
  rows.forEach((row, i) => {
    if (row.length !== d) throw new InvalidPcaInputError(`pca: o exemplo ${i} tem ${row.length} atributos, o primeiro tem ${d}.`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new InvalidPcaInputError(`pca: valor não finito (${v}) no exemplo ${i}, atributo ${j}. Remova ou substitua valores ausentes.`);
      mean[j] = (mean[j] as number) + v / n;
    });
  });
  const covariance = Array.from({ length: d }, () => new Float64Array(d));
  const centred = new Float64Array(d);
  for (const row of rows) {
    for (let j = 0; j < d; j++) centred[j] = (row[j] as number) - (mean[j] as number);
    for (let i = 0; i < d; i++) {
      const ci = centred[i] as number;
      if (ci === 0) continue;
      const target = covariance[i] as Float64Array;
      for (let j = i; j < d; j++) target[j] = (target[j] as number) + ci * (centred[j] as number);
    }
  }
  const matrix = covariance.map((row, i) => Array.from(row, (_, j) => ((j >= i ? row[j] : (covariance[j] as Float64Array)[i]) as number) / (n - 1)));
  const { values, vectors } = symmetricEigen(matrix);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const kept = values.slice(0, components).map((v) => Math.max(0, v));
  return {
    mean: Array.from(mean),
    components: vectors.slice(0, components),
    explainedVariance: kept,
    explainedVarianceRatio: kept.map((v) => (total > 0 ? v / total : 0)),
  };
}

/** Projects `data` (rows = examples) onto the principal components: the PCA "code" of each example. */
export function pcaTransform(result: PcaResult, data: tf.Tensor2D): tf.Tensor2D {
  if (data.rank !== 2 || data.shape[1] !== result.mean.length) {
    throw new InvalidPcaInputError(`pcaTransform: esperava uma matriz [n, ${result.mean.length}]; chegou [${data.shape.join(", ")}].`);
  }
  return tf.tidy(() => data.sub(tf.tensor1d(result.mean)).matMul(tf.tensor2d(result.components), false, true) as tf.Tensor2D);
}
