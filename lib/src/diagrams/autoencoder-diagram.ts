/**
 * An autoencoder drawn from its layer sizes, e.g. [784, 128, 32, 128, 784], or from the
 * `tf.LayersModel`: one bar per layer, as tall as the (square root of the) numbers one
 * example has there, the encoder narrowing to the bottleneck (the code) and the decoder
 * widening back to the input's size.
 */
import type * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatCount, formatShape } from "./diagram-text";
import { checkLayerSizes } from "./layer-sizes";
import { checkLayersModel, modelInputShape, modelLayerSummaries, unitCount } from "./model-layers";
import { COLOURS, SMALL_SIZE, element, group, svgDiagram, text } from "./svg-document";

/** One bar of the drawing. */
interface AutoencoderLayer {
  name: string;
  shape: number[];
  units: number;
  parameters: number;
}

const WIDTH = 1000;
const HEIGHT = 560;
const BAR_TOP = 100;
const BAR_SPACE = 300;
const BAR_WIDTH = 46;

/**
 * Draws an autoencoder and marks its bottleneck (the narrowest layer).
 *
 * @example
 * showDiagram(autoencoderDiagram([784, 128, 32, 128, 784]));
 *
 * @param network The units of each layer (input first, output last), or the model.
 * @throws {InvalidDiagramInputError} For sizes that are not positive integers, fewer than three
 *   layers, or a network whose narrowest layer is the input or the output (no bottleneck).
 */
export function autoencoderDiagram(network: readonly number[] | tf.LayersModel): Diagram {
  const layers = Array.isArray(network) ? layersFromSizes(network as readonly number[]) : layersFromModel(network as tf.LayersModel);
  const smallest = Math.min(...layers.map((layer) => layer.units));
  const bottleneck = layers.findIndex((layer) => layer.units === smallest);
  if (bottleneck === 0 || bottleneck === layers.length - 1) {
    throw new InvalidDiagramInputError(
      `autoencoderDiagram: um autoencoder estreita no meio (o gargalo, menor que a entrada e a saída), mas aqui a camada mais estreita ` +
        `é a ${bottleneck === 0 ? "entrada" : "saída"} (tamanhos ${layers.map((layer) => layer.units).join(", ")}). ` +
        `Confira a ordem das camadas: por exemplo [784, 128, 32, 128, 784].`,
    );
  }
  const largest = Math.max(...layers.map((layer) => Math.sqrt(layer.units)));
  const spacing = (WIDTH - 160) / (layers.length - 1);
  const barX = (index: number): number => 80 + index * spacing - BAR_WIDTH / 2;
  const barHeight = (units: number): number => Math.max(14, (BAR_SPACE * Math.sqrt(units)) / largest);
  const middle = BAR_TOP + BAR_SPACE / 2;
  const body: string[] = [];
  layers.forEach((layer, index) => {
    const h = barHeight(layer.units);
    const x = barX(index);
    if (index > 0) {
      const previous = barHeight((layers[index - 1] as AutoencoderLayer).units);
      const px = barX(index - 1) + BAR_WIDTH;
      body.push(
        element("polygon", {
          points: `${px},${middle - previous / 2} ${x},${middle - h / 2} ${x},${middle + h / 2} ${px},${middle + previous / 2}`,
          fill: index <= bottleneck ? "#dcecf7" : "#f7e6cc",
          stroke: "none",
        }),
      );
    }
    const role = index === 0 ? "entrada" : index === layers.length - 1 ? "saída" : index === bottleneck ? "código" : layer.name;
    const fill = index === bottleneck ? COLOURS.bottleneck : index === 0 ? COLOURS.input : index === layers.length - 1 ? COLOURS.output : COLOURS.hidden;
    body.push(
      group({ class: index === bottleneck ? "camada gargalo" : "camada", "data-unidades": layer.units, "data-parametros": layer.parameters }, [
        element("rect", { x, y: middle - h / 2, width: BAR_WIDTH, height: h, rx: 4, fill, stroke: COLOURS.line, "stroke-width": 1.5 }),
        text(x + BAR_WIDTH / 2, BAR_TOP + BAR_SPACE + 36, formatShape(layer.shape), { "font-size": SMALL_SIZE }),
        text(x + BAR_WIDTH / 2, BAR_TOP + BAR_SPACE + 60, role, { "font-size": SMALL_SIZE, "font-weight": index === bottleneck ? "bold" : undefined }),
        index === 0 ? "" : text(x + BAR_WIDTH / 2, BAR_TOP + BAR_SPACE + 84, `${formatCount(layer.parameters)} par.`, { "font-size": SMALL_SIZE, fill: COLOURS.muted }),
      ]),
    );
  });
  const bottleneckCentre = barX(bottleneck) + BAR_WIDTH / 2;
  body.push(
    text((80 + bottleneckCentre) / 2, 50, "codificador", { "font-weight": "bold", fill: "#0072B2" }),
    text((bottleneckCentre + WIDTH - 80) / 2, 50, "decodificador", { "font-weight": "bold", fill: "#9a5a00" }),
    text(bottleneckCentre, 80, `gargalo: ${formatCount(smallest)}`, { "font-weight": "bold", fill: COLOURS.bottleneck }),
    text(WIDTH / 2, HEIGHT - 20, "a saída tenta reconstruir a entrada passando pelo código, bem menor que ela", { "font-size": SMALL_SIZE, fill: COLOURS.muted }),
  );
  const sizes = layers.map((layer) => layer.units).join(" → ");
  return svgDiagram(
    "diagrama-autoencoder",
    { width: WIDTH, height: HEIGHT },
    "Autoencoder e seu gargalo",
    `Autoencoder com ${layers.length} camadas (${sizes} números por exemplo): o codificador estreita a entrada de ` +
      `${formatCount((layers[0] as AutoencoderLayer).units)} números até o código de ${formatCount(smallest)} (o gargalo), ` +
      `e o decodificador a reconstrói com ${formatCount((layers[layers.length - 1] as AutoencoderLayer).units)} números.`,
    body,
  );
}

function layersFromSizes(sizes: readonly number[]): AutoencoderLayer[] {
  checkLayerSizes(sizes, "autoencoderDiagram", 3);
  return sizes.map((units, index) => ({
    name: `camada ${index}`,
    shape: [units],
    units,
    parameters: index === 0 ? 0 : ((sizes[index - 1] as number) + 1) * units,
  }));
}

/** Every layer that changes the size becomes a bar (Dropout and the like are skipped). */
function layersFromModel(candidate: tf.LayersModel): AutoencoderLayer[] {
  const model = checkLayersModel(candidate, "autoencoderDiagram");
  const inputShape = modelInputShape(model);
  const layers: AutoencoderLayer[] = [{ name: "entrada", shape: inputShape, units: unitCount(inputShape), parameters: 0 }];
  for (const layer of modelLayerSummaries(model)) {
    if (layer.className === "InputLayer") continue;
    const previous = layers[layers.length - 1] as AutoencoderLayer;
    if (layer.parameters === 0 && unitCount(layer.outputShape) === previous.units) {
      // Reshape, Flatten, Dropout: same numbers, no weights. Keep the last shape the student sees.
      previous.shape = layer.outputShape;
      continue;
    }
    layers.push({ name: layer.name, shape: layer.outputShape, units: unitCount(layer.outputShape), parameters: layer.parameters });
  }
  if (layers.length < 3) {
    throw new InvalidDiagramInputError(
      `autoencoderDiagram: o modelo "${model.name}" tem ${layers.length} camada(s) que mudam o tamanho; um autoencoder precisa de ` +
        `entrada, código e saída (ao menos 3).`,
    );
  }
  return layers;
}
