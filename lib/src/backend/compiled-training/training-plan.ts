/**
 * What a compiled training step needs to know about a model, read from tfjs-layers' own
 * objects: the chain of layers (each a kind ./training-graph.ts knows how to differentiate),
 * the weights in the order tfjs trains them, the loss, the metrics and the optimizer.
 *
 * A model outside this set (another layer or loss, regularizers, constraints, sample
 * weights, a nested model, an optimizer other than SGD and Adam…) gets a reason instead of a
 * plan, and `fit` trains it with tfjs's own step, unchanged.
 */
import type { LayerVariable, Variable } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";

export type Activation = "linear" | "relu" | "sigmoid" | "tanh" | "softmax";
type LossName = "categoricalCrossentropy" | "binaryCrossentropy" | "meanSquaredError";
type MetricName = "categoricalAccuracy" | "binaryAccuracy" | "meanSquaredError" | "meanAbsoluteError";
type Padding = "SAME" | "VALID";

/** A weight of a planned layer: its tfjs variable, and whether this fit trains it. */
export interface PlannedWeight {
  readonly variable: LayerVariable;
  readonly trainable: boolean;
}

export type PlannedLayer =
  | { readonly kind: "dense"; readonly kernel: PlannedWeight; readonly bias: PlannedWeight | null; readonly activation: Activation }
  | {
      readonly kind: "conv2d";
      readonly kernel: PlannedWeight;
      readonly bias: PlannedWeight | null;
      readonly activation: Activation;
      readonly strides: readonly [number, number];
      readonly padding: Padding;
      readonly kernelShape: readonly number[];
    }
  | { readonly kind: "maxPool"; readonly poolSize: readonly [number, number]; readonly strides: readonly [number, number]; readonly padding: Padding }
  | { readonly kind: "flatten"; readonly units: number }
  | { readonly kind: "dropout"; readonly rate: number; readonly seed: number | undefined; readonly featureShape: readonly number[] }
  | { readonly kind: "activation"; readonly activation: Activation };

type PlannedOptimizer =
  | { readonly kind: "sgd"; readonly learningRate: number }
  | { readonly kind: "adam"; readonly learningRate: number; readonly beta1: number; readonly beta2: number; readonly epsilon: number };

export interface TrainingPlan {
  readonly layers: readonly PlannedLayer[];
  /** Every weight of the planned layers, in layer order (the function's weight inputs). */
  readonly weights: readonly PlannedWeight[];
  /** The trained weights, in tfjs's order (`collectedTrainableWeights`: the optimizer's slots). */
  readonly trained: readonly LayerVariable[];
  readonly loss: LossName;
  readonly metrics: readonly MetricName[];
  readonly optimizer: PlannedOptimizer;
  /** tfjs-layers' fuzz factor (`epsilon()`), used by the cross-entropies' clipping. */
  readonly epsilon: number;
}

type LayersModel = InstanceType<TensorFlowModule["LayersModel"]>;
type Layer = LayersModel["layers"][number];

/** The parts of tfjs-layers' objects read here that its public types do not show. */
interface LayerInternals {
  readonly inboundNodes: ReadonlyArray<{ readonly inboundLayers: readonly Layer[]; readonly inputTensors: ReadonlyArray<{ readonly shape: ReadonlyArray<number | null> }> }>;
  readonly kernel?: LayerVariable;
  readonly bias?: LayerVariable | null;
}
interface ModelInternals {
  readonly loss: unknown;
  readonly metrics: unknown;
  readonly collectedTrainableWeights: readonly LayerVariable[];
  readonly optimizer_: unknown;
}

export type PlanResult = { readonly plan: TrainingPlan } | { readonly reason: string };

class Unsupported extends Error {}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

const ACTIVATIONS: readonly string[] = ["linear", "relu", "sigmoid", "tanh", "softmax"];

function activationOf(config: Record<string, unknown>): Activation {
  const name = String(config["activation"] ?? "linear").toLowerCase();
  return ACTIVATIONS.includes(name) ? (name as Activation) : unsupported(`ativação ${name}`);
}

function pair(value: unknown, what: string): readonly [number, number] {
  if (typeof value === "number") return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number")) return [value[0] as number, value[1] as number];
  return unsupported(`${what} ${JSON.stringify(value)}`);
}

function paddingOf(config: Record<string, unknown>): Padding {
  if (config["padding"] === "same") return "SAME";
  if (config["padding"] === "valid") return "VALID";
  return unsupported(`padding ${String(config["padding"])}`);
}

function noExtras(config: Record<string, unknown>, layerName: string): void {
  for (const key of ["kernelRegularizer", "biasRegularizer", "activityRegularizer", "kernelConstraint", "biasConstraint"]) {
    if (config[key] != null) unsupported(`${key} em ${layerName}`);
  }
}

function channelsLast(config: Record<string, unknown>, layerName: string): void {
  if (config["dataFormat"] !== undefined && config["dataFormat"] !== "channelsLast") unsupported(`dataFormat ${String(config["dataFormat"])} em ${layerName}`);
}

function inputShapeOf(layer: Layer): ReadonlyArray<number | null> {
  const node = (layer as unknown as LayerInternals).inboundNodes[0];
  const shape = node?.inputTensors[0]?.shape;
  return shape ?? unsupported(`camada ${layer.name} sem entrada conhecida`);
}

function planLayer(layer: Layer, weight: (variable: LayerVariable | null | undefined) => PlannedWeight | null): PlannedLayer | null {
  const config = layer.getConfig() as Record<string, unknown>;
  const internals = layer as unknown as LayerInternals;
  const className = layer.getClassName();
  switch (className) {
    case "InputLayer":
      return null;
    case "Dense": {
      noExtras(config, layer.name);
      if (inputShapeOf(layer).length !== 2) unsupported(`Dense ${layer.name} com entrada de posto ≠ 2`);
      const kernel = weight(internals.kernel) ?? unsupported(`Dense ${layer.name} sem kernel`);
      return { kind: "dense", kernel, bias: weight(internals.bias), activation: activationOf(config) };
    }
    case "Conv2D": {
      noExtras(config, layer.name);
      channelsLast(config, layer.name);
      const dilation = pair(config["dilationRate"] ?? 1, "dilationRate");
      if (dilation[0] !== 1 || dilation[1] !== 1) unsupported(`dilationRate em ${layer.name}`);
      const kernel = weight(internals.kernel) ?? unsupported(`Conv2D ${layer.name} sem kernel`);
      return {
        kind: "conv2d",
        kernel,
        bias: weight(internals.bias),
        activation: activationOf(config),
        strides: pair(config["strides"] ?? 1, "strides"),
        padding: paddingOf(config),
        kernelShape: kernel.variable.shape.map((size) => size ?? unsupported(`forma do kernel de ${layer.name}`)),
      };
    }
    case "MaxPooling2D": {
      channelsLast(config, layer.name);
      const poolSize = pair(config["poolSize"], "poolSize");
      return { kind: "maxPool", poolSize, strides: pair(config["strides"] ?? poolSize, "strides"), padding: paddingOf(config) };
    }
    case "Flatten": {
      channelsLast(config, layer.name);
      const shape = inputShapeOf(layer).slice(1);
      if (shape.some((size) => size === null)) unsupported(`Flatten ${layer.name} com forma desconhecida`);
      return { kind: "flatten", units: (shape as number[]).reduce((a, b) => a * b, 1) };
    }
    case "Dropout": {
      if (config["noiseShape"] != null) unsupported(`noiseShape em ${layer.name}`);
      const rate = Number(config["rate"]);
      const featureShape = inputShapeOf(layer).slice(1);
      if (featureShape.some((size) => size === null)) unsupported(`Dropout ${layer.name} com forma desconhecida`);
      const seed = typeof config["seed"] === "number" ? config["seed"] : undefined;
      // tfjs skips dropout entirely outside 0 < rate < 1.
      return rate > 0 && rate < 1 ? { kind: "dropout", rate, seed, featureShape: featureShape as readonly number[] } : { kind: "activation", activation: "linear" };
    }
    case "Activation":
      return { kind: "activation", activation: activationOf(config) };
    default:
      return unsupported(`camada ${className}`);
  }
}

function lossOf(loss: unknown): LossName {
  const name = Array.isArray(loss) && loss.length === 1 ? loss[0] : loss;
  if (name === "categoricalCrossentropy" || name === "binaryCrossentropy" || name === "meanSquaredError") return name;
  return unsupported(`perda ${typeof name === "string" ? name : "definida por função"}`);
}

function metricsOf(metrics: unknown, loss: LossName, outputUnits: number): MetricName[] {
  if (metrics == null) return [];
  const list = Array.isArray(metrics) ? metrics : typeof metrics === "string" ? [metrics] : unsupported("métricas por saída");
  return list.map((metric: unknown): MetricName => {
    if (metric === "accuracy" || metric === "acc") {
      // The choice tfjs-layers makes in LayersModel.compile.
      return outputUnits === 1 || loss === "binaryCrossentropy" ? "binaryAccuracy" : "categoricalAccuracy";
    }
    if (metric === "mse" || metric === "MSE" || metric === "meanSquaredError") return "meanSquaredError";
    if (metric === "mae" || metric === "MAE" || metric === "meanAbsoluteError") return "meanAbsoluteError";
    return unsupported(`métrica ${typeof metric === "string" ? metric : "definida por função"}`);
  });
}

function optimizerOf(tf: TensorFlowModule, optimizer: unknown): PlannedOptimizer {
  // tfjs's optimizer classes answer `instanceof` by duck typing (Symbol.hasInstance): compare
  // prototypes, which also leaves out subclasses that may change the update.
  const prototype: unknown = optimizer === null || typeof optimizer !== "object" ? null : Object.getPrototypeOf(optimizer);
  if (prototype === tf.AdamOptimizer.prototype) {
    const adam = optimizer as unknown as { learningRate: number; beta1: number; beta2: number; epsilon: number };
    return { kind: "adam", learningRate: adam.learningRate, beta1: adam.beta1, beta2: adam.beta2, epsilon: adam.epsilon };
  }
  if (prototype === tf.SGDOptimizer.prototype) {
    return { kind: "sgd", learningRate: (optimizer as unknown as { learningRate: number }).learningRate };
  }
  return unsupported(`otimizador ${(optimizer as { constructor?: { name?: string } } | null)?.constructor?.name ?? "desconhecido"}`);
}

/** Reads `model`'s plan, or why its training cannot be compiled. */
export function planTraining(tf: TensorFlowModule, model: LayersModel): PlanResult {
  try {
    const internals = model as unknown as ModelInternals;
    if (model.inputs.length !== 1 || model.outputs.length !== 1) unsupported("modelo com várias entradas ou saídas");
    const trained = internals.collectedTrainableWeights;
    const weights: PlannedWeight[] = [];
    const weight = (variable: LayerVariable | null | undefined): PlannedWeight | null => {
      if (variable == null) return null;
      if (variable.dtype !== "float32") unsupported(`peso ${variable.name} do tipo ${variable.dtype}`);
      const planned = { variable, trainable: trained.includes(variable) };
      weights.push(planned);
      return planned;
    };
    const layers: PlannedLayer[] = [];
    let previous: Layer | null = null;
    for (const layer of model.layers) {
      const inbound = (layer as unknown as LayerInternals).inboundNodes;
      if (previous !== null && (inbound.length !== 1 || inbound[0]?.inboundLayers.length !== 1 || inbound[0]?.inboundLayers[0] !== previous)) {
        unsupported(`camada ${layer.name} fora de uma cadeia simples`);
      }
      const planned = planLayer(layer, weight);
      if (planned !== null) layers.push(planned);
      previous = layer;
    }
    if (weights.filter((w) => w.trainable).length !== trained.length) unsupported("pesos treináveis fora das camadas conhecidas");
    if (!trained.every((variable) => variable.dtype === "float32")) unsupported("pesos que não são float32");
    const loss = lossOf(internals.loss);
    const outputShape = model.outputs[0]?.shape ?? [];
    const outputUnits = outputShape[outputShape.length - 1] ?? 0;
    const metrics = metricsOf(internals.metrics, loss, outputUnits);
    const epsilon = (tf.backend() as unknown as { epsilon(): number }).epsilon();
    return { plan: { layers, weights, trained, loss, metrics, optimizer: optimizerOf(tf, internals.optimizer_), epsilon } };
  } catch (error) {
    if (error instanceof Unsupported) return { reason: error.message };
    throw error;
  }
}

/** The tfjs tensors a step reads: the current value of each weight. */
export function currentValues(weights: readonly PlannedWeight[]): Variable[] {
  return weights.map((weight) => weight.variable.read() as Variable);
}

