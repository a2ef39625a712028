/**
 * The course's own pretrained convolutional base: three small VGG-style blocks
 * (3×3 convolution + ReLU, 2×2 max-pooling) pretrained by `tools/pretrain-course-base.ts`
 * on a source task — counting the arms of 3,000 simulated spiral galaxies of 64×64 pixels —
 * and shipped in `datasets/` as a Keras HDF5 weights file. It stands in for VGG16 where the
 * ImageNet weights cannot be downloaded, so transfer learning runs everywhere.
 */
import * as tf from "../tf";
import { datasetPath } from "../datasets/manifest";
import { loadKerasWeights } from "./keras-weights";
import { PretrainedModelError } from "./pretrained-errors";

/** The shipped weights file (entry of `datasets/manifest.json`). */
export const COURSE_BASE_WEIGHTS_FILE = "base_convolucional_galaxias.h5";

/** Filters of the three blocks. */
const COURSE_BASE_FILTERS: readonly number[] = Object.freeze([16, 32, 64]);

export interface CourseBaseOptions {
  /** [height, width, channels]; default [64, 64, 1] (the source task's galaxies). Height and width ≥ 8. */
  inputShape?: [number, number, number];
  /** Seed of the random initial weights; default 0. */
  seed?: number;
}

/**
 * Builds the course's convolutional base with random weights: `block1_conv1`,
 * `block1_pool`, `block2_conv1`, `block2_pool`, `block3_conv1`, `block3_pool`. Output
 * [batch, ⌊⌊⌊h/2⌋/2⌋/2⌋, …, 64]: [batch, 8, 8, 64] for 64×64 images.
 *
 * @throws {PretrainedModelError} For an input smaller than 8×8 or a bad shape.
 */
export function buildCourseBase(options: CourseBaseOptions = {}): tf.LayersModel {
  const inputShape = options.inputShape ?? [64, 64, 1];
  if (inputShape.length !== 3 || !inputShape.every((size) => Number.isInteger(size) && size > 0) || inputShape[0] < 8 || inputShape[1] < 8) {
    throw new PretrainedModelError(
      `buildCourseBase: inputShape deve ser [altura, largura, canais] com altura e largura ≥ 8 (três poolings dividem por 8); ` +
        `recebi ${JSON.stringify(inputShape)}. Exemplo: [64, 64, 1].`,
    );
  }
  const seed = options.seed ?? 0;
  const input = tf.input({ shape: inputShape, name: "input_1" });
  let x: tf.SymbolicTensor = input;
  COURSE_BASE_FILTERS.forEach((filters, index) => {
    const block = `block${index + 1}`;
    x = tf.layers
      .conv2d({
        name: `${block}_conv1`,
        filters,
        kernelSize: 3,
        padding: "same",
        activation: "relu",
        kernelInitializer: tf.initializers.heUniform({ seed: seed + index }),
      })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers.maxPooling2d({ name: `${block}_pool`, poolSize: 2, strides: 2 }).apply(x) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs: x, name: "base_do_curso" });
}

export interface LoadCourseBaseOptions {
  /** [height, width, 1]; default [64, 64, 1]. The weights fit any size ≥ 8×8 with one channel (best near 64×64, the source task's scale). */
  inputShape?: [number, number, number];
  /** Leave the base trainable (for fine-tuning); default false (frozen). */
  trainable?: boolean;
  /** Another copy of the weights file (default: the shipped one, checked against the manifest). */
  weightsPath?: string;
}

/**
 * The course's base with its pretrained weights, **frozen** by default
 * (`trainable = false`), ready to extract features or to sit under a new dense head.
 *
 * @throws {DatasetError} When the shipped weights file is missing or altered.
 * @throws {WeightsFileError} When a given weights file does not fit.
 */
export async function loadCoursePretrainedBase(options: LoadCourseBaseOptions = {}): Promise<tf.LayersModel> {
  const base = buildCourseBase({ inputShape: options.inputShape ?? [64, 64, 1] });
  try {
    await loadKerasWeights(base, options.weightsPath ?? datasetPath(COURSE_BASE_WEIGHTS_FILE));
  } catch (error) {
    base.dispose();
    throw error;
  }
  base.trainable = options.trainable ?? false;
  return base;
}
