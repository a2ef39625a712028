import * as tf from "../tf";
import type { GalaxyImageSet } from "../galaxy-images/generate-galaxy-images";
import { checkGalaxyImageSet } from "../galaxy-images/galaxy-image-set";
import { DataPreparationError } from "./data-preparation-error";

function checkIndices(indices: readonly number[], length: number): void {
  if (!Array.isArray(indices as unknown) || indices.length === 0) {
    throw new DataPreparationError("pickRows: esperava uma lista não vazia de índices (por exemplo parts.train de splitIndices).");
  }
  const bad = indices.find((i) => !Number.isInteger(i) || i < 0 || i >= length);
  if (bad !== undefined) {
    throw new DataPreparationError(`pickRows: cada índice deve ser inteiro entre 0 e ${length - 1}; chegou ${String(bad)}.`);
  }
}

function isGalaxyImageSet(data: object): data is GalaxyImageSet {
  return "pixels" in data && "labels" in data && "classNames" in data;
}

/**
 * The rows (examples) at `indices`, in that order, in the same form as the data: the items of
 * an array, the rows (first axis) of a tensor (a new tensor, `tf.gather`), or the images and
 * labels of a galaxy image set (a new set; the pixels are copied). The one way to apply the
 * indices of `splitIndices` (data-preparation/split-indices.ts) or `balancedIndices`.
 *
 * @throws {DataPreparationError} For no indices, or an index that is not an integer inside the data.
 */
export function pickRows<T>(data: readonly T[], indices: readonly number[]): T[];
export function pickRows<R extends tf.Rank>(data: tf.Tensor<R>, indices: readonly number[]): tf.Tensor<R>;
export function pickRows(data: GalaxyImageSet, indices: readonly number[]): GalaxyImageSet;
export function pickRows<T>(data: readonly T[] | tf.Tensor | GalaxyImageSet, indices: readonly number[]): T[] | tf.Tensor | GalaxyImageSet {
  if (Array.isArray(data)) {
    checkIndices(indices, data.length);
    return indices.map((i) => data[i] as T);
  }
  if (typeof data !== "object" || data === null) {
    throw new DataPreparationError(`pickRows: esperava uma lista, um tensor ou um conjunto de imagens de galáxias; chegou ${String(data)}.`);
  }
  if (isGalaxyImageSet(data)) {
    checkGalaxyImageSet(data, "pickRows");
    const [n, h, w, c] = data.shape;
    checkIndices(indices, n);
    const per = h * w * c;
    const pixels = new Float32Array(indices.length * per);
    indices.forEach((i, k) => pixels.set(data.pixels.subarray(i * per, (i + 1) * per), k * per));
    return { pixels, shape: [indices.length, h, w, c], labels: Int32Array.from(indices, (i) => data.labels[i]!), classNames: data.classNames };
  }
  const tensor = data as tf.Tensor;
  if (tensor.rank < 1) {
    throw new DataPreparationError(`pickRows: esperava um tensor com ao menos um eixo (exemplos primeiro); chegou a forma [${tensor.shape.join(", ")}].`);
  }
  checkIndices(indices, tensor.shape[0]!);
  return tf.tidy(() => tf.gather(tensor, tf.tensor1d(indices as number[], "int32")));
}
