/**
 * Helpers for a {@link GalaxyImageSet}: tensors for training, a slice, one image as rows
 * for a heatmap. (A seeded split: `splitIndices` then `pickRows`, in data-preparation/.)
 */
import * as tf from "../tf";
import type { GalaxyImageSet } from "./generate-galaxy-images";
import { GalaxyImageError } from "./galaxy-image-errors";

/**
 * Checks that the pixels and labels agree with the shape.
 *
 * @throws {GalaxyImageError} For an inconsistent set, naming `caller`.
 */
export function checkGalaxyImageSet(set: GalaxyImageSet, caller: string): void {
  const [n, h, w, c] = set.shape;
  if (set.pixels.length !== n * h * w * c || set.labels.length !== n) {
    throw new GalaxyImageError(
      `${caller}: o conjunto está inconsistente: shape [${set.shape.join(", ")}] pede ${n * h * w * c} pixels e ${n} rótulos; ` +
        `recebi ${set.pixels.length} pixels e ${set.labels.length} rótulos. Use o objeto devolvido por generateGalaxyImages ou readShippedGalaxyImages.`,
    );
  }
}

/**
 * The images as tensors: `x` of shape [n, h, w, 1] (float32) and `y` one-hot of shape
 * [n, classes]. The caller owns both and must dispose them (`tf.dispose([x, y])`).
 */
export function galaxyImagesToTensors(set: GalaxyImageSet): { x: tf.Tensor4D; y: tf.Tensor2D } {
  checkGalaxyImageSet(set, "galaxyImagesToTensors");
  const x = tf.tensor4d(set.pixels, set.shape, "float32");
  // tidy frees the int32 labels tensor that oneHot reads.
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(set.labels, "int32"), set.classNames.length).toFloat() as tf.Tensor2D);
  return { x, y };
}

/** Images `start` (included) to `end` (excluded) as a new set (copies the data). */
export function sliceGalaxyImages(set: GalaxyImageSet, start: number, end: number): GalaxyImageSet {
  checkGalaxyImageSet(set, "sliceGalaxyImages");
  const [n, h, w, c] = set.shape;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start >= end) {
    throw new GalaxyImageError(
      `sliceGalaxyImages: esperava 0 ≤ start < end ≤ ${n} (inteiros); recebi start=${start}, end=${end}.`,
    );
  }
  const per = h * w * c;
  return {
    pixels: set.pixels.slice(start * per, end * per),
    shape: [end - start, h, w, 1],
    labels: set.labels.slice(start, end),
    classNames: set.classNames,
  };
}

/** Image `index` as rows of numbers (row 0 on top), e.g. for a Plotly heatmap. */
export function galaxyImageRows(set: GalaxyImageSet, index: number): number[][] {
  checkGalaxyImageSet(set, "galaxyImageRows");
  const [n, h, w] = set.shape;
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new GalaxyImageError(`galaxyImageRows: o índice deve ser inteiro entre 0 e ${n - 1}; recebi ${index}.`);
  }
  const rows: number[][] = [];
  for (let y = 0; y < h; y++) {
    rows.push(Array.from(set.pixels.subarray((index * h + y) * w, (index * h + y + 1) * w)));
  }
  return rows;
}
