import { InvalidPcaInputError } from "./pca-errors";

/** Eigenvalues (largest first) and unit eigenvectors (one per row, same order) of a symmetric matrix. */
export interface Eigendecomposition {
  values: number[];
  vectors: number[][];
}

/**
 * Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method, in double
 * precision (TensorFlow.js has no `eig`/`svd`). Fine for the few hundred dimensions of
 * the course's examples.
 *
 * @throws {InvalidPcaInputError} When the matrix is not square, not finite or not symmetric.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): Eigendecomposition {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== n) {
      throw new InvalidPcaInputError(`symmetricEigen: esperava uma matriz quadrada ${n}×${n}; a linha ${i} tem ${row.length} elementos.`);
    }
    return Float64Array.from(row);
  });
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = (a[i] as Float64Array)[j] as number;
      if (!Number.isFinite(v)) throw new InvalidPcaInputError(`symmetricEigen: a matriz tem um valor não finito (${v}) em [${i}][${j}].`);
      scale = Math.max(scale, Math.abs(v));
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs(((a[i] as Float64Array)[j] as number) - ((a[j] as Float64Array)[i] as number));
      if (d > 1e-9 * Math.max(1, scale)) {
        throw new InvalidPcaInputError(`symmetricEigen: a matriz não é simétrica ([${i}][${j}] ≠ [${j}][${i}]). Use uma matriz de covariância ou AᵀA.`);
      }
    }
  }
  const v = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  const at = (i: number, j: number) => (a[i] as Float64Array)[j] as number;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    if (off <= 1e-22 * Math.max(1, scale * scale)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          (a[k] as Float64Array)[p] = c * akp - s * akq;
          (a[k] as Float64Array)[q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          (a[p] as Float64Array)[k] = c * apk - s * aqk;
          (a[q] as Float64Array)[k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          // Columns of V are the eigenvectors; we keep V transposed (rows = eigenvectors).
          const vp = (v[p] as Float64Array)[k] as number;
          const vq = (v[q] as Float64Array)[k] as number;
          (v[p] as Float64Array)[k] = c * vp - s * vq;
          (v[q] as Float64Array)[k] = s * vp + c * vq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(j, j) - at(i, i));
  return {
    values: order.map((i) => at(i, i)),
    vectors: order.map((i) => Array.from(v[i] as Float64Array)),
  };
}
