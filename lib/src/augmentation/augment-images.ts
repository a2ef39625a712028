import * as tf from "../tf";
import { seededRandom } from "../random/seeded-random";
import { InvalidAugmentationError } from "./augmentation-errors";

/**
 * Data augmentation of image batches: each image becomes a slightly different, equally
 * valid image of the same object (a galaxy reflected, rotated, shifted or sheared is still
 * the same kind of galaxy). Chollet, *Deep Learning with R*, §5.2.5.
 *
 * Images are `[n, altura, largura, canais]` tensors. The native TensorFlow backend has
 * no kernel for `tf.image.transform`, so the geometric transforms are computed here as a
 * table of source pixels (nearest neighbour) and applied with one `tf.gather`.
 */

/** Options of {@link augmentImages}; every transform is off unless asked for. */
export interface AugmentationOptions {
  /** Seed of the random transforms: the same seed gives the same augmented batch. */
  seed: number;
  /** Reflect each image left–right and/or top–bottom with probability 1/2 each. */
  flips?: boolean;
  /** Rotate each image by a random multiple of 90° (square images only). */
  rotations90?: boolean;
  /** Largest extra rotation, in degrees (uniform in ±this). */
  maxRotationDegrees?: number;
  /** Largest shift, as a fraction of the image size (uniform in ±this on each axis). */
  maxShift?: number;
  /** Largest horizontal shear factor (x' = x + s·y, s uniform in ±this). */
  maxShear?: number;
  /** What fills pixels that come from outside the image: the nearest edge pixel (default) or 0. */
  fill?: "nearest" | "zero";
}

function assertImageBatch(images: tf.Tensor, what: string): asserts images is tf.Tensor4D {
  if (images.rank !== 4) {
    throw new InvalidAugmentationError(
      `${what}: esperava um lote de imagens com forma [n, altura, largura, canais]; ` +
        `chegou um tensor de forma [${images.shape.join(", ")}]. Use images.reshape([n, h, w, c]) ou expandDims.`,
    );
  }
}

/** Reflects every image left–right (the last spatial axis). Applying it twice gives the batch back. */
export function flipLeftRight(images: tf.Tensor4D): tf.Tensor4D {
  assertImageBatch(images, "flipLeftRight");
  return tf.reverse(images, 2);
}

/** Reflects every image top–bottom. Applying it twice gives the batch back. */
export function flipUpDown(images: tf.Tensor4D): tf.Tensor4D {
  assertImageBatch(images, "flipUpDown");
  return tf.reverse(images, 1);
}

/**
 * Rotates every image by `quarterTurns` × 90° counter-clockwise (as seen with row 0 at the top).
 *
 * @throws {InvalidAugmentationError} When the images are not square (a rotated image would change shape)
 *   or `quarterTurns` is not an integer.
 */
export function rotate90(images: tf.Tensor4D, quarterTurns = 1): tf.Tensor4D {
  assertImageBatch(images, "rotate90");
  if (!Number.isInteger(quarterTurns)) {
    throw new InvalidAugmentationError(`rotate90: quarterTurns deve ser inteiro (1 = 90°); chegou ${quarterTurns}.`);
  }
  const [, height, width] = images.shape;
  if (height !== width) {
    throw new InvalidAugmentationError(
      `rotate90: as imagens precisam ser quadradas para girar 90° sem mudar de forma; chegaram ${height}×${width}.`,
    );
  }
  const turns = ((quarterTurns % 4) + 4) % 4;
  return tf.tidy(() => {
    let result: tf.Tensor4D = images.clone();
    // One quarter turn counter-clockwise: transpose rows and columns, then reflect top–bottom.
    for (let i = 0; i < turns; i++) result = tf.reverse(tf.transpose(result, [0, 2, 1, 3]), 1);
    return result;
  });
}

function checkNonNegative(value: number | undefined, name: string, limit: number): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0 || v > limit) {
    throw new InvalidAugmentationError(`augmentImages: ${name} deve estar entre 0 e ${limit}; chegou ${value}.`);
  }
  return v;
}

/**
 * Returns a randomly transformed copy of a batch: each image gets its own reflection,
 * rotation, shift and shear, drawn from `options` with its seed. Shape and dtype are
 * preserved; the input is not changed (dispose it yourself when done).
 *
 * @example
 * const augmented = augmentImages(images, { seed: epoch, flips: true, rotations90: true, maxShift: 0.1 });
 * @throws {InvalidAugmentationError} For a tensor that is not `[n, h, w, c]`, non-square images with
 *   `rotations90`, or out-of-range limits.
 */
export function augmentImages(images: tf.Tensor4D, options: AugmentationOptions): tf.Tensor4D {
  assertImageBatch(images, "augmentImages");
  if (!Number.isFinite(options.seed)) {
    throw new InvalidAugmentationError(`augmentImages: seed deve ser um número; chegou ${options.seed}.`);
  }
  const maxRotation = (checkNonNegative(options.maxRotationDegrees, "maxRotationDegrees", 180) * Math.PI) / 180;
  const maxShift = checkNonNegative(options.maxShift, "maxShift", 0.5);
  const maxShear = checkNonNegative(options.maxShear, "maxShear", 1);
  const [count, height, width, channels] = images.shape;
  if (options.rotations90 && height !== width) {
    throw new InvalidAugmentationError(
      `augmentImages: rotations90 exige imagens quadradas; chegaram ${height}×${width}. Desligue rotations90 ou recorte as imagens.`,
    );
  }
  const random = seededRandom(options.seed);
  const pixels = height * width;
  const outside = count * pixels; // index of the zero row appended below
  const sources = new Int32Array(count * pixels);
  const cy = (height - 1) / 2;
  const cx = (width - 1) / 2;
  for (let n = 0; n < count; n++) {
    const flipX = options.flips && random.uniform() < 0.5 ? -1 : 1;
    const flipY = options.flips && random.uniform() < 0.5 ? -1 : 1;
    const angle = (options.rotations90 ? (random.integer(4) * Math.PI) / 2 : 0) + random.between(-maxRotation, maxRotation);
    const shear = random.between(-maxShear, maxShear);
    const shiftX = random.between(-maxShift, maxShift) * width;
    const shiftY = random.between(-maxShift, maxShift) * height;
    // Forward map (output = M·input + shift), M = rotation · shear · reflection; we need its inverse.
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const m00 = (cos * 1 + -sin * 0) * flipX;
    const m01 = (cos * shear + -sin * 1) * flipY;
    const m10 = (sin * 1 + cos * 0) * flipX;
    const m11 = (sin * shear + cos * 1) * flipY;
    const det = m00 * m11 - m01 * m10;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const dx = x - cx - shiftX;
        const dy = y - cy - shiftY;
        let sx = Math.round((m11 * dx - m01 * dy) / det + cx);
        let sy = Math.round((-m10 * dx + m00 * dy) / det + cy);
        let index: number;
        if (sx >= 0 && sx < width && sy >= 0 && sy < height) {
          index = n * pixels + sy * width + sx;
        } else if (options.fill === "zero") {
          index = outside;
        } else {
          sx = Math.min(width - 1, Math.max(0, sx));
          sy = Math.min(height - 1, Math.max(0, sy));
          index = n * pixels + sy * width + sx;
        }
        sources[n * pixels + y * width + x] = index;
      }
    }
  }
  return tf.tidy(() => {
    const flat = images.reshape([count * pixels, channels]);
    const padded = tf.concat([flat, tf.zeros([1, channels], images.dtype)], 0);
    const gathered = tf.gather(padded, tf.tensor1d(sources, "int32"));
    return gathered.reshape([count, height, width, channels]) as tf.Tensor4D;
  });
}
