/**
 * The output size of a convolution or pooling along one axis:
 *
 * $$ n_\text{out} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1 $$
 *
 * for input size n, kernel (or pool) size k, stride s and p pixels of zero padding on each
 * side. TensorFlow's `"valid"` is p = 0; `"same"` pads just enough that
 * n_out = ⌈n / s⌉.
 */
import { CourseError } from "../errors";

/** Padding of a convolution: TensorFlow's names, or explicit pixels on each side. */
export type ConvPadding = "valid" | "same" | number;

/** Invalid arguments of {@link convOutputSize}. */
export class ConvOutputSizeError extends CourseError {
  override name = "ConvOutputSizeError";
}

/**
 * @param inputSize n, the input height or width in pixels.
 * @param kernelSize k, the filter (or pooling window) size.
 * @param stride s, the step of the filter (default 1).
 * @param padding `"valid"` (default), `"same"` or a number p of zero pixels on each side.
 * @returns n_out; 0 or less means the filter does not fit in the input.
 * @throws {ConvOutputSizeError} When a size or stride is not a positive integer.
 */
export function convOutputSize(inputSize: number, kernelSize: number, stride = 1, padding: ConvPadding = "valid"): number {
  for (const [name, value] of [["inputSize", inputSize], ["kernelSize", kernelSize], ["stride", stride]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ConvOutputSizeError(`convOutputSize: "${name}" deve ser um inteiro ≥ 1; recebi ${String(value)}.`);
    }
  }
  if (padding === "same") return Math.ceil(inputSize / stride);
  const p = padding === "valid" ? 0 : padding;
  if (!Number.isInteger(p) || p < 0) {
    throw new ConvOutputSizeError(`convOutputSize: padding deve ser "valid", "same" ou um inteiro ≥ 0; recebi ${String(padding)}.`);
  }
  return Math.floor((inputSize + 2 * p - kernelSize) / stride) + 1;
}
