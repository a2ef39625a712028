/**
 * A convolutional network as a block diagram read from the model (like Keras' plot_model,
 * top to bottom): one row per layer, or per block when the layers are named by block as in
 * VGG16 (`block1_conv1` … `block5_pool`, lib/src/pretrained/vgg16.ts), with the output shape
 * and the parameter count `model.summary()` prints. Each row's bar is as long as the log of
 * the numbers one image has at that point, so the funnel of a convnet shows.
 */
import type * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatCount, formatShape } from "./diagram-text";
import { checkLayersModel, modelInputShape, modelLayerSummaries, unitCount, type ModelLayerSummary } from "./model-layers";
import { COLOURS, LABEL_SIZE, SMALL_SIZE, element, group, svgDiagram, text } from "./svg-document";

/** Options of {@link convnetDiagram}. */
export interface ConvnetDiagramOptions {
  /** One row per block of layers named `blockN_…` (default `true`; layers outside blocks keep a row each). */
  groupBlocks?: boolean;
  /** The diagram's title (default: "Rede convolucional" and the model's name). */
  title?: string;
}

/** One row of the diagram: a layer, or a block of consecutive layers. */
interface ConvnetRow {
  name: string;
  /** What the row holds: "Conv2D", or "2 × Conv2D + MaxPooling2D" for a block. */
  kinds: string;
  outputShape: number[];
  parameters: number;
  layers: number;
}

const WIDTH = 1000;
const ROW_HEIGHT = 62;
const TOP = 70;
const BAR_X = 330;
const BAR_MAXIMUM = 300;
/** Longer names are cut with … (the whole name stays in the row's data-nome). */
const NAME_LENGTH = 27;
/** More rows than this would not fit a slide: group the blocks or draw a part of the model. */
const MAXIMUM_ROWS = 24;
const BLOCK_NAME = /^(block\d+)_/;
const FILLS: Readonly<Record<string, string>> = {
  Conv2D: COLOURS.hidden,
  MaxPooling2D: COLOURS.input,
  AveragePooling2D: COLOURS.input,
  Dense: COLOURS.output,
};

/**
 * Draws a convnet (or any `tf.LayersModel`) as its layers' output shapes and parameter counts.
 *
 * @example
 * showDiagram(convnetDiagram(buildVgg16()));
 *
 * @throws {InvalidDiagramInputError} For something that is not a model, or a model with more rows than fit a slide.
 */
export function convnetDiagram(model: tf.LayersModel, options: ConvnetDiagramOptions = {}): Diagram {
  const checked = checkLayersModel(model, "convnetDiagram");
  const layers = modelLayerSummaries(checked).filter((layer) => layer.className !== "InputLayer");
  const rows = [
    { name: "entrada", kinds: "imagem", outputShape: modelInputShape(checked), parameters: 0, layers: 0 },
    ...(options.groupBlocks ?? true ? groupByBlock(layers) : layers.map(rowOfLayer)),
  ];
  if (rows.length > MAXIMUM_ROWS) {
    throw new InvalidDiagramInputError(
      `convnetDiagram: o modelo "${checked.name}" daria ${rows.length} linhas, e cabem ${MAXIMUM_ROWS} num slide. ` +
        `Dê às camadas nomes por bloco ("block1_conv1", "block1_pool", …) e use groupBlocks: true, ou desenhe uma parte do modelo.`,
    );
  }
  const largest = Math.max(...rows.map((row) => Math.log10(Math.max(1, unitCount(row.outputShape)))));
  const height = TOP + rows.length * ROW_HEIGHT + 70;
  const body = rows.map((row, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const size = Math.log10(Math.max(1, unitCount(row.outputShape)));
    const barWidth = Math.max(16, (BAR_MAXIMUM * size) / Math.max(1, largest));
    const mainKind = row.kinds.includes("Conv2D") ? "Conv2D" : (row.kinds.split(" ").pop() ?? "");
    return group({ class: "linha", "data-nome": row.name, "data-forma": row.outputShape.join(","), "data-parametros": row.parameters, "data-camadas": row.layers }, [
      text(20, y + 24, row.name.length > NAME_LENGTH ? `${row.name.slice(0, NAME_LENGTH - 1)}…` : row.name, { "text-anchor": "start", "font-weight": "bold" }),
      text(20, y + 46, row.kinds, { "text-anchor": "start", "font-size": SMALL_SIZE, fill: COLOURS.muted }),
      element("rect", {
        x: BAR_X + (BAR_MAXIMUM - barWidth) / 2,
        y: y + 8,
        width: barWidth,
        height: ROW_HEIGHT - 18,
        rx: 6,
        fill: index === 0 ? "#dddddd" : (FILLS[mainKind] ?? COLOURS.operation),
        stroke: COLOURS.line,
      }),
      text(BAR_X + BAR_MAXIMUM + 30, y + 36, formatShape(row.outputShape), { "text-anchor": "start", "font-size": LABEL_SIZE }),
      text(WIDTH - 20, y + 36, index === 0 ? "—" : `${formatCount(row.parameters)}`, { "text-anchor": "end", "font-size": LABEL_SIZE }),
    ]);
  });
  const total = rows.reduce((sum, row) => sum + row.parameters, 0);
  const title = options.title ?? `Rede convolucional “${checked.name}”`;
  const header = [
    text(20, 40, "camada / bloco", { "text-anchor": "start", "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    text(BAR_X + BAR_MAXIMUM / 2, 40, "números por imagem (escala log)", { "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    text(BAR_X + BAR_MAXIMUM + 30, 40, "forma da saída", { "text-anchor": "start", "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    text(WIDTH - 20, 40, "parâmetros", { "text-anchor": "end", "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    element("line", { x1: 20, x2: WIDTH - 20, y1: 52, y2: 52, stroke: COLOURS.muted }),
  ];
  const footer = [
    element("line", { x1: 20, x2: WIDTH - 20, y1: height - 56, y2: height - 56, stroke: COLOURS.muted }),
    text(20, height - 24, `total: ${layers.length} camadas`, { "text-anchor": "start" }),
    text(WIDTH - 20, height - 24, `${formatCount(total)} parâmetros`, { "text-anchor": "end", "font-weight": "bold", class: "total", "data-parametros": total }),
  ];
  const last = rows[rows.length - 1] as ConvnetRow;
  return svgDiagram(
    "diagrama-convnet",
    { width: WIDTH, height },
    title,
    `Diagrama de blocos do modelo ${checked.name}: da entrada ${formatShape(rows[0]?.outputShape ?? [])} à saída ` +
      `${formatShape(last.outputShape)}, em ${rows.length - 1} ${options.groupBlocks ?? true ? "blocos ou camadas" : "camadas"}, ` +
      `com a forma da saída e o número de parâmetros de cada um; ${formatCount(total)} parâmetros no total.`,
    [...header, ...body, ...footer],
  );
}

function rowOfLayer(layer: ModelLayerSummary): ConvnetRow {
  return { name: layer.name, kinds: layer.className, outputShape: layer.outputShape, parameters: layer.parameters, layers: 1 };
}

/** Consecutive layers named `blockN_…` become one row; the others stay one row each. */
function groupByBlock(layers: readonly ModelLayerSummary[]): ConvnetRow[] {
  const rows: ConvnetRow[] = [];
  let current: { block: string; members: ModelLayerSummary[] } | undefined;
  const close = (): void => {
    if (current === undefined) return;
    const members = current.members;
    const counts = new Map<string, number>();
    for (const member of members) counts.set(member.className, (counts.get(member.className) ?? 0) + 1);
    rows.push({
      name: current.block,
      kinds: [...counts].map(([kind, count]) => (count === 1 ? kind : `${count} × ${kind}`)).join(" + "),
      outputShape: (members[members.length - 1] as ModelLayerSummary).outputShape,
      parameters: members.reduce((sum, member) => sum + member.parameters, 0),
      layers: members.length,
    });
    current = undefined;
  };
  for (const layer of layers) {
    const block = BLOCK_NAME.exec(layer.name)?.[1];
    if (block !== undefined && current?.block === block) {
      current.members.push(layer);
      continue;
    }
    close();
    if (block === undefined) rows.push(rowOfLayer(layer));
    else current = { block, members: [layer] };
  }
  close();
  return rows;
}
