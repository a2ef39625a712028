/**
 * The figure shared by the convolution and max-pooling step-throughs
 * (lib/src/convnet/convolution-step-through.ts, lib/src/convnet/max-pooling-step-through.ts):
 * the image with the current window outlined, the window's numbers (products or values),
 * and the output map filling in, one slider step per window position.
 *
 * Every step is computed in the kernel; the slider only swaps data with Plotly `update`,
 * so the figure also works in a static HTML handout with no kernel behind it.
 */
import { formatValue } from "../diagrams/diagram-text";
import type * as Plotly from "plotly.js";
import type { Figure } from "../plot/figure";
import { InvalidStepThroughError } from "./step-through-errors";

/** One position of the window. */
export interface WindowStep {
  /** Output row and column this window fills. */
  outRow: number;
  outCol: number;
  /** Top-left corner of the window in the image. */
  row: number;
  col: number;
  /** The numbers drawn for this window (the nine products, or the window's values). */
  cells: number[][];
  /** The output value of this window. */
  value: number;
  /** Cell of `cells` to outline (e.g. the maximum), if any. */
  mark?: [number, number];
  /** Title of this step. */
  title: string;
}

interface WindowFigureInput {
  image: number[][];
  windowRows: number;
  windowCols: number;
  outRows: number;
  outCols: number;
  steps: WindowStep[];
  /** Subplot titles: image, window cells, output. */
  panelTitles: [string, string, string];
  /** How the window's cells are coloured: products (diverging, zero white) or image values (the image's greys). */
  cellColours: "products" | "image";
  /** Slider prefix, e.g. "posição do filtro: ". */
  sliderPrefix: string;
}

/**
 * Checks that `matrix` is a non-empty rectangular list of rows of finite numbers.
 *
 * @throws {InvalidStepThroughError} Saying which row or value is wrong.
 */
export function assertNumberMatrix(matrix: unknown, name: string, example: string): asserts matrix is number[][] {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0]) || matrix[0].length === 0) {
    throw new InvalidStepThroughError(
      `${name} deve ser uma lista não vazia de linhas de números (number[][]), como ${example}; chegou ${describe(matrix)}.`,
    );
  }
  const columns = (matrix[0] as unknown[]).length;
  matrix.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new InvalidStepThroughError(
        `A linha ${r} de ${name} tem ${Array.isArray(row) ? row.length : "?"} colunas; a primeira tem ${columns}. Todas as linhas devem ter o mesmo tamanho.`,
      );
    }
    row.forEach((value: unknown, c) => {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InvalidStepThroughError(`${name}[${r}][${c}] deve ser um número finito; chegou ${String(value)}.`);
      }
    });
  });
}

/**
 * Checks that a stride is a positive integer.
 *
 * @throws {InvalidStepThroughError} Otherwise.
 */
export function assertStride(stride: number): void {
  if (!Number.isInteger(stride) || stride < 1) {
    throw new InvalidStepThroughError(`O passo (stride) deve ser um inteiro ≥ 1, como 1 ou 2; chegou ${String(stride)}.`);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "uma lista vazia" : "uma lista que não é de linhas";
  return value === null ? "null" : typeof value;
}

const formatCell = (value: number | null): string => (value === null ? "" : formatValue(value));

/**
 * The text of each cell of a heatmap, row by row. plotly.js draws a 2-D `text` on a
 * heatmap (its reference, "heatmap.text"); the typings of @types/plotly.js only know 1-D.
 */
const cellTexts = (z: (number | null)[][]): string[] => z.map((row) => row.map(formatCell)) as unknown as string[];

function rectangle(axis: "" | "2" | "3", row: number, col: number, rows: number, cols: number, colour: string) {
  return {
    type: "rect" as const,
    xref: `x${axis}` as const,
    yref: `y${axis}` as const,
    x0: col - 0.5,
    x1: col + cols - 0.5,
    y0: row - 0.5,
    y1: row + rows - 0.5,
    line: { color: colour, width: 4 },
  };
}

/** The output map after `count` steps: values so far, null where the window has not been yet. */
function outputSoFar(input: WindowFigureInput, count: number): (number | null)[][] {
  const map: (number | null)[][] = Array.from({ length: input.outRows }, () => Array<number | null>(input.outCols).fill(null));
  for (const step of input.steps.slice(0, count)) map[step.outRow]![step.outCol] = step.value;
  return map;
}

function stepShapes(input: WindowFigureInput, step: WindowStep) {
  const shapes = [
    rectangle("", step.row, step.col, input.windowRows, input.windowCols, "#d62728"),
    rectangle("3", step.outRow, step.outCol, 1, 1, "#d62728"),
  ];
  if (step.mark) shapes.push(rectangle("2", step.mark[0], step.mark[1], 1, 1, "#d62728"));
  return shapes;
}

/** The slider figure of a window sliding over an image (see the file's comment). */
export function windowStepThroughFigure(input: WindowFigureInput): Figure {
  const { image, steps } = input;
  const first = steps[0];
  if (!first) throw new InvalidStepThroughError("A janela não cabe em nenhuma posição da imagem: nada a mostrar.");
  const heatmap = (z: (number | null)[][], axis: "" | "2" | "3", colorscale: string) => ({
    type: "heatmap" as const,
    z,
    text: cellTexts(z),
    texttemplate: "%{text}",
    hoverinfo: "skip" as const,
    colorscale,
    showscale: false,
    xaxis: `x${axis}`,
    yaxis: `y${axis}`,
  });
  const outputValues = steps.map((step) => step.value);
  const outputTrace = {
    ...heatmap(outputSoFar(input, 1), "3", "Viridis"),
    zmin: Math.min(...outputValues),
    zmax: Math.max(...outputValues),
  };
  const imageValues = image.flat();
  const imageRange = { zmin: Math.min(...imageValues), zmax: Math.max(...imageValues) };
  // Products: negative blue, positive red, zero white; window values: the image's own greys.
  const cellsTrace = input.cellColours === "products"
    ? { ...heatmap(first.cells, "2", "RdBu"), zmid: 0 }
    : { ...heatmap(first.cells, "2", "Greys"), ...imageRange };
  const data = [{ ...heatmap(image, "", "Greys"), ...imageRange }, cellsTrace, outputTrace];
  const sliderSteps = steps.map((step, index) => {
    const output = outputSoFar(input, index + 1);
    return {
      label: `(${step.outRow}, ${step.outCol})`,
      method: "update" as const,
      args: [
        { z: [step.cells, output], text: [cellTexts(step.cells), cellTexts(output)] },
        { shapes: stepShapes(input, step), "title.text": step.title },
        [1, 2],
      ],
    };
  });
  // Each panel shows exactly its cells, row 0 on top, square cells.
  const axis = (domain: [number, number], anchor: Plotly.AxisName, cells: number) => ({
    domain,
    anchor,
    range: [-0.5, cells - 0.5],
    showgrid: false,
    zeroline: false,
    tickmode: "linear" as const,
    dtick: 1,
    constrain: "domain" as const,
  });
  const yAxis = (anchor: Plotly.AxisName, cells: number) => ({
    range: [cells - 0.5, -0.5],
    anchor,
    scaleanchor: anchor,
    constrain: "domain" as const,
    showgrid: false,
    zeroline: false,
    tickmode: "linear" as const,
    dtick: 1,
  });
  const [imageTitle, cellsTitle, outputTitle] = input.panelTitles;
  const annotation = (text: string, axis: "" | "2" | "3") => ({
    text,
    x: 0.5,
    y: 1.02,
    xref: `x${axis} domain` as Plotly.XAxisName,
    yref: `y${axis} domain` as Plotly.YAxisName,
    xanchor: "center" as const,
    yanchor: "bottom" as const,
    showarrow: false,
    font: { size: 14 },
  });
  return {
    data,
    layout: {
      title: { text: first.title },
      width: 900,
      height: 480,
      margin: { t: 90, b: 110 },
      xaxis: axis([0, 0.4], "y", image[0]!.length),
      yaxis: yAxis("x", image.length),
      xaxis2: axis([0.47, 0.66], "y2", input.windowCols),
      yaxis2: yAxis("x2", input.windowRows),
      xaxis3: axis([0.73, 1], "y3", input.outCols),
      yaxis3: yAxis("x3", input.outRows),
      shapes: stepShapes(input, first),
      annotations: [annotation(imageTitle, ""), annotation(cellsTitle, "2"), annotation(outputTitle, "3")],
      sliders: [{ active: 0, currentvalue: { prefix: input.sliderPrefix }, pad: { t: 30 }, steps: sliderSteps }],
    },
  };
}
