/**
 * The shipped simulated catalogue `datasets/estrelas_galaxias_sdss_simulado.csv`, as
 * typed records or as a danfo.js DataFrame.
 */
import fs from "node:fs";
import { danfo } from "../danfo";
import { datasetPath } from "../datasets/manifest";
import { parseSdssCsv, parseStarGalaxyCsv } from "./parse-catalogue-csv";
import { SHIPPED_CATALOGUE } from "./simulate-catalogue";
import { CatalogueError, STAR_GALAXY_COLUMNS, type SdssPhotometryRecord, type StarGalaxyRecord } from "./star-galaxy-record";

/**
 * Reads the course's simulated star/galaxy catalogue (4,000 objects, checked against
 * `datasets/manifest.json`).
 *
 * @example
 * const catalogue = readStarGalaxyCatalogue();
 * catalogue.filter((o) => o.class === "GALAXY").length;
 * @throws {DatasetError} When the file is missing or differs from the manifest.
 */
export function readStarGalaxyCatalogue(): StarGalaxyRecord[] {
  const file = datasetPath(SHIPPED_CATALOGUE.file);
  return parseStarGalaxyCsv(fs.readFileSync(file, "utf8"), file);
}

/**
 * Reads a CSV file exported from SDSS SkyServer or CasJobs (columns `modelMag_*` and
 * `psfMag_*`, or `u,g,r,i,z,redshift,class`; a first line `#Table1` and quoted fields are
 * fine): the same records the notebooks use, with PSF magnitudes when the file has them.
 *
 * @example
 * const catalogo = readSdssCsvFile("minha-consulta.csv");
 * colourFeatures(catalogo, ["u-g", "g-r", "r-i", "i-z"]);
 * @throws {CatalogueError} When the file cannot be read or is not such a catalogue (the
 *   message says which columns were found and which are expected).
 */
export function readSdssCsvFile(file: string): SdssPhotometryRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CatalogueError(
      `Não consegui ler o catálogo ${file}: ${(error as Error).message}. Confira o caminho (relativo à pasta do notebook) e se o arquivo existe.`,
      { cause: error },
    );
  }
  return parseSdssCsv(text, file);
}

/**
 * A danfo.js DataFrame with the catalogue's columns (SkyServer names, `objID` as text).
 * Records read from an SDSS export without PSF magnitudes give a frame without the
 * `psfMag_*` columns.
 *
 * @param records The objects; by default the shipped simulated catalogue.
 */
export function starGalaxyFrame(records: readonly SdssPhotometryRecord[] = readStarGalaxyCatalogue()) {
  const dfd = danfo();
  const present = STAR_GALAXY_COLUMNS.filter((column) => records.every((record) => record[column] !== undefined));
  const columns: Record<string, Array<string | number>> = {};
  for (const column of present) columns[column] = records.map((record) => record[column] as string | number);
  return new dfd.DataFrame(columns, { columns: [...present] });
}
