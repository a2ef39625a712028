import * as tf from "../tf";
import { InvalidPcaInputError } from "./pca-errors";
import type { PcaResult } from "./pca";
import { symmetricEigen } from "./symmetric-eigen";

/** Orthonormal rows spanning the same subspace as the rows of `rows` (Gram–Schmidt, twice for accuracy). */
function orthonormalRows(rows: number[][], what: string): number[][] {
  const basis: number[][] = [];
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
  rows.forEach((row, index) => {
    const v = [...row];
    const norm0 = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const p = dot(v, b);
        for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - p * (b[i] as number);
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (!(norm > 1e-10 * Math.max(1, norm0))) {
      throw new InvalidPcaInputError(`${what}: o vetor ${index} é combinação linear dos anteriores; os vetores não geram um subespaço de dimensão ${rows.length}.`);
    }
    basis.push(v.map((x) => x / norm));
  });
  return basis;
}

function matrixRows(m: tf.Tensor2D | readonly (readonly number[])[], what: string): number[][] {
  if (m instanceof tf.Tensor) {
    if (m.rank !== 2) throw new InvalidPcaInputError(`${what}: esperava uma matriz; chegou um tensor de forma [${m.shape.join(", ")}].`);
    return m.arraySync() as number[][];
  }
  return m.map((row) => [...row]);
}

/**
 * The principal angles, in degrees and smallest first, between the subspace spanned by the
 * rows of `a` and the one spanned by the rows of `b` (Björck & Golub 1973): 0° when the
 * subspaces share a direction, 90° when a direction of one is orthogonal to the other.
 * Two subspaces are the same when all angles are 0°.
 *
 * @throws {InvalidPcaInputError} When the rows have different lengths or are linearly dependent.
 */
export function principalAngles(a: tf.Tensor2D | readonly (readonly number[])[], b: tf.Tensor2D | readonly (readonly number[])[]): number[] {
  const ra = matrixRows(a, "principalAngles");
  const rb = matrixRows(b, "principalAngles");
  const da = ra[0]?.length ?? 0;
  const db = rb[0]?.length ?? 0;
  if (ra.length === 0 || rb.length === 0 || da !== db || ra.some((r) => r.length !== da) || rb.some((r) => r.length !== db)) {
    throw new InvalidPcaInputError(`principalAngles: esperava duas listas de vetores (linhas) de mesma dimensão; chegaram ${ra.length} vetores de dimensão ${da} e ${rb.length} de dimensão ${db}.`);
  }
  const qa = orthonormalRows(ra, "principalAngles");
  const qb = orthonormalRows(rb, "principalAngles");
  // Singular values of Qa·Qbᵀ are the cosines of the principal angles: eigenvalues of M·Mᵀ.
  const m = qa.map((x) => qb.map((y) => x.reduce((s, v, i) => s + v * (y[i] as number), 0)));
  const mmt = m.map((x) => m.map((y) => x.reduce((s, v, i) => s + v * (y[i] as number), 0)));
  const count = Math.min(qa.length, qb.length);
  const cosines = symmetricEigen(mmt).values.slice(0, count).map((v) => Math.sqrt(Math.min(1, Math.max(0, v))));
  return cosines.map((c) => (Math.acos(c) * 180) / Math.PI);
}

/** How close a linear autoencoder's latent space is to PCA's. */
export interface SubspaceComparison {
  /** Principal angles between the two subspaces, in degrees, smallest first. */
  anglesDegrees: number[];
  /** The largest angle: the worst-aligned direction. */
  largestAngleDegrees: number;
  /** Whether every angle is below the tolerance. */
  agree: boolean;
}

/**
 * Compares the subspace a linear autoencoder reconstructs into with the PCA subspace of
 * the same dimension. A Keras dense decoder computes `code · W + b` with `W` of shape
 * `[código, atributos]`, so its outputs lie in the span of the rows of `W` — exactly what
 * PCA's components span when the autoencoder has converged.
 *
 * @param decoderKernel The decoder's kernel `[código, atributos]` (e.g. `decoder.getWeights()[0]`).
 * @param toleranceDegrees Largest angle still counted as agreement (default 10°).
 */
export function compareWithPca(result: PcaResult, decoderKernel: tf.Tensor2D | readonly (readonly number[])[], toleranceDegrees = 10): SubspaceComparison {
  const rows = matrixRows(decoderKernel, "compareWithPca");
  if (rows.length !== result.components.length) {
    throw new InvalidPcaInputError(`compareWithPca: o código do autoencoder tem ${rows.length} dimensões e o PCA ${result.components.length}; use pca(dados, ${rows.length}).`);
  }
  const anglesDegrees = principalAngles(rows, result.components);
  const largestAngleDegrees = Math.max(...anglesDegrees);
  return { anglesDegrees, largestAngleDegrees, agree: largestAngleDegrees <= toleranceDegrees };
}
