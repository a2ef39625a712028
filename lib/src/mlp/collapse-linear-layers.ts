import { layerSizesOf, type DenseLayerWeights } from "./dense-layer";
import { MlpShapeError } from "./mlp-errors";

/** The product of two matrices given as nested arrays (rows × columns). */
function multiply(a: readonly number[][], b: readonly number[][]): number[][] {
  const columns = b[0]?.length ?? 0;
  return a.map((row) =>
    Array.from({ length: columns }, (_, j) => row.reduce((sum, value, k) => sum + value * (b[k]?.[j] ?? 0), 0)),
  );
}

/**
 * The single linear layer equivalent to a stack of linear layers: with no non-linear
 * activation, x·W₁ + b₁ then ·W₂ + b₂ … is x·(W₁W₂…) + ((b₁W₂ + b₂)W₃ + …) — one matrix
 * and one bias, however many layers.
 *
 * @throws {MlpShapeError} When a layer is not linear or the layers do not fit together.
 */
export function collapseLinearLayers(layers: readonly DenseLayerWeights[]): DenseLayerWeights {
  layerSizesOf(layers);
  const nonLinear = layers.findIndex((layer) => layer.activation !== "linear");
  if (nonLinear >= 0) {
    throw new MlpShapeError(
      `Só camadas lineares se juntam numa só; a camada ${nonLinear + 1} tem ativação "${layers[nonLinear]?.activation}".`,
    );
  }
  let kernel = layers[0]?.kernel.map((row) => [...row]) ?? [];
  let bias = [...(layers[0]?.bias ?? [])];
  for (const layer of layers.slice(1)) {
    kernel = multiply(kernel, layer.kernel);
    bias = (multiply([bias], layer.kernel)[0] ?? []).map((value, j) => value + (layer.bias[j] ?? 0));
  }
  return { kernel, bias, activation: "linear" };
}
