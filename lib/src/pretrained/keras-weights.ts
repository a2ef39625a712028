/**
 * Keras weights in HDF5 (the `model.save_weights("x.h5")` layout of Keras 2 and of the
 * keras-applications files): the root attribute `layer_names` lists the layers; each
 * layer is a group whose attribute `weight_names` lists its datasets, named either in the
 * old style (`block1_conv1_W_1:0`, `block1_conv1_b_1:0`) or the newer one
 * (`block1_conv1/kernel:0`, `block1_conv1/bias:0`). Full-model files keep the same tree
 * under `model_weights/`.
 */
import * as tf from "../tf";
import { checkHdf5File, loadH5wasm, type H5wasmModule } from "./hdf5-file";
import { WeightsFileError } from "./pretrained-errors";

/** One weight array of one layer, as stored in the file. */
export interface KerasWeightArray {
  /** The dataset's name inside the layer's group, e.g. `block1_conv1_W_1:0`. */
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The weight arrays of one layer, in the file's order. */
export interface KerasLayerWeights {
  layer: string;
  weights: KerasWeightArray[];
}

/** What {@link loadKerasWeights} did. */
export interface KerasWeightsReport {
  /** Model layers that received weights, in the model's order. */
  loadedLayers: string[];
  /** Number of numbers copied into the model. */
  parameterCount: number;
  /** Layers with weights in the file but not in the model (ignored). */
  unusedLayers: string[];
}

type H5Group = InstanceType<H5wasmModule["Group"]>;

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (item instanceof Uint8Array ? Buffer.from(item).toString("utf8") : String(item)).replace(/\0+$/, ""));
}

function attributeList(group: H5Group, name: string): string[] | undefined {
  const attrs = group.attrs;
  if (!(name in attrs)) return undefined;
  return stringList(attrs[name]?.value);
}

/**
 * Reads every layer's weights from a Keras HDF5 weights file.
 *
 * @param filePath The `.h5` file.
 * @throws {WeightsFileError} When the file is not HDF5, is truncated, or lacks the Keras
 *   layout (`layer_names`, `weight_names`, datasets).
 */
export async function readKerasWeights(filePath: string): Promise<KerasLayerWeights[]> {
  checkHdf5File(filePath);
  const h5wasm = await loadH5wasm();
  const file = new h5wasm.File(filePath, "r");
  try {
    let root: H5Group = file;
    let layerNames = attributeList(file, "layer_names");
    if (layerNames === undefined) {
      const nested = file.get("model_weights");
      if (nested instanceof h5wasm.Group) {
        root = nested;
        layerNames = attributeList(nested, "layer_names");
      }
    }
    if (layerNames === undefined) {
      throw new WeightsFileError(
        `"${filePath}" é HDF5 mas não é um arquivo de pesos do Keras: falta o atributo "layer_names" na raiz ` +
          `(encontrei os grupos ${JSON.stringify(file.keys().slice(0, 10))}). Use um arquivo salvo por model.save_weights do Keras.`,
      );
    }
    return layerNames.map((layer) => {
      const group = root.get(layer);
      if (!(group instanceof h5wasm.Group)) {
        throw new WeightsFileError(`"${filePath}" lista a camada "${layer}" em layer_names, mas não tem o grupo "${layer}". O arquivo está corrompido.`);
      }
      const weightNames = attributeList(group, "weight_names") ?? [];
      const weights = weightNames.map((name) => {
        const dataset = group.get(name);
        if (!(dataset instanceof h5wasm.Dataset)) {
          throw new WeightsFileError(
            `"${filePath}": a camada "${layer}" lista o peso "${name}", mas o conjunto de dados "${layer}/${name}" não existe. O arquivo está corrompido.`,
          );
        }
        const shape = [...(dataset.shape ?? [])];
        const raw = dataset.value;
        const values = raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
        if (values.length !== shape.reduce((product, size) => product * size, 1)) {
          throw new WeightsFileError(`"${filePath}": o peso "${layer}/${name}" tem forma [${shape.join(", ")}] mas ${values.length} valores.`);
        }
        return { name, shape, values };
      });
      return { layer, weights };
    });
  } finally {
    file.close();
  }
}

/** "kernel", "bias" or the weight's own name, from a dataset name in either Keras style. */
export function kerasWeightRole(name: string): string {
  const last = name.split("/").pop() ?? name;
  const base = last.replace(/:\d+$/, "");
  if (/^kernel$|(^|_)W(_\d+)?$/.test(base)) return "kernel";
  if (/^bias$|(^|_)b(_\d+)?$/.test(base)) return "bias";
  return base;
}

function variableRole(variable: tf.LayerVariable): string {
  return variable.originalName.split("/").pop() ?? variable.originalName;
}

const shapeText = (shape: readonly (number | null)[]): string => `[${shape.join(", ")}]`;

/**
 * Copies the weights of a Keras HDF5 file into `model`, layer by layer **by name** and
 * weight by weight by role (kernel, bias) **and shape**. Every model layer that has weights
 * must be in the file; file layers the model lacks are reported, not loaded.
 *
 * @returns Which layers were loaded and how many numbers were copied.
 * @throws {WeightsFileError} When the file is unusable, a model layer is missing from it,
 *   or a weight's shape differs (the message names the layer and both shapes).
 */
export async function loadKerasWeights(model: tf.LayersModel, filePath: string): Promise<KerasWeightsReport> {
  const fileLayers = new Map((await readKerasWeights(filePath)).map((entry) => [entry.layer, entry]));
  const layersWithWeights = model.layers.filter((layer) => layer.weights.length > 0);
  const missing = layersWithWeights.map((layer) => layer.name).filter((name) => !fileLayers.has(name));
  if (missing.length > 0) {
    throw new WeightsFileError(
      `O arquivo "${filePath}" não tem pesos para ${missing.length} camada(s) do modelo "${model.name}": ${missing.join(", ")}. ` +
        `O arquivo tem: ${[...fileLayers.keys()].join(", ") || "(nenhuma camada)"}. ` +
        "Confira se o arquivo é do mesmo modelo (por exemplo, o VGG16 \"notop\" para o VGG16 sem o topo).",
    );
  }
  const plan: { layer: tf.layers.Layer; weights: KerasWeightArray[] }[] = [];
  let parameterCount = 0;
  for (const layer of layersWithWeights) {
    const stored = fileLayers.get(layer.name)?.weights ?? [];
    const byRole = new Map(stored.map((weight) => [kerasWeightRole(weight.name), weight]));
    if (stored.length !== layer.weights.length || byRole.size !== stored.length) {
      throw new WeightsFileError(
        `A camada "${layer.name}" tem ${layer.weights.length} pesos (${layer.weights.map(variableRole).join(", ")}), ` +
          `mas o arquivo tem ${stored.length} para ela (${stored.map((weight) => weight.name).join(", ")}).`,
      );
    }
    const values = layer.weights.map((variable) => {
      const weight = byRole.get(variableRole(variable));
      if (weight === undefined) {
        throw new WeightsFileError(
          `A camada "${layer.name}" espera o peso "${variableRole(variable)}", que não está no arquivo (há ${stored.map((w) => w.name).join(", ")}).`,
        );
      }
      if (shapeText(weight.shape) !== shapeText(variable.shape)) {
        throw new WeightsFileError(
          `Forma incompatível na camada "${layer.name}", peso "${variableRole(variable)}": o modelo espera ${shapeText(variable.shape)}, ` +
            `o arquivo tem ${shapeText(weight.shape)} ("${weight.name}"). Construa o modelo com a mesma arquitetura (e o mesmo número de canais de entrada) do arquivo.`,
        );
      }
      parameterCount += weight.values.length;
      return weight;
    });
    plan.push({ layer, weights: values });
  }
  // Only after every check passed: the model is changed all at once or not at all.
  for (const { layer, weights } of plan) {
    const values = weights.map((weight) => tf.tensor(weight.values, weight.shape, "float32"));
    layer.setWeights(values); // copies the values into the layer's variables
    tf.dispose(values);
  }
  const modelNames = new Set(model.layers.map((layer) => layer.name));
  const unusedLayers = [...fileLayers.values()]
    .filter((entry) => entry.weights.length > 0 && !modelNames.has(entry.layer))
    .map((entry) => entry.layer);
  return { loadedLayers: plan.map((entry) => entry.layer.name), parameterCount, unusedLayers };
}
