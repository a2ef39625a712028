/**
 * Loads a real star/galaxy catalogue from SDSS SkyServer's SQL search (DR18), for a
 * user's machine with internet: the CSV answer is checked and cached by the course's one
 * downloader (lib/src/files/cached-download.ts). A query's answer has no published digest,
 * so the cache keeps it under a name derived from the URL, with the `.sha256` sidecar
 * written after the answer parsed as a catalogue; a copy whose sidecar no longer matches
 * is downloaded again. Without network (or if SkyServer answers with an error) it says
 * why in Portuguese and falls back to the course's simulated catalogue.
 *
 * Reference: docs/arquitetura.md §7; SkyServer SQL search,
 * https://skyserver.sdss.org/dr18/SkyServerWS/SearchTools/SqlSearch?cmd=<SQL>&format=csv
 */
import { courseCacheDirectory } from "../files/cache-directory";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CourseError } from "../errors";
import { DownloadError, downloadToCache } from "../files/cached-download";
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

/** The name of the cached answer of `url` (the same query is the same file). */
function cacheKey(url: string): string {
  return createHash("sha256").update(url).digest("hex").slice(0, 16);
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
  const target = path.join(directory, `skyserver-${cacheKey(url)}.csv`);
  const sourceName = `a resposta do SkyServer (${new URL(url).host})`;
  let parsed: StarGalaxyRecord[] | undefined;
  try {
    const cached = await downloadToCache({
      dataSet: "o catálogo do SDSS SkyServer",
      url,
      target,
      refresh: options.refresh,
      timeoutMs: options.timeoutMs ?? 60_000,
      accept: async (file) => {
        parsed = parseStarGalaxyCsv(await readFile(file, "utf8"), sourceName);
      },
    });
    const records = parsed ?? parseStarGalaxyCsv(await readFile(cached.file, "utf8"), cached.file);
    const message = cached.fromCache
      ? `Catálogo do SDSS lido do cache ${cached.file} (${records.length} objetos).`
      : `Catálogo do SDSS baixado do SkyServer: ${records.length} objetos, guardado em ${cached.file} (SHA-256 ${cached.sha256.slice(0, 12)}…).`;
    return { records, source: cached.fromCache ? "cache" : "skyserver", file: cached.file, sha256: cached.sha256, message };
  } catch (error) {
    if (!(error instanceof DownloadError || error instanceof CatalogueError)) throw error;
    const reason = error instanceof DownloadError ? error.reason : error.message;
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
