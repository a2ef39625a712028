import * as tf from "../tf";
import { applyActivation } from "../activations/activation-functions";
import { layerSizesOf, type DenseLayerWeights } from "./dense-layer";
import { MlpShapeError } from "./mlp-errors";

/**
 * The forward pass of a multilayer perceptron written with matrix operations: for each
 * layer, A ← f(A · W + b), starting from A = X (one row per example).
 *
 * @param x The inputs, shape [examples, inputs].
 * @param layers The layers' weights, in order.
 * @returns The outputs, shape [examples, outputs] (a new tensor; intermediates are freed).
 * @throws {MlpShapeError} When `x` is not 2-D, is empty, has NaN values or its number of
 *   columns is not the first layer's inputs; or when the layers do not fit together.
 */
export function mlpForward(x: tf.Tensor, layers: readonly DenseLayerWeights[]): tf.Tensor2D {
  const sizes = layerSizesOf(layers);
  if (x.rank !== 2) {
    throw new MlpShapeError(
      `Esperava as entradas como uma matriz [exemplos, atributos] (tensor 2-D), mas chegou um tensor de forma [${x.shape.join(", ")}]. ` +
        `Para um só exemplo use x.reshape([1, -1]).`,
    );
  }
  const [examples, features] = x.shape as [number, number];
  if (examples === 0) throw new MlpShapeError("Chegou uma matriz de entradas sem nenhum exemplo (0 linhas).");
  if (features !== sizes[0]) {
    throw new MlpShapeError(
      `A primeira camada espera ${sizes[0]} atributos por exemplo, mas as entradas têm ${features} colunas.`,
    );
  }
  const hasNaN = tf.tidy(() => tf.any(tf.isNaN(x)).dataSync()[0] === 1);
  if (hasNaN) throw new MlpShapeError("As entradas contêm NaN; limpe ou impute os dados antes da passagem direta.");
  // tidy: each layer's product and sum are freed; only the last activation is kept.
  return tf.tidy(() => {
    let activations = x as tf.Tensor2D;
    for (const layer of layers) {
      const z = tf.matMul(activations, tf.tensor2d(layer.kernel)).add(tf.tensor1d(layer.bias));
      activations = applyActivation(layer.activation, z) as tf.Tensor2D;
    }
    return activations.clone();
  });
}
