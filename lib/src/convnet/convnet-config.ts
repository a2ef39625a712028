/**
 * A small typed description of a convolutional network, checked before any tensor is
 * made: the output shape of each layer follows from {@link convOutputSize}, and a layer
 * whose feature map would shrink below 1×1 is refused with the layer and the reason.
 */
import { CourseError } from "../errors";
import { convOutputSize } from "./conv-output-size";

export type ConvnetActivation = "relu" | "sigmoid" | "tanh" | "softmax" | "linear" | "elu" | "selu";

interface Conv2dLayerConfig {
  type: "conv2d";
  filters: number;
  kernelSize: number;
  /** Default 1. */
  strides?: number;
  /** Default "valid". */
  padding?: "valid" | "same";
  /** Default "relu". */
  activation?: ConvnetActivation;
}

interface PoolingLayerConfig {
  type: "maxPooling2d" | "averagePooling2d";
  poolSize: number;
  /** Default: poolSize (windows that do not overlap). */
  strides?: number;
  /** Default "valid". */
  padding?: "valid" | "same";
}

interface DenseLayerConfig {
  type: "dense";
  units: number;
  /** Default "relu". */
  activation?: ConvnetActivation;
}

interface DropoutLayerConfig {
  type: "dropout";
  rate: number;
}

interface FlattenLayerConfig {
  type: "flatten";
}

export type ConvnetLayerConfig = Conv2dLayerConfig | PoolingLayerConfig | DenseLayerConfig | DropoutLayerConfig | FlattenLayerConfig;

export interface ConvnetConfig {
  /** [height, width, channels] of one image. */
  inputShape: [number, number, number];
  /** Layers in order; a `flatten` is added by itself before the first `dense` after images. */
  layers: ConvnetLayerConfig[];
  /** Seed of the weight initialisers (default 0), for reproducible trainings. */
  seed?: number;
}

/** One planned layer: its description and output shape (without the batch axis). */
export interface ConvnetLayerPlan {
  /** 1-based position in `config.layers` (0 for an automatic flatten). */
  position: number;
  layer: ConvnetLayerConfig;
  outputShape: number[];
  /** Number of trainable parameters. */
  parameters: number;
}

/** A convnet configuration is invalid. */
export class ConvnetConfigError extends CourseError {
  override name = "ConvnetConfigError";
}

function describeLayer(position: number, layer: ConvnetLayerConfig): string {
  const detail =
    layer.type === "conv2d"
      ? `${layer.filters} filtros ${layer.kernelSize}×${layer.kernelSize}, passo ${layer.strides ?? 1}, padding "${layer.padding ?? "valid"}"`
      : layer.type === "maxPooling2d" || layer.type === "averagePooling2d"
        ? `janela ${layer.poolSize}×${layer.poolSize}, passo ${layer.strides ?? layer.poolSize}, padding "${layer.padding ?? "valid"}"`
        : layer.type === "dense"
          ? `${layer.units} neurônios`
          : layer.type === "dropout"
            ? `taxa ${layer.rate}`
            : "";
  return `camada ${position} (${layer.type}${detail ? `: ${detail}` : ""})`;
}

function positiveInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/**
 * Checks a configuration and computes each layer's output shape and parameter count.
 *
 * @throws {ConvnetConfigError} Naming the layer, e.g. when its feature map would be
 *   smaller than 1×1, a size is not a positive integer, or an image layer follows a dense one.
 */
export function planConvnet(config: ConvnetConfig): ConvnetLayerPlan[] {
  const { inputShape, layers } = config;
  if (!Array.isArray(inputShape) || inputShape.length !== 3 || !inputShape.every(positiveInteger)) {
    throw new ConvnetConfigError(
      `inputShape deve ser [altura, largura, canais] com inteiros ≥ 1; recebi ${JSON.stringify(inputShape)}. ` +
        "Exemplo: [28, 28, 1] para dígitos do MNIST.",
    );
  }
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new ConvnetConfigError("A rede precisa de ao menos uma camada em `layers`; recebi uma lista vazia.");
  }
  const plan: ConvnetLayerPlan[] = [];
  let shape: number[] = [...inputShape];
  layers.forEach((layer, index) => {
    const position = index + 1;
    const where = describeLayer(position, layer);
    const isImage = shape.length === 3;
    const [h = 0, w = 0, c = 0] = shape;
    switch (layer.type) {
      case "conv2d":
      case "maxPooling2d":
      case "averagePooling2d": {
        if (!isImage) {
          throw new ConvnetConfigError(
            `A ${where} espera mapas de características [altura, largura, canais], mas recebe um vetor de ${shape[0]} valores ` +
              "(depois de flatten/dense). Coloque as camadas convolucionais e de pooling antes das densas.",
          );
        }
        const kernel = layer.type === "conv2d" ? layer.kernelSize : layer.poolSize;
        const stride = layer.strides ?? (layer.type === "conv2d" ? 1 : layer.poolSize);
        const padding = layer.padding ?? "valid";
        if (!positiveInteger(kernel) || !positiveInteger(stride) || (layer.type === "conv2d" && !positiveInteger(layer.filters))) {
          throw new ConvnetConfigError(`A ${where} tem um tamanho, passo ou número de filtros que não é inteiro ≥ 1.`);
        }
        if (padding !== "valid" && padding !== "same") {
          throw new ConvnetConfigError(`A ${where} tem padding "${String(padding)}"; use "valid" ou "same".`);
        }
        const outH = convOutputSize(h, kernel, stride, padding);
        const outW = convOutputSize(w, kernel, stride, padding);
        if (outH < 1 || outW < 1) {
          throw new ConvnetConfigError(
            `A ${where} recebe mapas ${h}×${w}, menores que a janela ${kernel}×${kernel} com padding "valid": ` +
              `a saída teria ${outH}×${outW} (⌊(n − k)/s⌋ + 1), menos de 1×1. ` +
              `Use padding "same", uma janela menor, ou menos camadas de pooling antes desta.`,
          );
        }
        const out = layer.type === "conv2d" ? layer.filters : c;
        const parameters = layer.type === "conv2d" ? (kernel * kernel * c + 1) * layer.filters : 0;
        shape = [outH, outW, out];
        plan.push({ position, layer, outputShape: shape, parameters });
        return;
      }
      case "flatten":
      case "dense": {
        let units = shape.reduce((a, b) => a * b, 1);
        if (isImage && layer.type === "dense") {
          plan.push({ position: 0, layer: { type: "flatten" }, outputShape: [units], parameters: 0 });
        }
        if (layer.type === "flatten") {
          plan.push({ position, layer, outputShape: [units], parameters: 0 });
          shape = [units];
          return;
        }
        if (!positiveInteger(layer.units)) {
          throw new ConvnetConfigError(`A ${where} precisa de "units" inteiro ≥ 1; recebi ${String(layer.units)}.`);
        }
        const parameters = (units + 1) * layer.units;
        units = layer.units;
        shape = [units];
        plan.push({ position, layer, outputShape: shape, parameters });
        return;
      }
      case "dropout": {
        if (typeof layer.rate !== "number" || !(layer.rate >= 0 && layer.rate < 1)) {
          throw new ConvnetConfigError(`A ${where} precisa de uma taxa entre 0 (inclusive) e 1 (exclusive); recebi ${String(layer.rate)}.`);
        }
        plan.push({ position, layer, outputShape: shape, parameters: 0 });
        return;
      }
      default: {
        const unknown = (layer as { type?: unknown }).type;
        throw new ConvnetConfigError(
          `A camada ${position} tem tipo desconhecido "${String(unknown)}". ` +
            'Tipos aceitos: "conv2d", "maxPooling2d", "averagePooling2d", "flatten", "dense", "dropout".',
        );
      }
    }
  });
  return plan;
}
