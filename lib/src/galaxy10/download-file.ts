/**
 * Downloads a large file once into a cache folder: streamed to a temporary file in the
 * same folder while its SHA-256 is computed, then renamed over the target only when the
 * checksum matches (readers never see half a file; a failed download leaves nothing).
 * Accepts `http(s)://` and `file://` URLs (the latter for tests and local mirrors).
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { describeThrown } from "../errors";
import { Galaxy10Error } from "./galaxy10-errors";

export interface CachedDownloadOptions {
  url: string;
  /** Final path of the file in the cache. */
  target: string;
  /** Expected SHA-256 (hex, any case). */
  sha256: string;
  /** Called with the bytes received so far (and the total, when known). */
  onProgress?: (received: number, total: number | undefined) => void;
}

/** SHA-256 of a file, read as a stream (works for files larger than memory). */
async function sha256OfLargeFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

/** The record beside a verified file, so that 2.5 GB are not hashed again at every load. */
function stampPath(target: string): string {
  return `${target}.sha256`;
}

function stampFor(target: string, sha256: string): string {
  const stat = fs.statSync(target);
  return `${sha256.toLowerCase()} ${stat.size} ${Math.trunc(stat.mtimeMs)}\n`;
}

/** True when `target` exists and was verified against `sha256` (and is unchanged since). */
function isVerifiedInCache(target: string, sha256: string): boolean {
  try {
    return fs.readFileSync(stampPath(target), "utf8") === stampFor(target, sha256);
  } catch {
    return false;
  }
}

async function openSource(url: string): Promise<{ stream: Readable; total: number | undefined }> {
  if (url.startsWith("file://")) {
    const file = fileURLToPath(url);
    return { stream: fs.createReadStream(file), total: fs.statSync(file).size };
  }
  const response = await fetch(url);
  if (!response.ok || response.body === null) {
    throw new Error(`o servidor respondeu HTTP ${response.status} ${response.statusText}`);
  }
  const length = Number(response.headers.get("content-length"));
  return {
    stream: Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
    total: Number.isFinite(length) && length > 0 ? length : undefined,
  };
}

/**
 * Returns `target`, downloading it first unless it is already in the cache and verified.
 *
 * @throws {Galaxy10Error} When the download fails (offline, HTTP error) or the checksum
 *   differs; the message says what to do, and the cache is left without a partial file.
 */
export async function downloadToCache(options: CachedDownloadOptions): Promise<string> {
  const { url, target } = options;
  const expected = options.sha256.toLowerCase();
  if (isVerifiedInCache(target, expected)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target) && (await sha256OfLargeFile(target)) === expected) {
    fs.writeFileSync(stampPath(target), stampFor(target, expected));
    return target;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.part`);
  const hash = createHash("sha256");
  let received = 0;
  try {
    const { stream, total } = await openSource(url);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        received += chunk.length;
        options.onProgress?.(received, total);
        callback(null, chunk);
      },
    });
    await pipeline(stream, counter, fs.createWriteStream(temporary, { flags: "wx" }));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new Galaxy10Error(
      `Não consegui baixar ${url}: ${describeThrown(error)}. Verifique a conexão com a internet (o arquivo tem ~2,5 GB) ` +
        `ou baixe-o por outro meio e coloque-o em ${target}. Sem internet, use as imagens simuladas: readShippedGalaxyImages().`,
      { cause: error },
    );
  }
  const actual = hash.digest("hex");
  if (actual !== expected) {
    fs.rmSync(temporary, { force: true });
    throw new Galaxy10Error(
      `O arquivo baixado de ${url} (${received} bytes) não confere: esperava SHA-256 ${expected}, recebi ${actual}. ` +
        "O download pode ter sido interrompido ou o servidor mudou o arquivo; tente de novo. Nada foi gravado no cache.",
    );
  }
  fs.renameSync(temporary, target);
  fs.writeFileSync(stampPath(target), stampFor(target, expected));
  return target;
}
