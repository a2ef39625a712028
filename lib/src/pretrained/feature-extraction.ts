/**
 * Transfer learning in two pieces: a frozen convolutional base turns images into features,
 * and a small dense head, trained on those features, classifies them.
 */
import * as tf from "../tf";
import { PretrainedModelError } from "./pretrained-errors";

export interface FeatureExtractionOptions {
  /** Images per call of the base; default 32. Smaller uses less memory. */
  batchSize?: number;
}

/**
 * Runs `base` over `images` in batches and returns its output for all of them: for VGG16
 * at 224×224, shape [n, 7, 7, 512]; for the course's base at 28×28, [n, 3, 3, 64]. The
 * base is only read (inference), never trained here. The caller owns the result.
 *
 * @param base A model whose input takes `images` (e.g. `buildVgg16()`, `loadCoursePretrainedBase()`).
 * @param images [n, height, width, channels], matching the base's input shape.
 * @throws {PretrainedModelError} When the images do not fit the base's input.
 */
export function extractFeatures(base: tf.LayersModel, images: tf.Tensor4D, options: FeatureExtractionOptions = {}): tf.Tensor {
  const batchSize = options.batchSize ?? 32;
  const expected = base.inputs[0]?.shape ?? [];
  const fits = images.rank === 4 && expected.length === 4 && expected.slice(1).every((size, i) => size === null || size === images.shape[i + 1]);
  if (!fits) {
    throw new PretrainedModelError(
      `extractFeatures: a base "${base.name}" espera imagens de forma [n, ${expected.slice(1).join(", ")}]; ` +
        `recebi [${images.shape.join(", ")}]. Gere as imagens nesse tamanho ou construa a base com outro inputShape.`,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PretrainedModelError(`extractFeatures: batchSize deve ser um inteiro ≥ 1; recebi ${String(batchSize)}.`);
  }
  const parts: tf.Tensor[] = [];
  for (let start = 0; start < images.shape[0]; start += batchSize) {
    const size = Math.min(batchSize, images.shape[0] - start);
    // tidy frees the slice and the base's intermediate activations; only the output survives.
    parts.push(tf.tidy(() => base.predict(images.slice([start, 0, 0, 0], [size, -1, -1, -1])) as tf.Tensor));
  }
  if (parts.length === 1) return parts[0] as tf.Tensor;
  const all = tf.concat(parts, 0);
  tf.dispose(parts);
  return all;
}

export interface DenseHeadOptions {
  /** Shape of one feature sample, e.g. [3, 3, 64] or [512]. */
  inputShape: number[];
  /** Number of classes (softmax outputs); default 2. */
  classes?: number;
  /** Units of the hidden ReLU layer; default 32. */
  hiddenUnits?: number;
  /** Dropout rate before the output; default 0.3 (0 = none). */
  dropout?: number;
  /** Seed of the initial weights; default 0 (dropout masks follow setRandomSeed). */
  seed?: number;
}

/**
 * A small dense classifier for features: flatten (for feature maps) → dense (ReLU) → dropout →
 * dense (softmax).
 * Compile it yourself (e.g. `adam`, `categoricalCrossentropy`).
 *
 * @throws {PretrainedModelError} For a bad shape, class count or dropout rate.
 */
export function buildDenseHead(options: DenseHeadOptions): tf.Sequential {
  const { inputShape, classes = 2, hiddenUnits = 32, dropout = 0.3, seed = 0 } = options;
  if (!Array.isArray(inputShape) || inputShape.length === 0 || !inputShape.every((size) => Number.isInteger(size) && size > 0)) {
    throw new PretrainedModelError(`buildDenseHead: inputShape deve ser uma lista de inteiros positivos, ex. [3, 3, 64]; recebi ${JSON.stringify(inputShape)}.`);
  }
  if (!Number.isInteger(classes) || classes < 2 || !Number.isInteger(hiddenUnits) || hiddenUnits < 1) {
    throw new PretrainedModelError(`buildDenseHead: classes (≥ 2) e hiddenUnits (≥ 1) devem ser inteiros; recebi classes=${classes}, hiddenUnits=${hiddenUnits}.`);
  }
  if (!(dropout >= 0 && dropout < 1)) {
    throw new PretrainedModelError(`buildDenseHead: dropout deve estar em [0, 1); recebi ${dropout}.`);
  }
  const head = tf.sequential({ name: "cabeca_densa" });
  const kernelInitializer = tf.initializers.glorotUniform({ seed });
  if (inputShape.length > 1) {
    head.add(tf.layers.flatten({ inputShape, name: "head_flatten" }));
    head.add(tf.layers.dense({ units: hiddenUnits, activation: "relu", name: "head_dense", kernelInitializer }));
  } else {
    head.add(tf.layers.dense({ inputShape, units: hiddenUnits, activation: "relu", name: "head_dense", kernelInitializer }));
  }
  // No seed on the dropout layer: tfjs would draw the same mask at every step. The masks
  // repeat from run to run through setRandomSeed (lib/src/random/set-random-seed.ts).
  if (dropout > 0) head.add(tf.layers.dropout({ rate: dropout, name: "head_dropout" }));
  head.add(tf.layers.dense({ units: classes, activation: "softmax", name: "head_output", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  return head;
}

/**
 * Images per second that `base` turns into features, in batches of `batchSize` random
 * images (after one warm-up call, which includes one-off set-up costs).
 *
 * @param repeats Timed calls; default 3.
 */
export function measureFeatureThroughput(base: tf.LayersModel, batchSize: number, repeats = 3): number {
  const shape = (base.inputs[0]?.shape ?? []).slice(1);
  if (!shape.every((size): size is number => typeof size === "number")) {
    throw new PretrainedModelError(`measureFeatureThroughput: a base precisa de uma entrada de tamanho fixo; tem [${shape.join(", ")}].`);
  }
  if (!Number.isInteger(repeats) || repeats < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new PretrainedModelError(`measureFeatureThroughput: batchSize e repeats devem ser inteiros ≥ 1; recebi ${batchSize} e ${repeats}.`);
  }
  const images = tf.randomUniform([batchSize, ...shape], 0, 1, "float32", 0);
  try {
    // dataSync waits for the result; tidy frees each output.
    tf.tidy(() => (base.predict(images) as tf.Tensor).dataSync());
    const start = performance.now();
    for (let i = 0; i < repeats; i++) tf.tidy(() => (base.predict(images) as tf.Tensor).dataSync());
    return (batchSize * repeats) / ((performance.now() - start) / 1000);
  } finally {
    images.dispose();
  }
}
