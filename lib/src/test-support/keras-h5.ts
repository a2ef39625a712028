/**
 * Writes HDF5 files in the layout of Keras' keras-applications weight files, independently
 * of the library's own writer: fixed-length byte-string attributes and the old dataset
 * names (`block1_conv1_W_1:0`, `block1_conv1_b_1:0`) directly inside each layer's group.
 */
import { randomFromState } from "../random/seeded-random";
import { loadH5wasm } from "../pretrained/hdf5-file";

export interface FakeLayer {
  name: string;
  /** Kernel then bias, or none (pooling, input). */
  weights: { shape: number[]; values: Float32Array }[];
}

/** A seeded PRNG (mulberry32) for reproducible fake weights: uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  const random = randomFromState(seed);
  return () => random.uniform();
}

export function randomValues(count: number, random: () => number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = random() * 0.2 - 0.1;
  return values;
}

/** Keras VGG16 "notop": the real layer names and weight shapes, with random values. */
export function fakeVgg16Layers(seed: number): FakeLayer[] {
  const random = mulberry32(seed);
  const blocks: [number, number][] = [[2, 64], [2, 128], [3, 256], [3, 512], [3, 512]];
  const layers: FakeLayer[] = [{ name: "input_1", weights: [] }];
  let channels = 3;
  blocks.forEach(([convolutions, filters], b) => {
    for (let c = 1; c <= convolutions; c++) {
      layers.push({
        name: `block${b + 1}_conv${c}`,
        weights: [
          { shape: [3, 3, channels, filters], values: randomValues(9 * channels * filters, random) },
          { shape: [filters], values: randomValues(filters, random) },
        ],
      });
      channels = filters;
    }
    layers.push({ name: `block${b + 1}_pool`, weights: [] });
  });
  return layers;
}

/** Writes `layers` as a Keras weights file with the old naming (`<layer>_W_1:0`, `<layer>_b_1:0`). */
export async function writeKerasStyleFile(filePath: string, layers: FakeLayer[]): Promise<void> {
  const h5wasm = await loadH5wasm();
  const fixed = (values: string[]): string => `S${Math.max(1, ...values.map((v) => v.length))}`;
  const file = new h5wasm.File(filePath, "w");
  try {
    const names = layers.map((layer) => layer.name);
    file.create_attribute("layer_names", names, [names.length], fixed(names));
    for (const layer of layers) {
      const group = file.create_group(layer.name);
      const weightNames = layer.weights.map((_, i) => `${layer.name}_${i === 0 ? "W" : "b"}_1:0`);
      group.create_attribute("weight_names", weightNames, [weightNames.length], fixed(weightNames));
      layer.weights.forEach((weight, i) => {
        group.create_dataset({ name: weightNames[i] ?? "", data: weight.values, shape: weight.shape, dtype: "<f4" });
      });
    }
  } finally {
    file.close();
  }
}
