/**
 * One object of a star/galaxy photometric catalogue, with SDSS SkyServer column names:
 * PSF and model magnitudes in the five SDSS bands and the spectroscopic class and
 * redshift (`class` and `z` of the `SpecObj` table).
 */
import { CourseError } from "../errors";

/** The SDSS photometric bands, from blue to red. */
export const SDSS_BANDS = ["u", "g", "r", "i", "z"] as const;
export type SdssBand = (typeof SDSS_BANDS)[number];

/** The two classes of the catalogue; the networks of the course code STAR as 0 and GALAXY as 1. */
export type StarGalaxyClass = "STAR" | "GALAXY";

export interface StarGalaxyRecord {
  /** SkyServer object id (a 64-bit integer, kept as text so no digit is lost). */
  objID: string;
  class: StarGalaxyClass;
  psfMag_u: number;
  psfMag_g: number;
  psfMag_r: number;
  psfMag_i: number;
  psfMag_z: number;
  modelMag_u: number;
  modelMag_g: number;
  modelMag_r: number;
  modelMag_i: number;
  modelMag_z: number;
  /** Spectroscopic redshift (≈ 0 for stars). */
  z: number;
}

/** The PSF magnitudes, which some SDSS exports (e.g. `u,g,r,i,z,redshift,class`) do not have. */
type PsfMagnitudeColumn = `psfMag_${SdssBand}`;

/**
 * One object of an SDSS CSV export: model magnitudes, class and redshift always; PSF
 * magnitudes only when the export has them (then it is a {@link StarGalaxyRecord}).
 */
export type SdssPhotometryRecord = Omit<StarGalaxyRecord, PsfMagnitudeColumn> & Partial<Pick<StarGalaxyRecord, PsfMagnitudeColumn>>;

/** The catalogue's columns, in the order of the CSV files. */
export const STAR_GALAXY_COLUMNS = [
  "objID",
  "class",
  "psfMag_u",
  "psfMag_g",
  "psfMag_r",
  "psfMag_i",
  "psfMag_z",
  "modelMag_u",
  "modelMag_g",
  "modelMag_r",
  "modelMag_i",
  "modelMag_z",
  "z",
] as const;

/** The label of an object for binary classification: 0 = star, 1 = galaxy. */
export function classLabel(record: Pick<StarGalaxyRecord, "class">): 0 | 1 {
  return record.class === "GALAXY" ? 1 : 0;
}

/** A catalogue file or its contents are not what the course expects. */
export class CatalogueError extends CourseError {
  override name = "CatalogueError";
}
