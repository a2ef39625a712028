/**
 * Writes a model's weights as a Keras HDF5 weights file (the layout
 * {@link readKerasWeights} reads and `keras.Model.load_weights` understands).
 */
import path from "node:path";
import * as tf from "../tf";
import { describeThrown } from "../errors";
import { replaceFileAtomically } from "../files/replace-file-atomically";
import { loadH5wasm } from "./hdf5-file";
import { WeightsFileError } from "./pretrained-errors";

/** Fixed-length byte strings, as h5py writes `layer_names` and `weight_names`. */
function fixedStringType(values: string[]): string {
  return `S${Math.max(1, ...values.map((value) => Buffer.byteLength(value)))}`;
}

/**
 * Saves every layer's weights (`layer/kernel:0`, `layer/bias:0`, …) into `filePath`,
 * atomically (lib/src/files/replace-file-atomically.js).
 *
 * @throws {WeightsFileError} When the file cannot be written.
 */
export async function saveKerasWeights(model: tf.LayersModel, filePath: string): Promise<void> {
  const h5wasm = await loadH5wasm();
  const target = path.resolve(filePath);
  try {
    await replaceFileAtomically(target, (temporary) => writeWeights(h5wasm, model, temporary));
  } catch (error) {
    throw new WeightsFileError(`Não consegui gravar os pesos em "${target}": ${describeThrown(error)}. Verifique a pasta e a permissão de escrita.`, {
      cause: error,
    });
  }
}

function writeWeights(h5wasm: Awaited<ReturnType<typeof loadH5wasm>>, model: tf.LayersModel, temporary: string): void {
  const file = new h5wasm.File(temporary, "w");
  try {
    const layerNames = model.layers.map((layer) => layer.name);
    file.create_attribute("layer_names", layerNames, [layerNames.length], fixedStringType(layerNames));
    file.create_attribute("backend", "tensorflow");
    file.create_attribute("keras_version", "2.15.0");
    for (const layer of model.layers) {
      const group = file.create_group(layer.name);
      const names = layer.weights.map((variable) => `${layer.name}/${variable.originalName.split("/").pop() ?? "w"}:0`);
      group.create_attribute("weight_names", names, [names.length], fixedStringType(names));
      layer.weights.forEach((variable, index) => {
        const [, weightName] = (names[index] ?? "").split("/");
        const inner = group.get(layer.name) ?? group.create_group(layer.name);
        const values = variable.read().dataSync() as Float32Array;
        (inner as InstanceType<typeof h5wasm.Group>).create_dataset({
          name: weightName ?? "w:0",
          data: values,
          shape: [...variable.shape] as number[],
          dtype: "<f4",
        });
      });
    }
  } finally {
    file.close();
  }
}
