/**
 * What the diagrams read from a `tf.LayersModel`: each layer's name, kind, output shape and
 * number of parameters, the same numbers `model.summary()` prints (its "Output shape" and
 * "Param #" columns come from `layer.outputShape` and `layer.countParams()`).
 */
import type * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import { describeValue } from "./layer-sizes";

/** One layer of a model, as a diagram draws it. */
export interface ModelLayerSummary {
  name: string;
  /** Keras' class name: `Dense`, `Conv2D`, `MaxPooling2D`, `InputLayer`, … */
  className: string;
  /** The output shape without the batch axis, e.g. [112, 112, 64]. */
  outputShape: number[];
  /** `layer.countParams()`: trainable and frozen weights together. */
  parameters: number;
}

/**
 * Checks that `model` is a `tf.LayersModel` (built with tf.sequential, tf.model or a
 * course builder) and returns it typed.
 *
 * @throws {InvalidDiagramInputError} For anything else.
 */
export function checkLayersModel(model: unknown, what: string): tf.LayersModel {
  const candidate = model as Partial<tf.LayersModel> | null;
  if (typeof candidate !== "object" || candidate === null || !Array.isArray(candidate.layers) || typeof candidate.countParams !== "function") {
    throw new InvalidDiagramInputError(
      `${what}: esperava um modelo tf.LayersModel (de tf.sequential, tf.model ou buildConvnet/buildVgg16), ` +
        `mas chegou ${describeValue(model)}. Passe o modelo já construído (com a forma da entrada definida).`,
    );
  }
  return candidate as tf.LayersModel;
}

/**
 * The model's layers in order, the input layer included when the model has one. A model
 * used as a layer (an encoder and a decoder in one tf.sequential, as notebook 11 builds its
 * autoencoder; a base and a head) gives its own layers, in order, without its input layer.
 */
export function modelLayerSummaries(model: tf.LayersModel): ModelLayerSummary[] {
  return model.layers.flatMap((layer) => {
    if (isLayersModel(layer)) return modelLayerSummaries(layer).filter((inner) => inner.className !== "InputLayer");
    return [
      {
        name: layer.name,
        className: layer.getClassName(),
        outputShape: withoutBatchAxis(layer.outputShape),
        parameters: layer.countParams(),
      },
    ];
  });
}

/** Whether a layer is itself a model (tf.Sequential and tf.LayersModel are layers too). */
function isLayersModel(layer: tf.layers.Layer): layer is tf.layers.Layer & tf.LayersModel {
  return Array.isArray((layer as Partial<tf.LayersModel>).layers);
}

/** The model's input shape without the batch axis (the first input's). */
export function modelInputShape(model: tf.LayersModel): number[] {
  const shape = model.inputs[0]?.shape ?? [];
  return shape.slice(1).map((size) => size ?? 0);
}

/** A layer's (first) output shape without its batch axis; a layer with several outputs gives its first. */
function withoutBatchAxis(shape: tf.Shape | tf.Shape[]): number[] {
  const isListOfShapes = shape.length > 0 && Array.isArray(shape[0]);
  const single = isListOfShapes ? ((shape as tf.Shape[])[0] ?? []) : (shape as tf.Shape);
  return single.slice(1).map((size) => size ?? 0);
}

/** How many numbers one example has at a layer's output: the product of its shape. */
export function unitCount(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}
