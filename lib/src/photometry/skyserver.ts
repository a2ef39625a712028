/**
 * Loads a real star/galaxy catalogue from SDSS SkyServer's SQL search (DR18), for a
 * user's machine with internet: the CSV answer is checked, cached with its SHA-256, and
 * written atomically. Without network (or if SkyServer answers with an error) it says
 * why in Portuguese and falls back to the course's simulated catalogue.
 *
 * Reference: docs/arquitetura.md §7; SkyServer SQL search,
 * https://skyserver.sdss.org/dr18/SkyServerWS/SearchTools/SqlSearch?cmd=<SQL>&format=csv
 */
import { courseCacheDirectory } from "../files/cache-directory";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CourseError, describeThrown } from "../errors";
import { writeFileAtomically } from "../files/write-file-atomically";
import { parseStarGalaxyCsv } from "./parse-catalogue-csv";
import { readStarGalaxyCatalogue } from "./read-catalogue";
import { CatalogueError, type StarGalaxyRecord } from "./star-galaxy-record";

/** SkyServer's SQL search service (DR18). */
const SKYSERVER_SQL_URL = "https://skyserver.sdss.org/dr18/SkyServerWS/SearchTools/SqlSearch";

/** SkyServer could not be used and no fallback was allowed. */
export class SkyServerError extends CourseError {
  override name = "SkyServerError";
}

/**
 * The SQL that joins photometry (`PhotoObj`) with spectroscopy (`SpecObj`, for the class
 * and the redshift) for clean stars and galaxies with 14 ≤ r ≤ 20.5.
 *
 * @param count How many objects (`TOP`), an integer from 1 to 100,000.
 */
export function skyServerStarGalaxyQuery(count: number): string {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new SkyServerError(`O número de objetos deve ser um inteiro entre 1 e 100000; recebi ${count}.`);
  }
  return [
    `SELECT TOP ${count} p.objID, s.class,`,
    "p.psfMag_u, p.psfMag_g, p.psfMag_r, p.psfMag_i, p.psfMag_z,",
    "p.modelMag_u, p.modelMag_g, p.modelMag_r, p.modelMag_i, p.modelMag_z, s.z",
    "FROM PhotoObj AS p JOIN SpecObj AS s ON s.bestObjID = p.objID",
    "WHERE s.class IN ('STAR', 'GALAXY') AND s.zWarning = 0 AND p.clean = 1",
    "AND p.modelMag_r BETWEEN 14 AND 20.5",
  ].join(" ");
}

/** The full SkyServer URL that runs `sql` and answers CSV. */
export function skyServerQueryUrl(sql: string, base = SKYSERVER_SQL_URL): string {
  const url = new URL(base);
  url.searchParams.set("cmd", sql);
  url.searchParams.set("format", "csv");
  return url.toString();
}


export interface SkyServerOptions {
  /** Number of objects to ask for (default 5,000). */
  count?: number;
  /** Full URL to download (default: SkyServer with {@link skyServerStarGalaxyQuery}). */
  url?: string;
  /** Cache folder (default: `<courseCacheDirectory()>/sdss`). */
  cacheDirectory?: string;
  /** Download again even if the cache has a valid copy. */
  refresh?: boolean;
  /** Give up on the network after this many milliseconds (default 60,000). */
  timeoutMs?: number;
  /** When SkyServer cannot be used: `true` (default) = use the simulated catalogue; `false` = throw. */
  fallbackToSimulated?: boolean;
}

export interface StarGalaxyLoadResult {
  records: StarGalaxyRecord[];
  /** Where the records came from. */
  source: "skyserver" | "cache" | "simulated";
  /** The cached CSV file (not for the simulated fallback). */
  file?: string;
  /** SHA-256 of the cached CSV file. */
  sha256?: string;
  /** One sentence in Portuguese saying what was loaded, and why, for the notebook to print. */
  message: string;
}

interface CacheRecord {
  url: string;
  bytes: number;
  sha256: string;
  downloadedAt: string;
}

function sha256Of(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function readCache(csvFile: string, metaFile: string, url: string): StarGalaxyRecord[] | undefined {
  if (!fs.existsSync(csvFile) || !fs.existsSync(metaFile)) return undefined;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as CacheRecord;
    const content = fs.readFileSync(csvFile);
    if (meta.url !== url || meta.sha256 !== sha256Of(content) || meta.bytes !== content.length) return undefined;
    return parseStarGalaxyCsv(content.toString("utf8"), csvFile);
  } catch {
    return undefined; // a damaged cache is downloaded again
  }
}

async function download(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new SkyServerError(
      `sem conexão com ${new URL(url).host} (${describeThrown(cause ?? error)})`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new SkyServerError(`o servidor respondeu HTTP ${response.status} ${response.statusText}`.trim());
  }
  return text;
}

/**
 * Downloads (or reads from the cache) a star/galaxy catalogue from SDSS SkyServer.
 *
 * @example
 * const { records, source, message } = await loadSkyServerStarGalaxy({ count: 5000 });
 * console.log(message);
 * @returns The records and where they came from; with no network, the simulated
 *   catalogue (`source: "simulated"`) and a message that says why.
 * @throws {SkyServerError} Only with `fallbackToSimulated: false`, when the download or
 *   the answer fails (the message says which and what to do).
 */
export async function loadSkyServerStarGalaxy(options: SkyServerOptions = {}): Promise<StarGalaxyLoadResult> {
  const url = options.url ?? skyServerQueryUrl(skyServerStarGalaxyQuery(options.count ?? 5000));
  const directory = options.cacheDirectory ?? path.join(courseCacheDirectory(), "sdss");
  const key = sha256Of(url).slice(0, 16);
  const csvFile = path.join(directory, `skyserver-${key}.csv`);
  const metaFile = path.join(directory, `skyserver-${key}.json`);

  if (!options.refresh) {
    const cached = readCache(csvFile, metaFile, url);
    if (cached) {
      const sha256 = sha256Of(fs.readFileSync(csvFile));
      return { records: cached, source: "cache", file: csvFile, sha256, message: `Catálogo do SDSS lido do cache ${csvFile} (${cached.length} objetos).` };
    }
  }
  try {
    const text = await download(url, options.timeoutMs ?? 60_000);
    const records = parseStarGalaxyCsv(text, `a resposta do SkyServer (${new URL(url).host})`);
    fs.mkdirSync(directory, { recursive: true });
    await writeFileAtomically(csvFile, text);
    const saved = fs.readFileSync(csvFile);
    const meta: CacheRecord = { url, bytes: saved.length, sha256: sha256Of(saved), downloadedAt: new Date().toISOString() };
    await writeFileAtomically(metaFile, JSON.stringify(meta, null, 2) + "\n");
    return {
      records,
      source: "skyserver",
      file: csvFile,
      sha256: meta.sha256,
      message: `Catálogo do SDSS baixado do SkyServer: ${records.length} objetos, guardado em ${csvFile} (SHA-256 ${meta.sha256.slice(0, 12)}…).`,
    };
  } catch (error) {
    if (!(error instanceof SkyServerError || error instanceof CatalogueError)) throw error;
    const reason = error.message;
    if (options.fallbackToSimulated === false) {
      throw new SkyServerError(
        `Não consegui obter o catálogo do SDSS SkyServer: ${reason}. Verifique a conexão com a internet ` +
          "(ou um proxy) e tente de novo; sem rede, use readStarGalaxyCatalogue() (catálogo simulado do curso).",
        { cause: error },
      );
    }
    const records = readStarGalaxyCatalogue();
    return {
      records,
      source: "simulated",
      message:
        `Sem acesso ao SDSS SkyServer (${reason}). Usando o catálogo SIMULADO do curso ` +
        `(${records.length} objetos, datasets/estrelas_galaxias_sdss_simulado.csv), com as mesmas colunas.`,
    };
  }
}
