/**
 * The course's one way to download a data set into the cache (Galaxy10, the VGG16
 * weights, SkyServer answers):
 *
 * - the body is streamed to a temporary file in the cache folder while its SHA-256 (and,
 *   when the publisher only gives one, its MD5) is computed: files larger than memory work;
 * - the temporary file is renamed over the target only when size and digests match (and
 *   the caller's `accept` check passes), so a reader never sees half a file; on any failure
 *   (network, HTTP status, wrong checksum, cut connection, timeout) it is removed, and
 *   temporary files left by a process that died mid-download are removed at the next try;
 * - after verification a sidecar `<target>.sha256` is written atomically with the SHA-256,
 *   size and modification time of the file. A cache hit is the sidecar matching the file's
 *   size and modification time (and the expected SHA-256, when one is known): no re-hashing
 *   of 2.5 GB at every load. A file without a valid sidecar (copied by hand, changed since)
 *   is hashed once; if it does not match what is expected it is downloaded again.
 *
 * Accepts `http(s)://` and `file://` URLs (the latter for tests and local mirrors).
 */
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { CourseError, describeThrown } from "../errors";
import { removeAbandonedTemporaries, replaceFileAtomically } from "./replace-file-atomically";
import { writeFileAtomically } from "./write-file-atomically";

/** What the downloaded file must be; any field left out is not checked. */
interface ExpectedFile {
  /** SHA-256 in hex (any case). */
  sha256?: string;
  /** MD5 in hex, for files whose publisher gives only an MD5 (Keras' weights). */
  md5?: string;
  /** Size in bytes. */
  bytes?: number;
}

export interface CachedDownloadRequest {
  /** The data set's name, as the user knows it ("Galaxy10 DECaLS"): every error names it. */
  dataSet: string;
  url: string;
  /** Final path of the file in the cache; its folder is created when missing. */
  target: string;
  /** What the file must be; omit for answers that have no published digest (SkyServer). */
  expected?: ExpectedFile;
  /** Ignore a cached copy and download again. */
  refresh?: boolean;
  /** Give up the whole download after this many milliseconds (default: no limit). */
  timeoutMs?: number;
  /** What the user can do when the download fails (one or two sentences, in Portuguese). */
  advice?: string;
  /**
   * A check of the downloaded content before it enters the cache (e.g. "is this a CSV?");
   * it receives the temporary file and throws to refuse it (its error is passed through).
   */
  accept?: (temporaryFile: string) => Promise<void> | void;
  /** Called with the bytes received so far (and the total, when known). */
  onProgress?: (received: number, total: number | undefined) => void;
}

export interface CachedFile {
  file: string;
  /** SHA-256 (hex, lower case) of the file. */
  sha256: string;
  bytes: number;
  /** True when the file came from the cache, false when it was just downloaded. */
  fromCache: boolean;
}

/**
 * Why a data set is not available: no connection or timeout, an HTTP error status, content
 * that does not match, or no verified copy in the cache while downloading is not allowed.
 */
export type DownloadFailure = "network" | "http" | "mismatch" | "not-cached";

/** A data set could not be downloaded into the cache (the message names it and says what to do). */
export class DownloadError extends CourseError {
  override name = "DownloadError";
  /**
   * @param dataSet The data set's name.
   * @param failure What went wrong.
   * @param reason A short phrase in Portuguese ("o servidor respondeu HTTP 404 Not Found").
   */
  constructor(
    message: string,
    readonly dataSet: string,
    readonly failure: DownloadFailure,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const sidecarPath = (target: string): string => `${target}.sha256`;

interface Sidecar {
  sha256: string;
  bytes: number;
  mtimeMs: number;
}

function sidecarLine(sidecar: Sidecar): string {
  return `${sidecar.sha256} ${sidecar.bytes} ${Math.trunc(sidecar.mtimeMs)}\n`;
}

/** The sidecar of `target`, when it still describes the file as it is now. */
async function readValidSidecar(target: string): Promise<Sidecar | undefined> {
  try {
    const [text, stats] = await Promise.all([readFile(sidecarPath(target), "utf8"), stat(target)]);
    const [sha256, bytes, mtimeMs] = text.trim().split(" ");
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    if (Number(bytes) !== stats.size || Number(mtimeMs) !== Math.trunc(stats.mtimeMs)) return undefined;
    return { sha256, bytes: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

async function writeSidecar(target: string, sha256: string): Promise<Sidecar> {
  const stats = await stat(target);
  const sidecar = { sha256, bytes: stats.size, mtimeMs: stats.mtimeMs };
  await writeFileAtomically(sidecarPath(target), sidecarLine(sidecar));
  return sidecar;
}

interface Digests {
  sha256: string;
  md5: string | undefined;
  bytes: number;
}

/** SHA-256 (and MD5, when asked) of the bytes it is given, in order. */
class Digester {
  private readonly sha256 = createHash("sha256");
  private readonly md5: Hash | undefined;
  bytes = 0;

  constructor(withMd5: boolean) {
    this.md5 = withMd5 ? createHash("md5") : undefined;
  }

  update(chunk: Buffer): void {
    this.sha256.update(chunk);
    this.md5?.update(chunk);
    this.bytes += chunk.length;
  }

  digests(): Digests {
    return { sha256: this.sha256.digest("hex"), md5: this.md5?.digest("hex"), bytes: this.bytes };
  }
}

/** A pass-through stream that feeds `digester` (and reports progress) on the way. */
function digestingStream(digester: Digester, onChunk?: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      digester.update(chunk);
      onChunk?.(digester.bytes);
      callback(null, chunk);
    },
  });
}

async function digestsOfFile(file: string, withMd5: boolean): Promise<Digests> {
  const digester = new Digester(withMd5);
  for await (const chunk of fs.createReadStream(file)) digester.update(chunk as Buffer);
  return digester.digests();
}

/** The parts of `expected` that `actual` does not satisfy, as "esperava …, recebi …" text. */
function mismatch(expected: ExpectedFile, actual: Digests): string | undefined {
  const wanted: string[] = [];
  const got: string[] = [];
  if (expected.bytes !== undefined && expected.bytes !== actual.bytes) {
    wanted.push(`${expected.bytes} bytes`);
    got.push(`${actual.bytes} bytes`);
  }
  if (expected.sha256 !== undefined && expected.sha256.toLowerCase() !== actual.sha256) {
    wanted.push(`SHA-256 ${expected.sha256.toLowerCase()}`);
    got.push(`SHA-256 ${actual.sha256}`);
  }
  if (expected.md5 !== undefined && expected.md5.toLowerCase() !== actual.md5) {
    wanted.push(`MD5 ${expected.md5.toLowerCase()}`);
    got.push(`MD5 ${actual.md5 ?? "?"}`);
  }
  return wanted.length === 0 ? undefined : `esperava ${wanted.join(" e ")}, recebi ${got.join(" e ")}`;
}

/**
 * The verified copy of a data set in the cache, if there is one, without touching the
 * network (hashing it once when it has no valid sidecar). A copy that does not match a
 * known digest is removed, so that the next download replaces it.
 */
export async function findInCache(request: Pick<CachedDownloadRequest, "target" | "expected">): Promise<CachedFile | undefined> {
  const target = path.resolve(request.target);
  const expected = request.expected ?? {};
  if (!fs.existsSync(target)) return undefined;
  const sidecar = await readValidSidecar(target);
  if (sidecar) {
    const sameDigest = expected.sha256 === undefined || expected.sha256.toLowerCase() === sidecar.sha256;
    const sameSize = expected.bytes === undefined || expected.bytes === sidecar.bytes;
    if (sameDigest && sameSize) return { file: target, sha256: sidecar.sha256, bytes: sidecar.bytes, fromCache: true };
  }
  // No published digest (a query's answer): without a valid sidecar the copy cannot be trusted.
  if (expected.sha256 === undefined && expected.md5 === undefined) return undefined;
  const digests = await digestsOfFile(target, expected.md5 !== undefined);
  if (mismatch(expected, digests) !== undefined) {
    await rm(sidecarPath(target), { force: true });
    await rm(target, { force: true });
    return undefined;
  }
  await writeSidecar(target, digests.sha256);
  return { file: target, sha256: digests.sha256, bytes: digests.bytes, fromCache: true };
}

async function openSource(url: string, signal: AbortSignal | undefined): Promise<{ stream: Readable; total: number | undefined }> {
  if (url.startsWith("file://")) {
    const file = fileURLToPath(url);
    const total = (await stat(file)).size;
    return { stream: fs.createReadStream(file, { signal }), total };
  }
  const response = await fetch(url, { signal });
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new HttpStatusError(`o servidor respondeu HTTP ${response.status} ${response.statusText}`.trim());
  }
  const length = Number(response.headers.get("content-length"));
  return {
    stream: Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
    total: Number.isFinite(length) && length > 0 ? length : undefined,
  };
}

class HttpStatusError extends Error {}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:4000)": fetch hides the useful part in `cause`. */
function describeNetworkFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? ` (${describeThrown(error.cause)})` : "";
  return `${describeThrown(error)}${cause}`;
}

/**
 * Returns the data set's file in the cache, downloading and verifying it first unless a
 * verified copy is already there (see the top of this file for the rules).
 *
 * @throws {DownloadError} When the download fails or the content does not match; the
 *   message names the data set, says what was expected and what arrived, and what to do.
 *   Nothing is left in the cache (no partial file).
 */
export async function downloadToCache(request: CachedDownloadRequest): Promise<CachedFile> {
  const target = path.resolve(request.target);
  const expected = request.expected ?? {};
  if (!request.refresh) {
    const cached = await findInCache({ target, expected });
    if (cached) return cached;
  }
  await removeAbandonedTemporaries(target);
  const signal = request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs);
  const { sha256, bytes } = await replaceFileAtomically(target, async (temporary) => {
    const digests = await downloadVerified(request, temporary, signal);
    await request.accept?.(temporary);
    return digests;
  });
  await writeSidecar(target, sha256);
  return { file: target, sha256, bytes, fromCache: false };
}

/** Streams `request.url` into `temporary`, hashing on the way, and checks it against `request.expected`. */
async function downloadVerified(request: CachedDownloadRequest, temporary: string, signal: AbortSignal | undefined): Promise<Digests> {
  const expected = request.expected ?? {};
  const advice = request.advice ? ` ${request.advice}` : "";
  const digester = new Digester(expected.md5 !== undefined);
  try {
    const { stream, total } = await openSource(request.url, signal);
    await pipeline(stream, digestingStream(digester, (received) => request.onProgress?.(received, total)), fs.createWriteStream(temporary, { flags: "wx" }));
  } catch (error) {
    const failure: DownloadFailure = error instanceof HttpStatusError ? "http" : "network";
    const reason =
      error instanceof HttpStatusError
        ? error.message
        : digester.bytes > 0
          ? `a conexão com ${hostOf(request.url)} caiu depois de ${digester.bytes} bytes (${describeNetworkFailure(error)})`
          : `sem conexão com ${hostOf(request.url)} (${describeNetworkFailure(error)})`;
    throw new DownloadError(`Não consegui baixar ${request.dataSet} de ${request.url}: ${reason}. Nada foi gravado no cache.${advice}`, request.dataSet, failure, reason, { cause: error });
  }
  const digests = digester.digests();
  const wrong = mismatch(expected, digests);
  if (wrong !== undefined) {
    throw new DownloadError(
      `${request.dataSet}: o arquivo baixado de ${request.url} não confere: ${wrong}. ` +
        `O download pode ter sido interrompido ou o servidor mudou o arquivo; tente de novo. Nada foi gravado no cache.${advice}`,
      request.dataSet,
      "mismatch",
      `o arquivo baixado não confere: ${wrong}`,
    );
  }
  return digests;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
