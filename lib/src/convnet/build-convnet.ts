/**
 * Builds a `tf.Sequential` from a {@link ConvnetConfig}, after checking it with
 * {@link planConvnet} (TensorFlow.js itself would silently build a layer with a 0×0 or
 * negative output).
 */
import * as tf from "../tf";
import { planConvnet, type ConvnetConfig, type ConvnetLayerConfig } from "./convnet-config";

function makeLayer(layer: ConvnetLayerConfig, seed: number, inputShape: number[] | undefined): tf.layers.Layer {
  const first = inputShape ? { inputShape } : {};
  switch (layer.type) {
    case "conv2d":
      return tf.layers.conv2d({
        ...first,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides ?? 1,
        padding: layer.padding ?? "valid",
        activation: layer.activation ?? "relu",
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      });
    case "maxPooling2d":
      return tf.layers.maxPooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides ?? layer.poolSize, padding: layer.padding ?? "valid" });
    case "averagePooling2d":
      return tf.layers.averagePooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides ?? layer.poolSize, padding: layer.padding ?? "valid" });
    case "flatten":
      return tf.layers.flatten(first);
    case "dense":
      return tf.layers.dense({
        ...first,
        units: layer.units,
        activation: layer.activation ?? "relu",
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      });
    case "dropout":
      // No seed on the layer: tfjs then draws the same mask at every step (frozen dropout).
      // The masks repeat from run to run through setRandomSeed (lib/src/random/set-random-seed.ts).
      return tf.layers.dropout({ ...first, rate: layer.rate });
  }
}

/**
 * Builds (does not compile) a sequential convnet.
 *
 * @example
 * const model = buildConvnet({
 *   inputShape: [28, 28, 1],
 *   layers: [
 *     { type: "conv2d", filters: 8, kernelSize: 3 },
 *     { type: "maxPooling2d", poolSize: 2 },
 *     { type: "dense", units: 10, activation: "softmax" },
 *   ],
 *   seed: 1,
 * });
 * @throws {ConvnetConfigError} When the configuration is invalid (see {@link planConvnet}).
 */
export function buildConvnet(config: ConvnetConfig): tf.Sequential {
  const plan = planConvnet(config);
  const seed = config.seed ?? 0;
  const model = tf.sequential();
  plan.forEach((step, index) => {
    model.add(makeLayer(step.layer, seed + index, index === 0 ? [...config.inputShape] : undefined));
  });
  return model;
}
