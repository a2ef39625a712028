import type * as tf from "../tf";
import { assertActivationName, type ActivationName } from "../activations/activation-functions";
import { MlpShapeError } from "./mlp-errors";
import { randomFromState } from "../random/seeded-random";

/**
 * The weights of one dense layer, as Keras/TensorFlow.js keep them: `kernel` has one row
 * per input and one column per unit, so the layer computes y = f(x · kernel + bias). A
 * network is a list of them, in order. The values are nested arrays by default (to read
 * and write by hand: notebooks 03–04) or tensors, `DenseLayerWeights<tf.Tensor2D>` (to
 * train them: back-propagation in notebook 05, backprop/two-layer-mlp.ts).
 */
// A type, not an interface: `tf.dispose` and `tf.tidy` accept it as a container of tensors.
export type DenseLayerWeights<Kernel extends number[][] | tf.Tensor2D = number[][]> = {
  kernel: Kernel;
  bias: Kernel extends tf.Tensor2D ? tf.Tensor1D : number[];
  activation: ActivationName;
};

/** A dense layer whose weights are tensors (e.g. to differentiate or train them). */
export type DenseLayerTensors = DenseLayerWeights<tf.Tensor2D>;

/** A dense layer with its weights in either form. */
export type AnyDenseLayer = DenseLayerWeights | DenseLayerTensors;

/** Whether the layer keeps its weights as tensors. */
export function hasTensorWeights(layer: AnyDenseLayer): layer is DenseLayerTensors {
  return !Array.isArray(layer.kernel);
}

/** [rows, columns] of the kernel, checked; for arrays, also that every weight is finite. */
function kernelShape(layer: AnyDenseLayer, index: number): [number, number] {
  if (hasTensorWeights(layer)) {
    const kernel = layer.kernel as Partial<tf.Tensor>;
    const bias = layer.bias as Partial<tf.Tensor>;
    if (kernel.rank !== 2 || bias.rank !== 1) {
      throw new MlpShapeError(
        `A camada ${index + 1} deve ter kernel 2-D [entradas, unidades] e bias 1-D [unidades]; ` +
          `chegaram kernel [${kernel.shape?.join(", ") ?? "?"}] e bias [${bias.shape?.join(", ") ?? "?"}].`,
      );
    }
    const [rows, columns] = layer.kernel.shape;
    if (layer.bias.shape[0] !== columns) {
      throw new MlpShapeError(`A camada ${index + 1} tem ${columns} unidades (colunas do kernel), mas ${layer.bias.shape[0]} vieses: é preciso um viés por unidade.`);
    }
    return [rows, columns];
  }
  const rows = layer.kernel.length;
  const columns = layer.kernel[0]?.length ?? 0;
  if (rows === 0 || columns === 0 || layer.kernel.some((row) => row.length !== columns)) {
    throw new MlpShapeError(
      `A camada ${index + 1} tem um kernel vazio ou com linhas de tamanhos diferentes; ` +
        `esperava uma matriz entradas × unidades (uma linha por entrada).`,
    );
  }
  if (layer.kernel.some((row) => row.some((w) => !Number.isFinite(w))) || layer.bias.some((b) => !Number.isFinite(b))) {
    throw new MlpShapeError(`A camada ${index + 1} tem um peso ou viés que não é um número finito (NaN ou infinito).`);
  }
  if (layer.bias.length !== columns) {
    throw new MlpShapeError(
      `A camada ${index + 1} tem ${columns} unidades (colunas do kernel), mas ${layer.bias.length} vieses: ` +
        `é preciso um viés por unidade.`,
    );
  }
  return [rows, columns];
}

/**
 * Checks that consecutive layers fit together and returns the layer sizes
 * [inputs, units₁, units₂, …]. Weights given as arrays are also checked to be finite
 * (tensor weights are not read: that would cost a copy at every training step).
 *
 * @throws {MlpShapeError} For no layers, ragged/empty kernels, NaN weights, a bias of the
 *   wrong length or a layer whose inputs are not the previous layer's units.
 */
export function layerSizesOf(layers: readonly AnyDenseLayer[]): number[] {
  if (!Array.isArray(layers as unknown) || layers.length === 0) {
    throw new MlpShapeError("Esperava uma lista com pelo menos uma camada { kernel, bias, activation }; chegou uma lista vazia.");
  }
  const sizes: number[] = [];
  layers.forEach((layer, index) => {
    const [rows, columns] = kernelShape(layer, index);
    assertActivationName(layer.activation);
    if (index === 0) sizes.push(rows);
    else if (rows !== sizes[sizes.length - 1]) {
      throw new MlpShapeError(
        `A camada ${index + 1} espera ${rows} entradas, mas a camada anterior tem ${sizes[sizes.length - 1]} unidades: ` +
          `o número de linhas do kernel deve ser o número de unidades da camada anterior.`,
      );
    }
    sizes.push(columns);
  });
  return sizes;
}

/**
 * Random weights for a multilayer perceptron with the given layer sizes (Glorot-uniform
 * kernels, zero biases), reproducible from `seed`.
 *
 * @param sizes [inputs, units₁, …, outputs], e.g. [4, 8, 3].
 * @param activations One activation per layer (sizes.length − 1 of them).
 * @throws {MlpShapeError} For fewer than two sizes, a size that is not a positive integer or
 *   the wrong number of activations.
 */
export function randomDenseLayers(sizes: readonly number[], activations: readonly ActivationName[], seed = 0): DenseLayerWeights[] {
  assertLayerSizes(sizes);
  if (activations.length !== sizes.length - 1) {
    throw new MlpShapeError(
      `Para ${sizes.length - 1} camadas esperava ${sizes.length - 1} ativações, mas chegaram ${activations.length}.`,
    );
  }
  const random = randomFromState(seed);
  return activations.map((activation, index) => {
    const inputs = sizes[index] ?? 0;
    const units = sizes[index + 1] ?? 0;
    const limit = Math.sqrt(6 / (inputs + units));
    return {
      kernel: Array.from({ length: inputs }, () => Array.from({ length: units }, () => (2 * random.uniform() - 1) * limit)),
      bias: new Array<number>(units).fill(0),
      activation,
    };
  });
}

/**
 * Checks a list of layer sizes [inputs, units₁, …, outputs].
 *
 * @throws {MlpShapeError} For fewer than two sizes or a size that is not a positive integer.
 */
export function assertLayerSizes(sizes: readonly number[]): void {
  if (!Array.isArray(sizes as unknown) || sizes.length < 2) {
    throw new MlpShapeError(
      `Esperava os tamanhos das camadas [entradas, ocultas…, saídas], com pelo menos dois números, ` +
        `como [4, 8, 1]; chegou ${Array.isArray(sizes) ? `[${sizes.join(", ")}]` : typeof sizes}.`,
    );
  }
  const bad = sizes.find((size) => !Number.isInteger(size) || size < 1);
  if (bad !== undefined) {
    throw new MlpShapeError(`Cada camada tem um número inteiro positivo de neurônios; chegou ${bad} em [${sizes.join(", ")}].`);
  }
}
