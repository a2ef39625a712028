import * as tf from "../tf";
import type { ActivationName } from "../activations/activation-functions";
import { assertLayerSizes, layerSizesOf, type DenseLayerWeights } from "./dense-layer";

/** Options of {@link buildMlp}. */
export interface BuildMlpOptions {
  /** [inputs, hidden units…, outputs], e.g. [1, 16, 16, 1]. */
  sizes: readonly number[];
  /** Activation of the hidden layers (default "relu"). */
  hiddenActivation?: ActivationName;
  /** Activation of the output layer (default "linear", for regression). */
  outputActivation?: ActivationName;
  /** Seed of the Glorot-uniform initial weights (default 0): same seed, same network. */
  seed?: number;
}

/**
 * A dense multilayer perceptron in TensorFlow.js layers (`tf.sequential` of `tf.layers.dense`),
 * with seeded initial weights. Not compiled: call `model.compile(...)` to train it.
 *
 * @throws {MlpShapeError} For fewer than two sizes or a size that is not a positive integer.
 */
export function buildMlp(options: BuildMlpOptions): tf.Sequential {
  const { sizes, hiddenActivation = "relu", outputActivation = "linear", seed = 0 } = options;
  assertLayerSizes(sizes);
  const model = tf.sequential();
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    model.add(
      tf.layers.dense({
        units: sizes[i] ?? 1,
        activation: last ? outputActivation : hiddenActivation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        ...(i === 1 ? { inputShape: [sizes[0] ?? 1] } : {}),
      }),
    );
  }
  return model;
}

/**
 * The TensorFlow.js model (`tf.sequential` of dense layers) holding exactly the given
 * weights: the same network as {@link mlpForward} computes by hand.
 *
 * @throws {MlpShapeError} When the layers do not fit together.
 */
export function mlpFromWeights(layers: readonly DenseLayerWeights[]): tf.Sequential {
  const sizes = layerSizesOf(layers);
  const model = tf.sequential();
  layers.forEach((layer, i) => {
    model.add(tf.layers.dense({ units: sizes[i + 1] ?? 1, activation: layer.activation, ...(i === 0 ? { inputShape: [sizes[0] ?? 1] } : {}) }));
  });
  const weights = layers.flatMap((layer) => [tf.tensor2d(layer.kernel), tf.tensor1d(layer.bias)]);
  model.setWeights(weights); // setWeights copies the values: the temporary tensors can go
  tf.dispose(weights);
  return model;
}
