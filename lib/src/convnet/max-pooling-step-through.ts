import { formatValue } from "../diagrams/diagram-text";
import type { Figure } from "../plot/figure";
import { InvalidStepThroughError } from "./step-through-errors";
import { assertNumberMatrix, assertStride, windowStepThroughFigure, type WindowStep } from "./window-step-through";

/** Options of {@link maxPoolingStepThroughFigure}. */
export interface MaxPoolingStepThroughOptions {
  /** Side of the pooling window (default 2). */
  poolSize?: number;
  /** How many pixels the window moves per step (default: the pool size, windows side by side). */
  stride?: number;
}

/**
 * Max-pooling step by step: a window slides over an image (or a feature map); a slider over
 * its position shows the window, its values with the maximum outlined, and the output map
 * filling in with the maxima — what `tf.maxPool` computes with `padding: "valid"`.
 *
 * Every position is computed here and the slider only swaps what is drawn, so the figure
 * also works in a static HTML handout.
 *
 * @example
 * show(maxPoolingStepThroughFigure(mapa6x6)); // janela 2×2, passo 2: saída 3×3
 * @throws {InvalidStepThroughError} For a malformed image, a window larger than the image or a bad size or stride.
 */
export function maxPoolingStepThroughFigure(image: number[][], options: MaxPoolingStepThroughOptions = {}): Figure {
  assertNumberMatrix(image, "A imagem", "[[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]]");
  const poolSize = options.poolSize ?? 2;
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new InvalidStepThroughError(`O tamanho da janela (poolSize) deve ser um inteiro ≥ 1, como 2; chegou ${String(poolSize)}.`);
  }
  const stride = options.stride ?? poolSize;
  assertStride(stride);
  const [rows, cols] = [image.length, image[0]!.length];
  if (poolSize > rows || poolSize > cols) {
    throw new InvalidStepThroughError(
      `A janela (${poolSize}×${poolSize}) é maior que a imagem (${rows}×${cols}): use poolSize ≤ ${Math.min(rows, cols)}.`,
    );
  }
  const outRows = Math.floor((rows - poolSize) / stride) + 1;
  const outCols = Math.floor((cols - poolSize) / stride) + 1;
  const steps: WindowStep[] = [];
  for (let outRow = 0; outRow < outRows; outRow++) {
    for (let outCol = 0; outCol < outCols; outCol++) {
      const [row, col] = [outRow * stride, outCol * stride];
      const cells = Array.from({ length: poolSize }, (_, i) => image[row + i]!.slice(col, col + poolSize));
      let mark: [number, number] = [0, 0];
      cells.forEach((line, i) => line.forEach((value, j) => {
        if (value > cells[mark[0]]![mark[1]]!) mark = [i, j];
      }));
      const value = cells[mark[0]]![mark[1]]!;
      steps.push({
        outRow,
        outCol,
        row,
        col,
        cells,
        value,
        mark,
        title: `Janela na posição (${outRow}, ${outCol}): o maior dos ${poolSize * poolSize} valores é ${formatValue(value)}`,
      });
    }
  }
  return windowStepThroughFigure({
    image,
    windowRows: poolSize,
    windowCols: poolSize,
    outRows,
    outCols,
    steps,
    panelTitles: ["imagem e janela", "valores da janela (máximo marcado)", "mapa de saída"],
    cellColours: "image",
    sliderPrefix: "posição da janela: ",
  });
}
