/**
 * Where the VGG16 ImageNet weights (Keras "notop" HDF5 file, 58.9 MB) come from: a path
 * the user gives, the course's download cache, or a download into that cache (checked by
 * size and MD5, written atomically: never a half-written file in the cache).
 */
import { courseCacheDirectory } from "../files/cache-directory";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describeThrown } from "../errors";
import { writeFileAtomically } from "../files/write-file-atomically";
import { checkHdf5File } from "./hdf5-file";
import { WeightsDownloadError, WeightsFileError } from "./pretrained-errors";

/** The Keras file of VGG16's ImageNet weights without the dense top. */
export const VGG16_NOTOP_WEIGHTS = Object.freeze({
  url: "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
  fileName: "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
  bytes: 58_889_256,
  md5: "6d6bbae143d832006294945121d1f1fc",
});

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
  source?: { url: string; fileName: string; bytes: number; md5: string };
  /** Give up a download after this many milliseconds; default 10 minutes. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const md5Of = (data: Uint8Array): string => createHash("md5").update(data).digest("hex");
/** Cached files already checked in this process, by path, size and modification time. */
const verifiedCache = new Set<string>();
function cacheStamp(file: string): string {
  const stats = statSync(file);
  return `${file}\u0000${stats.size}\u0000${stats.mtimeMs}`;
}

function howToGetIt(source: Vgg16WeightsOptions["source"] & object, cache: string): string {
  return (
    `Para usar os pesos, baixe ${source.url} (${source.bytes} bytes, MD5 ${source.md5}) numa máquina com internet e ` +
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
 * @throws {WeightsDownloadError} When the file is not available and cannot be downloaded
 *   (offline, HTTP error, wrong size or checksum); the message says how to get it by hand.
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
  const cached = path.join(cache, source.fileName);
  if (existsSync(cached)) {
    if (verifiedCache.has(cacheStamp(cached))) return cached;
    const data = readFileSync(cached);
    if (data.length === source.bytes && md5Of(data) === source.md5) {
      verifiedCache.add(cacheStamp(cached));
      return cached;
    }
    rmSync(cached, { force: true }); // damaged (e.g. copied by hand and cut short): fetch it again
  }
  if (options.download === false) {
    throw new WeightsDownloadError(`Os pesos do VGG16 não estão nesta máquina (procurei em ${cached}). ${howToGetIt(source, cache)}`);
  }
  let data: Uint8Array;
  try {
    const response = await fetch(source.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 600_000) });
    if (!response.ok) {
      throw new WeightsDownloadError(`O servidor respondeu ${response.status} ${response.statusText} para ${source.url}. ${howToGetIt(source, cache)}`);
    }
    data = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof WeightsDownloadError) throw error;
    const cause = error instanceof Error && error.cause !== undefined ? ` (${describeThrown(error.cause)})` : "";
    throw new WeightsDownloadError(
      `Não consegui baixar os pesos do VGG16 de ${source.url}: ${describeThrown(error)}${cause}. ` +
        `Sem internet? ${howToGetIt(source, cache)}`,
      { cause: error },
    );
  }
  const md5 = md5Of(data);
  if (data.length !== source.bytes || md5 !== source.md5) {
    throw new WeightsDownloadError(
      `O download de ${source.url} não confere: esperava ${source.bytes} bytes e MD5 ${source.md5}, recebi ${data.length} bytes e MD5 ${md5}. ` +
        `Nada foi gravado no cache; tente de novo (a conexão pode ter caído). ${howToGetIt(source, cache)}`,
    );
  }
  await mkdir(cache, { recursive: true });
  await writeFileAtomically(cached, data);
  verifiedCache.add(cacheStamp(cached));
  return cached;
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
    if (error instanceof WeightsDownloadError || error instanceof WeightsFileError) {
      return { available: false, message: error.message };
    }
    throw error;
  }
}
