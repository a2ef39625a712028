import * as tf from "../tf";
import { applyActivation } from "../activations/activation-functions";
import { hasTensorWeights, layerSizesOf, type AnyDenseLayer } from "./dense-layer";
import { MlpShapeError } from "./mlp-errors";

/** Every step of a forward pass, layer by layer (what back-propagation needs). */
// A type, not an interface: tf.tidy accepts it as a container of tensors.
export type MlpForwardPass = {
  /** z = A · W + b of each layer, shape [examples, units]. */
  preActivations: tf.Tensor2D[];
  /** A = f(z) of each layer; the last one is the network's output. */
  activations: tf.Tensor2D[];
};

function checkInputs(x: tf.Tensor, inputs: number): void {
  if (x.rank !== 2) {
    throw new MlpShapeError(
      `Esperava as entradas como uma matriz [exemplos, atributos] (tensor 2-D), mas chegou um tensor de forma [${x.shape.join(", ")}]. ` +
        `Para um só exemplo use x.reshape([1, -1]).`,
    );
  }
  const [examples, features] = x.shape as [number, number];
  if (examples === 0) throw new MlpShapeError("Chegou uma matriz de entradas sem nenhum exemplo (0 linhas).");
  if (features !== inputs) {
    throw new MlpShapeError(`A primeira camada espera ${inputs} atributos por exemplo, mas as entradas têm ${features} colunas.`);
  }
  const hasNaN = tf.tidy(() => tf.any(tf.isNaN(x)).dataSync()[0] === 1);
  if (hasNaN) throw new MlpShapeError("As entradas contêm NaN; limpe ou impute os dados antes da passagem direta.");
}

/**
 * The forward pass of a multilayer perceptron written with matrix operations, keeping every
 * step: for each layer, z ← A · W + b and A ← f(z), starting from A = X (one row per
 * example). The layers' weights may be arrays or tensors (tensors are used as they are, so
 * `tf.grads` can differentiate through them).
 *
 * @param x The inputs, shape [examples, inputs].
 * @param layers The layers' weights, in order.
 * @returns New tensors z and A of every layer (dispose them, e.g. `tf.dispose(pass)`).
 * @throws {MlpShapeError} When `x` is not 2-D, is empty, has NaN values or its number of
 *   columns is not the first layer's inputs; or when the layers do not fit together.
 */
export function mlpForwardPass(x: tf.Tensor, layers: readonly AnyDenseLayer[]): MlpForwardPass {
  const sizes = layerSizesOf(layers);
  checkInputs(x, sizes[0]!);
  // tidy: the tensors made from array weights are freed; z and A of every layer are kept.
  return tf.tidy(() => {
    const pass: MlpForwardPass = { preActivations: [], activations: [] };
    let activations = x as tf.Tensor2D;
    for (const layer of layers) {
      const [kernel, bias] = hasTensorWeights(layer) ? [layer.kernel, layer.bias] : [tf.tensor2d(layer.kernel), tf.tensor1d(layer.bias)];
      const z = tf.matMul(activations, kernel).add(bias) as tf.Tensor2D;
      activations = applyActivation(layer.activation, z) as tf.Tensor2D;
      pass.preActivations.push(z);
      pass.activations.push(activations);
    }
    return pass;
  });
}

/**
 * The network's output: the last activation of {@link mlpForwardPass} (the intermediate
 * steps are freed).
 *
 * @returns The outputs, shape [examples, outputs] (a new tensor).
 * @throws {MlpShapeError} As {@link mlpForwardPass}.
 */
export function mlpForward(x: tf.Tensor, layers: readonly AnyDenseLayer[]): tf.Tensor2D {
  return tf.tidy(() => mlpForwardPass(x, layers).activations[layers.length - 1]!);
}
