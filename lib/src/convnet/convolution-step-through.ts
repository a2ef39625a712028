import { formatValue } from "../diagrams/diagram-text";
import type { Figure } from "../plot/figure";
import { InvalidStepThroughError } from "./step-through-errors";
import { assertNumberMatrix, assertStride, windowStepThroughFigure, type WindowStep } from "./window-step-through";

/** Options of {@link convolutionStepThroughFigure}. */
export interface ConvolutionStepThroughOptions {
  /** How many pixels the filter moves per step (default 1). Padding is "valid": the filter stays inside the image. */
  stride?: number;
}

/**
 * A convolution step by step: a filter slides over a small image; a slider over the filter's
 * position shows the window on the image, the products pixel × weight, and the output map
 * (a feature map) filling in with their sums — what `tf.conv2d` computes with
 * `padding: "valid"` (a cross-correlation: the filter is not flipped).
 *
 * Every position is computed here and the slider only swaps what is drawn, so the figure
 * also works in a static HTML handout.
 *
 * @example
 * show(convolutionStepThroughFigure(imagem7x7, [[1, 0, -1], [1, 0, -1], [1, 0, -1]]));
 * @param image The image as rows of numbers (e.g. 7×7).
 * @param filter The filter's weights as rows (e.g. 3×3), no larger than the image.
 * @throws {InvalidStepThroughError} For a malformed image or filter, a filter larger than the image or a bad stride.
 */
export function convolutionStepThroughFigure(
  image: number[][],
  filter: number[][],
  options: ConvolutionStepThroughOptions = {},
): Figure {
  assertNumberMatrix(image, "A imagem", "[[0, 1, 0], [1, 1, 1], [0, 1, 0]]");
  assertNumberMatrix(filter, "O filtro", "[[1, 0, -1], [1, 0, -1], [1, 0, -1]]");
  const stride = options.stride ?? 1;
  assertStride(stride);
  const [rows, cols] = [image.length, image[0]!.length];
  const [fRows, fCols] = [filter.length, filter[0]!.length];
  if (fRows > rows || fCols > cols) {
    throw new InvalidStepThroughError(
      `O filtro (${fRows}×${fCols}) é maior que a imagem (${rows}×${cols}): use um filtro menor, como 3×3, ou uma imagem maior.`,
    );
  }
  const outRows = Math.floor((rows - fRows) / stride) + 1;
  const outCols = Math.floor((cols - fCols) / stride) + 1;
  const steps: WindowStep[] = [];
  for (let outRow = 0; outRow < outRows; outRow++) {
    for (let outCol = 0; outCol < outCols; outCol++) {
      const [row, col] = [outRow * stride, outCol * stride];
      const cells = filter.map((weights, i) => weights.map((weight, j) => image[row + i]![col + j]! * weight));
      const value = cells.flat().reduce((sum, product) => sum + product, 0);
      steps.push({
        outRow,
        outCol,
        row,
        col,
        cells,
        value,
        title: `Filtro na posição (${outRow}, ${outCol}): soma dos ${fRows * fCols} produtos = ${formatValue(value)}`,
      });
    }
  }
  return windowStepThroughFigure({
    image,
    windowRows: fRows,
    windowCols: fCols,
    outRows,
    outCols,
    steps,
    panelTitles: ["imagem e janela do filtro", "pixel × peso", "mapa de saída"],
    cellColours: "products",
    sliderPrefix: "posição do filtro: ",
  });
}
