import { assertLayerSizes } from "./dense-layer";

/**
 * The number of trainable parameters of a dense multilayer perceptron: each layer has a
 * weight per (input, unit) pair plus a bias per unit, Σ (nᵢ₋₁ + 1)·nᵢ.
 *
 * @example countMlpParameters([4, 8, 1]) // (4 + 1)·8 + (8 + 1)·1 = 49
 * @param sizes [inputs, units₁, …, outputs].
 * @throws {MlpShapeError} For fewer than two sizes or a size that is not a positive integer.
 */
export function countMlpParameters(sizes: readonly number[]): number {
  assertLayerSizes(sizes);
  let total = 0;
  for (let i = 1; i < sizes.length; i++) total += ((sizes[i - 1] ?? 0) + 1) * (sizes[i] ?? 0);
  return total;
}
