/**
 * Where the VGG16 ImageNet weights (Keras "notop" HDF5 file, 58.9 MB) come from: a path
 * the user gives, the course's download cache, or a download into that cache, through the
 * course's one downloader (lib/src/files/cached-download.ts: streamed, checked, atomic).
 *
 * Keras publishes this file with an MD5 only (keras.applications.vgg16 passes
 * `file_hash=<md5>` to `get_file`); its SHA-256 is not published and this repository has
 * no copy of the 58.9 MB file to compute one from. So the download is checked against the
 * published size and MD5, computed in the same streaming pass as the SHA-256; the SHA-256
 * goes into the cache's `.sha256` sidecar, and cache hits follow the same rule as every
 * other data set.
 */
import { courseCacheDirectory } from "../files/cache-directory";
import { statSync } from "node:fs";
import path from "node:path";
import { DownloadError, downloadToCache, findInCache } from "../files/cached-download";
import { checkHdf5File } from "./hdf5-file";
import { WeightsFileError } from "./pretrained-errors";

/**
 * The Keras file of VGG16's ImageNet weights without the dense top, and the places that
 * publish it: Keras' current address first, then the GitHub release that Keras used before
 * (fchollet/deep-learning-models v0.1), which serves the same file under the same MD5
 * (Keras' `get_file` checked both against it).
 */
export const VGG16_NOTOP_WEIGHTS: Vgg16WeightsSource = Object.freeze({
  urls: Object.freeze([
    "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
    "https://github.com/fchollet/deep-learning-models/releases/download/v0.1/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
  ]),
  fileName: "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
  bytes: 58_889_256,
  md5: "6d6bbae143d832006294945121d1f1fc",
});

/** A weights file and its mirrors: every address must serve exactly these bytes. */
export interface Vgg16WeightsSource {
  /** Addresses tried in order until one gives the right file. */
  urls: readonly string[];
  fileName: string;
  bytes: number;
  md5: string;
}

/** Environment variable with the path of a VGG16 weights file the user already has. */
export const VGG16_WEIGHTS_ENV_VAR = "REDES_NEURAIS_VGG16_WEIGHTS";


export interface Vgg16WeightsOptions {
  /** A weights file the user already has (wins over everything else; also `$REDES_NEURAIS_VGG16_WEIGHTS`). */
  path?: string;
  /** Folder of the download cache; default {@link courseCacheDirectory}. */
  cacheDirectory?: string;
  /** Download when the file is neither given nor cached; default true. */
  download?: boolean;
  /** Where to download from, and what the file must be; defaults to {@link VGG16_NOTOP_WEIGHTS}. */
  source?: Vgg16WeightsSource;
  /** Give up a download after this many milliseconds; default 10 minutes. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const VGG16_DATA_SET = "VGG16 (pesos ImageNet do Keras)";

function howToGetIt(source: Vgg16WeightsSource, cache: string): string {
  return (
    `Para usar os pesos, baixe ${source.urls.join(" ou ")} (${source.bytes} bytes, MD5 ${source.md5}) numa máquina com internet e ` +
    `copie o arquivo para ${path.join(cache, source.fileName)}, ou aponte a variável ${VGG16_WEIGHTS_ENV_VAR} para ele.`
  );
}

/**
 * The path of the VGG16 "notop" weights file, downloading it once into the cache if needed.
 *
 * Order: `options.path`, then `$REDES_NEURAIS_VGG16_WEIGHTS` (only checked to be a whole
 * HDF5 file), then the cache (size and MD5 checked; a bad cached file is deleted and
 * downloaded again), then the download (size and MD5 checked before anything is written).
 *
 * @throws {WeightsFileError} When a given path is missing, not HDF5 or truncated.
 * @throws {DownloadError} When the file is not available and cannot be downloaded
 *   (offline, HTTP error, wrong size or checksum, `download: false`); the message says how
 *   to get it by hand.
 */
export async function ensureVgg16Weights(options: Vgg16WeightsOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const source = options.source ?? VGG16_NOTOP_WEIGHTS;
  const cache = options.cacheDirectory ?? courseCacheDirectory(env);
  const given = options.path ?? env[VGG16_WEIGHTS_ENV_VAR];
  if (given) {
    checkHdf5File(given);
    return path.resolve(given);
  }
  const target = path.join(cache, source.fileName);
  const expected = { bytes: source.bytes, md5: source.md5 };
  if (options.download === false) {
    const cached = await findInCache({ target, expected });
    if (cached) return cached.file;
    const reason = `não estão nesta máquina (procurei em ${target})`;
    throw new DownloadError(`Os pesos do VGG16 ${reason}. ${howToGetIt(source, cache)}`, VGG16_DATA_SET, "not-cached", reason);
  }
  if (source.urls.length === 0) {
    throw new DownloadError(`A fonte dos pesos do VGG16 não tem nenhum endereço (urls: []). Passe ao menos uma URL em source.urls. ${howToGetIt(source, cache)}`, VGG16_DATA_SET, "network", "nenhum endereço");
  }
  const failures: DownloadError[] = [];
  for (const url of source.urls) {
    try {
      const downloaded = await downloadToCache({
        dataSet: VGG16_DATA_SET,
        url,
        target,
        expected,
        timeoutMs: options.timeoutMs ?? 600_000,
        advice: howToGetIt(source, cache),
      });
      return downloaded.file;
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      failures.push(error);
    }
  }
  const [only] = failures;
  if (failures.length === 1 && only) throw only;
  const tried = failures.map((failure, k) => `${source.urls[k]}: ${failure.reason}`).join("; ");
  throw new DownloadError(
    `Não consegui baixar os pesos do VGG16 de nenhum dos ${failures.length} endereços (${tried}). Nada foi gravado. ${howToGetIt(source, cache)}`,
    VGG16_DATA_SET,
    failures.at(-1)?.failure ?? "network",
    tried,
    { cause: failures },
  );
}

/** What {@link findVgg16Weights} found, without downloading anything. */
export interface Vgg16WeightsStatus {
  available: boolean;
  /** The file, when available. */
  path?: string;
  /** In Portuguese: where the file is, or why it is not here and how to get it. */
  message: string;
}

/**
 * Looks for the VGG16 weights (given path, environment variable, cache) and, unless
 * `download: false`, tries to download them; never throws for a missing file.
 */
export async function findVgg16Weights(options: Vgg16WeightsOptions = {}): Promise<Vgg16WeightsStatus> {
  try {
    const found = await ensureVgg16Weights(options);
    return { available: true, path: found, message: `Pesos do VGG16 (ImageNet) em ${found} (${statSync(found).size} bytes).` };
  } catch (error) {
    if (error instanceof DownloadError || error instanceof WeightsFileError) {
      return { available: false, message: error.message };
    }
    throw error;
  }
}
