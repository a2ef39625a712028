/**
 * Galaxy10 DECaLS (Leung & Bovy; images from the DESI Legacy Imaging Surveys, labels from
 * Galaxy Zoo): 17,736 colour images 256×256×3 (g, r, z) in 10 morphology classes, one
 * HDF5 file of 2.54 GB with datasets `images` (uint8, N×256×256×3) and `ans` (class
 * 0–9), plus `ra`, `dec`, `redshift`, `pxscale`. See https://astronn.readthedocs.io/en/latest/galaxy10.html
 *
 * The file is downloaded once into a cache and checked by SHA-256; subsets are read with
 * HDF5 hyperslabs (h5wasm `slice`), so a notebook never holds the 2.5 GB in memory.
 */
import { courseCacheDirectory } from "../files/cache-directory";
import path from "node:path";
import { describeThrown } from "../errors";
import { downloadToCache } from "../files/cached-download";
import { Galaxy10Error } from "./galaxy10-errors";
import { isH5Dataset, loadH5Wasm, type H5Dataset, type H5File } from "./h5wasm-module";
import { readShippedGalaxyImages } from "../galaxy-images/shipped-galaxy-images";

/** Where astroNN's author publishes the file. */
const GALAXY10_URL = "https://astro.utoronto.ca/~hleung/shared/Galaxy10/Galaxy10_DECals.h5";
/** SHA-256 published with the file (astroNN documentation). */
const GALAXY10_SHA256 = "19aefc477c41bb7f77ff07599a6b82a038dc042f889a111b0d4d98bb755c1571";
const GALAXY10_FILE_NAME = "Galaxy10_DECals.h5";

/** The 10 classes of Galaxy10 DECaLS, in Portuguese, indexed by `ans`. */
export const GALAXY10_CLASS_NAMES: readonly string[] = Object.freeze([
  "perturbada",
  "em fusão",
  "lisa redonda",
  "lisa intermediária",
  "lisa em charuto",
  "espiral barrada",
  "espiral fechada sem barra",
  "espiral aberta sem barra",
  "de perfil sem bojo",
  "de perfil com bojo",
]);

/** Images read from Galaxy10 (or the simulated stand-in), as plain typed data. */
export interface Galaxy10Subset {
  /** Pixel values 0–1, row-major in the order of `shape`. */
  pixels: Float32Array;
  shape: [number, number, number, number];
  labels: Int32Array;
  classNames: readonly string[];
  /** Index of each image in the file. */
  indices: Int32Array;
  /** `"galaxy10"` when read from the real file, `"simulado"` for the offline fallback. */
  source: "galaxy10" | "simulado";
}

export interface ReadGalaxy10Options {
  /** First image (default 0). */
  start?: number;
  /** Number of images (default 100). */
  count?: number;
  /** Keep every `step`-th pixel in each direction (default 1; 4 turns 256×256 into 64×64). */
  step?: number;
}

function dataset(file: H5File, name: string, path_: string): H5Dataset {
  const found = file.get(name);
  if (!isH5Dataset(found)) {
    throw new Galaxy10Error(
      `${path_} não tem o dataset "${name}" do Galaxy10 DECaLS (encontrei: ${file.keys().join(", ") || "nada"}). ` +
        `Apague o arquivo e baixe-o de novo com loadGalaxy10().`,
    );
  }
  return found;
}

/**
 * Reads images `start … start+count−1` of a Galaxy10-layout HDF5 file, optionally
 * subsampled by `step`, without reading the rest of the file.
 *
 * @throws {Galaxy10Error} When the file cannot be opened, lacks `images`/`ans`, or the
 *   range is outside the file.
 */
export async function readGalaxy10(file: string, options: ReadGalaxy10Options = {}): Promise<Galaxy10Subset> {
  const { start = 0, count = 100, step = 1 } = options;
  for (const [name, value, min] of [["start", start, 0], ["count", count, 1], ["step", step, 1]] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new Galaxy10Error(`readGalaxy10: "${name}" deve ser um inteiro ≥ ${min}; recebi ${String(value)}.`);
    }
  }
  const h5wasm = await loadH5Wasm();
  let h5: H5File;
  try {
    h5 = new h5wasm.File(file, "r");
  } catch (error) {
    throw new Galaxy10Error(`Não consegui abrir ${file} como HDF5: ${describeThrown(error)}.`, { cause: error });
  }
  try {
    const images = dataset(h5, "images", file);
    const answers = dataset(h5, "ans", file);
    const shape = images.shape ?? [];
    const [n = 0, h = 0, w = 0, channels = 0] = shape;
    if (shape.length !== 4 || channels !== 3) {
      throw new Galaxy10Error(`${file}: "images" deveria ter forma N×altura×largura×3; tem [${shape.join(", ")}].`);
    }
    if (start + count > n) {
      throw new Galaxy10Error(`readGalaxy10: pedi as imagens ${start} a ${start + count - 1}, mas o arquivo tem ${n} (0 a ${n - 1}).`);
    }
    const raw = images.slice([[start, start + count], [0, h, step], [0, w, step], []]);
    const rawLabels = answers.slice([[start, start + count]]);
    if (!(raw instanceof Uint8Array) || !ArrayBuffer.isView(rawLabels)) {
      throw new Galaxy10Error(`${file}: esperava "images" em uint8 e "ans" numérico, como no Galaxy10 DECaLS.`);
    }
    const pixels = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) pixels[i] = raw[i]! / 255;
    const labels = Int32Array.from(rawLabels as unknown as ArrayLike<number>, Number);
    const indices = Int32Array.from({ length: count }, (_, i) => start + i);
    return {
      pixels,
      shape: [count, Math.ceil(h / step), Math.ceil(w / step), 3],
      labels,
      classNames: GALAXY10_CLASS_NAMES,
      indices,
      source: "galaxy10",
    };
  } finally {
    h5.close();
  }
}


export interface LoadGalaxy10Options extends ReadGalaxy10Options {
  /** Download address (default {@link GALAXY10_URL}; `file://` works too). */
  url?: string;
  /** Expected SHA-256 (default {@link GALAXY10_SHA256}). */
  sha256?: string;
  /** Cache folder (default {@link courseCacheDirectory}). */
  cacheDirectory?: string;
  /**
   * When the download fails: `"error"` (default) throws; `"simulated"` returns the course's
   * simulated images (3 identical channels, classes elíptica/espiral) and says so on stdout.
   */
  offline?: "error" | "simulated";
}

function simulatedFallback(options: ReadGalaxy10Options, step: number): Galaxy10Subset {
  const set = readShippedGalaxyImages();
  const [total, size] = set.shape;
  const start = Math.min(options.start ?? 0, total - 1);
  const count = Math.min(options.count ?? 100, total - start);
  const side = Math.ceil(size / step);
  const pixels = new Float32Array(count * side * side * 3);
  let k = 0;
  for (let n = start; n < start + count; n++) {
    for (let y = 0; y < size; y += step) {
      for (let x = 0; x < size; x += step) {
        const value = set.pixels[(n * size + y) * size + x]!;
        pixels[k++] = value;
        pixels[k++] = value;
        pixels[k++] = value;
      }
    }
  }
  return {
    pixels,
    shape: [count, side, side, 3],
    labels: set.labels.slice(start, start + count),
    classNames: set.classNames,
    indices: Int32Array.from({ length: count }, (_, i) => start + i),
    source: "simulado",
  };
}

/**
 * Downloads Galaxy10 DECaLS once (cached, checked by SHA-256, written atomically) and
 * reads a subset of it.
 *
 * @example
 * const galaxies = await loadGalaxy10({ count: 200, step: 4, offline: "simulated" });
 * galaxies.shape; // [200, 64, 64, 3]
 * @throws {DownloadError} When offline (unless `offline: "simulated"`) or on a checksum
 *   mismatch (lib/src/files/cached-download.ts).
 * @throws {Galaxy10Error} When the file is not in Galaxy10's layout.
 */
export async function loadGalaxy10(options: LoadGalaxy10Options = {}): Promise<Galaxy10Subset> {
  const target = path.join(options.cacheDirectory ?? courseCacheDirectory(), GALAXY10_FILE_NAME);
  let file: string;
  try {
    const downloaded = await downloadToCache({
      dataSet: "Galaxy10 DECaLS",
      url: options.url ?? GALAXY10_URL,
      target,
      expected: { sha256: options.sha256 ?? GALAXY10_SHA256 },
      advice:
        `O arquivo tem ~2,5 GB: verifique a conexão com a internet ou baixe-o por outro meio e coloque-o em ${target}. ` +
        "Sem internet, use as imagens simuladas: readShippedGalaxyImages().",
    });
    file = downloaded.file;
  } catch (error) {
    if (options.offline !== "simulated") throw error;
    console.log(
      `Galaxy10 DECaLS indisponível (${describeThrown(error).split(". ")[0]}). ` +
        "Usando as imagens SIMULADAS do curso (elíptica/espiral) no lugar.",
    );
    return simulatedFallback(options, options.step ?? 1);
  }
  return readGalaxy10(file, options);
}
