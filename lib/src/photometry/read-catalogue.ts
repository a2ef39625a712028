/**
 * The shipped simulated catalogue `datasets/estrelas_galaxias_sdss_simulado.csv`, as
 * typed records or as a danfo.js DataFrame.
 */
import fs from "node:fs";
import { danfo } from "../danfo";
import { datasetPath } from "../datasets/manifest";
import { parseStarGalaxyCsv } from "./parse-catalogue-csv";
import { SHIPPED_CATALOGUE } from "./simulate-catalogue";
import { STAR_GALAXY_COLUMNS, type StarGalaxyRecord } from "./star-galaxy-record";

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
 * A danfo.js DataFrame with the catalogue's columns (SkyServer names, `objID` as text).
 *
 * @param records The objects; by default the shipped simulated catalogue.
 */
export function starGalaxyFrame(records: readonly StarGalaxyRecord[] = readStarGalaxyCatalogue()) {
  const dfd = danfo();
  const columns: Record<string, Array<string | number>> = {};
  for (const column of STAR_GALAXY_COLUMNS) columns[column] = records.map((record) => record[column]);
  return new dfd.DataFrame(columns, { columns: [...STAR_GALAXY_COLUMNS] });
}
