import * as tf from "../tf";
import { DataPreparationError } from "./data-preparation-error";

/** How {@link fitScaler} normalizes each feature. */
export type ScalingMethod = "zscore" | "minmax" | "none";

/** A table of numbers, one row per example and one column per feature. */
export type Rows = readonly (readonly number[])[];

/**
 * A per-feature normalization learned on the training set and applied, unchanged, to any
 * other set: `(x - shift) / scale`. Chollet (*Deep Learning with R*, §3.6.2): compute the
 * statistics on the training data only, never on validation or test data.
 */
export interface Scaler {
  method: ScalingMethod;
  /** Subtracted from each feature: the mean (z-score), the minimum (0–1) or 0. */
  shift: number[];
  /** Each feature is divided by it: the (population) standard deviation, max − min, or 1. */
  scale: number[];
  /** `(x - shift) / scale` as a new tensor (the input is left alone). */
  transform(x: tf.Tensor2D): tf.Tensor2D;
  /** `(x - shift) / scale` as new rows of numbers (computed in double precision). */
  transform(rows: Rows): number[][];
}

const METHODS: readonly ScalingMethod[] = ["zscore", "minmax", "none"];

function checkRows(rows: Rows, columns: number, what: string): void {
  rows.forEach((row, index) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new DataPreparationError(
        `A linha ${index} de ${what} tem ${Array.isArray(row) ? row.length : "?"} colunas; esperava ${columns} (uma por atributo, como no ajuste).`,
      );
    }
    if (!row.every(Number.isFinite)) {
      throw new DataPreparationError(
        `A linha ${index} de ${what} tem um valor não finito (NaN ou infinito): [${row.join(", ")}]. Remova ou corrija esse objeto.`,
      );
    }
  });
}

function isRows(data: tf.Tensor2D | Rows): data is Rows {
  return Array.isArray(data);
}

/** The training data as rows of numbers, checked: at least one row and one column, all finite. */
function trainingRows(data: tf.Tensor2D | Rows): number[][] {
  if (isRows(data)) {
    const columns = data[0]?.length ?? 0;
    if (columns === 0) {
      throw new DataPreparationError("fitScaler: não há dados para ajustar: esperava ao menos uma linha com uma coluna [exemplos, atributos]; chegou uma lista vazia.");
    }
    checkRows(data, columns, "dados de treino");
    return data.map((row) => [...row]);
  }
  if (data?.rank !== 2 || data.shape[0] < 1 || data.shape[1] < 1) {
    throw new DataPreparationError(
      `fitScaler: esperava uma matriz [exemplos, atributos] com ao menos um exemplo; chegou a forma [${data?.shape?.join(", ") ?? typeof data}].`,
    );
  }
  const rows = data.arraySync();
  checkRows(rows, data.shape[1], "dados de treino");
  return rows;
}

/**
 * Learns a normalization from training data `[exemplos, atributos]`, given as a 2-D tensor or
 * as rows of numbers; its `transform` then accepts either form and returns the same form. The
 * statistics are computed in double precision; a constant feature keeps scale 1 (it is only
 * shifted).
 *
 * @param method `"zscore"` (default): mean 0 and standard deviation 1; `"minmax"`: between 0
 *   and 1; `"none"`: unchanged (for comparison).
 * @throws {DataPreparationError} For no data, ragged rows, non-finite values, a tensor that is
 *   not 2-D, or an unknown method.
 */
export function fitScaler(data: tf.Tensor2D | Rows, method: ScalingMethod = "zscore"): Scaler {
  if (!METHODS.includes(method)) {
    throw new DataPreparationError(`fitScaler: método desconhecido "${String(method)}"; use "zscore", "minmax" ou "none".`);
  }
  const rows = trainingRows(data);
  const features = rows[0]!.length;
  const column = (c: number): number[] => rows.map((row) => row[c]!);
  const statistics = Array.from({ length: features }, (_, c): [number, number] => {
    const values = column(c);
    if (method === "none") return [0, 1];
    if (method === "minmax") {
      const min = Math.min(...values);
      return [min, Math.max(...values) - min];
    }
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    return [mean, Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length)];
  });
  const shift = statistics.map(([s]) => s);
  // A constant feature would divide by zero: leave its scale at 1.
  const scale = statistics.map(([, s]) => (s > 0 && Number.isFinite(s) ? s : 1));

  function transform(x: tf.Tensor2D): tf.Tensor2D;
  function transform(rows: Rows): number[][];
  function transform(input: tf.Tensor2D | Rows): tf.Tensor2D | number[][] {
    if (isRows(input)) {
      checkRows(input, features, "dados a transformar");
      return input.map((row) => row.map((value, c) => (value - shift[c]!) / scale[c]!));
    }
    if (input?.rank !== 2 || input.shape[1] !== features) {
      throw new DataPreparationError(
        `Scaler.transform: esperava [n, ${features}] (como no ajuste); chegou [${input?.shape?.join(", ") ?? typeof input}].`,
      );
    }
    return tf.tidy(() => input.sub(tf.tensor1d(shift)).div(tf.tensor1d(scale)) as tf.Tensor2D);
  }
  return { method, shift, scale, transform };
}
