/**
 * VGG16 (Simonyan & Zisserman, "Very Deep Convolutional Networks for Large-Scale Image
 * Recognition", ILSVRC 2014) without its dense top: five blocks of 3×3 convolutions
 * (ReLU, "same" padding) each closed by a 2×2 max-pooling, with the layer names of Keras
 * (`block1_conv1` … `block5_pool`) so that Keras' ImageNet weights load by name.
 */
import * as tf from "../tf";
import { PretrainedModelError } from "./pretrained-errors";

/** The five blocks of VGG16: how many convolutions and how many filters each. */
export const VGG16_BLOCKS: readonly { readonly convolutions: number; readonly filters: number }[] = Object.freeze([
  { convolutions: 2, filters: 64 },
  { convolutions: 2, filters: 128 },
  { convolutions: 3, filters: 256 },
  { convolutions: 3, filters: 512 },
  { convolutions: 3, filters: 512 },
]);

export interface Vgg16Options {
  /** [height, width, channels] of the input images; default [224, 224, 3]. Height and width ≥ 32. */
  inputShape?: [number, number, number];
  /** Seed of the (random) initial weights; default 0. */
  seed?: number;
  /** Whether the convolutional weights train (false = frozen base); default true. */
  trainable?: boolean;
}

/**
 * Builds VGG16 without the top (Keras `include_top=False`), with random weights.
 * Output: the feature map of `block5_pool`, of shape
 * [batch, ⌊h/32⌋, ⌊w/32⌋, 512] — [batch, 7, 7, 512] for 224×224 images.
 * Load ImageNet weights with `loadKerasWeights(model, await ensureVgg16Weights())`.
 *
 * @throws {PretrainedModelError} For an input smaller than 32×32 or a bad shape.
 */
export function buildVgg16(options: Vgg16Options = {}): tf.LayersModel {
  const inputShape = options.inputShape ?? [224, 224, 3];
  const [height, width, channels] = inputShape;
  if (
    inputShape.length !== 3 ||
    !inputShape.every((size) => Number.isInteger(size) && size > 0) ||
    height < 32 ||
    width < 32
  ) {
    throw new PretrainedModelError(
      `buildVgg16: inputShape deve ser [altura, largura, canais] com inteiros, altura e largura ≥ 32 ` +
        `(cinco poolings dividem a imagem por 32); recebi ${JSON.stringify(inputShape)}. Exemplo: [224, 224, 3].`,
    );
  }
  const seed = options.seed ?? 0;
  const input = tf.input({ shape: [height, width, channels], name: "input_1" });
  let x: tf.SymbolicTensor = input;
  let layerIndex = 0;
  VGG16_BLOCKS.forEach(({ convolutions, filters }, blockIndex) => {
    const block = `block${blockIndex + 1}`;
    for (let c = 1; c <= convolutions; c++) {
      x = tf.layers
        .conv2d({
          name: `${block}_conv${c}`,
          filters,
          kernelSize: 3,
          padding: "same",
          activation: "relu",
          kernelInitializer: tf.initializers.glorotUniform({ seed: seed + layerIndex++ }),
          trainable: options.trainable ?? true,
        })
        .apply(x) as tf.SymbolicTensor;
    }
    x = tf.layers.maxPooling2d({ name: `${block}_pool`, poolSize: 2, strides: 2 }).apply(x) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs: x, name: "vgg16" });
}

/** Mean pixel (B, G, R) of ImageNet that Keras' VGG16 subtracts ("caffe" preprocessing). */
const VGG16_IMAGENET_MEAN_BGR: readonly [number, number, number] = Object.freeze([103.939, 116.779, 123.68]) as readonly [
  number,
  number,
  number,
];

/**
 * Keras' `vgg16.preprocess_input`: RGB images with values 0–255 → BGR minus the ImageNet
 * mean pixel. Use it before a VGG16 that carries the ImageNet weights.
 *
 * @param images [batch, h, w, 3], RGB, 0–255. The caller owns the result.
 */
export function preprocessVgg16Input(images: tf.Tensor4D): tf.Tensor4D {
  if (images.rank !== 4 || images.shape[3] !== 3) {
    throw new PretrainedModelError(
      `preprocessVgg16Input: esperava imagens RGB [lote, altura, largura, 3]; recebi forma [${images.shape.join(", ")}]. ` +
        "Imagens em tons de cinza: repita o canal com tf.tile(imagens, [1, 1, 1, 3]).",
    );
  }
  // tidy frees the reversed and mean tensors.
  return tf.tidy(() => tf.reverse(images, -1).sub(tf.tensor1d([...VGG16_IMAGENET_MEAN_BGR])) as tf.Tensor4D);
}
