/**
 * A dense (fully connected) network drawn from its layer sizes, e.g. [4, 8, 8, 1], or from
 * the `tf.LayersModel` itself (notebook 03's buildMlp, lib/src/mlp/mlp-model.ts, or a
 * tf.sequential of Dense layers): one column of units per layer, every unit joined to every
 * unit of the next layer, with the units, the activation and the parameter count of each layer.
 * Wide layers are drawn with their first units, ⋮ and the last one (the count says how many).
 */
import { ACTIVATION_LABELS, ACTIVATION_NAMES, type ActivationName } from "../activations/activation-functions";
import type * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatCount, visibleUnits } from "./diagram-text";
import { checkLayerSizes } from "./layer-sizes";
import { checkLayersModel, modelInputShape, modelLayerSummaries } from "./model-layers";
import { COLOURS, SMALL_SIZE, element, group, svgDiagram, text } from "./svg-document";

/** One column of the drawing. */
interface DenseColumn {
  units: number;
  /** Weights and biases that arrive at this layer (0 for the input). */
  parameters: number;
  activation?: string;
}

/** Options of {@link denseNetworkDiagram}. */
export interface DenseNetworkDiagramOptions {
  /** At most this many places per column (default 10, at least 3); wider layers are summarised with ⋮. */
  maximumUnitsDrawn?: number;
  /** The diagram's title (default "Rede neural densa"). */
  title?: string;
}

/** Layers that do not change the number of units, drawn as nothing (their effect is on training). */
const PASS_THROUGH_LAYERS = new Set(["Dropout", "Activation", "BatchNormalization", "GaussianNoise", "GaussianDropout", "AlphaDropout"]);

const HEIGHT = 600;
const TOP = 110;
const BOTTOM = 110;

/**
 * Draws a dense network.
 *
 * @example
 * showDiagram(denseNetworkDiagram([4, 8, 8, 1]));
 * showDiagram(denseNetworkDiagram(buildMlp({ sizes: [4, 8, 1] })));
 *
 * @param network The units of each layer, the input first, or a model made of Dense layers
 *   (Dropout and other layers that keep the size are skipped).
 * @throws {InvalidDiagramInputError} For sizes that are not positive integers, fewer than two
 *   layers, or a model with a layer that is not dense (draw it with convnetDiagram).
 */
export function denseNetworkDiagram(network: readonly number[] | tf.LayersModel, options: DenseNetworkDiagramOptions = {}): Diagram {
  const maximum = options.maximumUnitsDrawn ?? 10;
  if (!Number.isInteger(maximum) || maximum < 3) {
    throw new InvalidDiagramInputError(
      `denseNetworkDiagram: maximumUnitsDrawn deve ser um inteiro ≥ 3 (unidades desenhadas por camada); chegou ${String(maximum)}.`,
    );
  }
  const columns = Array.isArray(network) ? columnsFromSizes(network as readonly number[]) : columnsFromModel(network as tf.LayersModel);
  const width = Math.min(1000, Math.max(640, 210 * columns.length));
  const spacing = (width - 160) / (columns.length - 1);
  const columnX = (index: number): number => 80 + index * spacing;
  const placesPerColumn = columns.map((column) => visibleUnits(column.units, maximum));
  const mostPlaces = Math.max(...placesPerColumn.map((places) => places.length));
  const step = (HEIGHT - TOP - BOTTOM) / Math.max(1, mostPlaces - 1);
  const radius = Math.min(22, step * 0.38);
  const placeY = (places: number, place: number): number => TOP + (HEIGHT - TOP - BOTTOM) / 2 + (place - (places - 1) / 2) * step;

  const edges: string[] = [];
  const layers: string[] = [];
  columns.forEach((column, index) => {
    const places = placesPerColumn[index] ?? [];
    const x = columnX(index);
    if (index > 0) {
      const previous = placesPerColumn[index - 1] ?? [];
      previous.forEach((from, i) => {
        if (from === null) return;
        places.forEach((to, j) => {
          if (to === null) return;
          edges.push(
            element("line", {
              x1: columnX(index - 1) + radius,
              y1: placeY(previous.length, i),
              x2: x - radius,
              y2: placeY(places.length, j),
              stroke: "#9a9a9a",
              "stroke-width": 1,
            }),
          );
        });
      });
    }
    const last = index === columns.length - 1;
    const role = index === 0 ? "entrada" : last ? "saída" : `oculta ${index}`;
    const fill = index === 0 ? COLOURS.input : last ? COLOURS.output : COLOURS.hidden;
    const units = places.map((unit, place) =>
      unit === null
        ? text(x, placeY(places.length, place) + 10, "⋮", { "font-size": 30, class: "reticencias" })
        : element("circle", { class: "unidade", cx: x, cy: placeY(places.length, place), r: radius, fill, stroke: COLOURS.line, "stroke-width": 1.5 }),
    );
    const details = [
      `${formatCount(column.units)} unidade${column.units === 1 ? "" : "s"}`,
      ...(column.activation === undefined ? [] : [column.activation]),
      ...(index === 0 ? [] : [`${formatCount(column.parameters)} parâmetros`]),
    ];
    layers.push(
      group({ class: "camada", "data-unidades": column.units, "data-parametros": column.parameters, "data-papel": role }, [
        ...units,
        text(x, 50, role, { "font-weight": "bold" }),
        ...details.map((line, i) => text(x, HEIGHT - BOTTOM + 40 + i * 21, line, { "font-size": SMALL_SIZE })),
      ]),
    );
  });
  const total = columns.reduce((sum, column) => sum + column.parameters, 0);
  const sizes = columns.map((column) => column.units).join(" → ");
  const title = options.title ?? "Rede neural densa";
  return svgDiagram(
    "diagrama-rede-densa",
    { width, height: HEIGHT },
    title,
    `Rede densa com ${columns.length} camadas (${sizes} unidades, da entrada para a saída): cada unidade liga-se a todas ` +
      `as unidades da camada seguinte; ${formatCount(total)} parâmetros (pesos e vieses) no total.`,
    [...edges, ...layers, text(width / 2, 24, `${title} · ${formatCount(total)} parâmetros`, { "font-size": SMALL_SIZE, fill: COLOURS.muted })],
  );
}

function columnsFromSizes(sizes: readonly number[]): DenseColumn[] {
  checkLayerSizes(sizes, "denseNetworkDiagram", 2);
  return sizes.map((units, index) => ({ units, parameters: index === 0 ? 0 : ((sizes[index - 1] as number) + 1) * units }));
}

function columnsFromModel(candidate: tf.LayersModel): DenseColumn[] {
  const model = checkLayersModel(candidate, "denseNetworkDiagram");
  const inputShape = modelInputShape(model);
  if (inputShape.length !== 1) {
    throw new InvalidDiagramInputError(
      `denseNetworkDiagram: uma rede densa recebe vetores, mas a entrada deste modelo tem forma [${inputShape.join(", ")}]. ` +
        `Para imagens e convoluções use convnetDiagram(modelo).`,
    );
  }
  const columns: DenseColumn[] = [{ units: inputShape[0] as number, parameters: 0 }];
  for (const layer of modelLayerSummaries(model)) {
    if (layer.className === "InputLayer" || PASS_THROUGH_LAYERS.has(layer.className)) continue;
    if (layer.className !== "Dense") {
      throw new InvalidDiagramInputError(
        `denseNetworkDiagram: a camada "${layer.name}" é ${layer.className}, não Dense; este diagrama desenha só redes densas. ` +
          `Para redes com convoluções use convnetDiagram(modelo).`,
      );
    }
    const activation = (model.getLayer(layer.name).getConfig() as { activation?: unknown }).activation;
    columns.push({
      units: layer.outputShape[0] as number,
      parameters: layer.parameters,
      ...(typeof activation === "string" ? { activation: activationText(activation) } : {}),
    });
  }
  if (columns.length < 2) {
    throw new InvalidDiagramInputError(`denseNetworkDiagram: o modelo "${model.name}" não tem nenhuma camada Dense para desenhar.`);
  }
  return columns;
}

/** A Keras activation's name as the course writes it (sigmoid → sigmoide); others as they are (softmax). */
function activationText(name: string): string {
  return (ACTIVATION_NAMES as readonly string[]).includes(name) ? ACTIVATION_LABELS[name as ActivationName] : name;
}
