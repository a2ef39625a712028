/**
 * Colour features of a photometric catalogue: the inputs x of the course's star/galaxy
 * classifiers (colours from model magnitudes, and psfMag − modelMag, which measures how
 * extended an object is: ≈ 0 for point sources, > 0 for galaxies).
 */
import { CatalogueError, classLabel, type SdssBand, type SdssPhotometryRecord } from "./star-galaxy-record";

export type ColourFeature =
  | "u-g"
  | "g-r"
  | "r-i"
  | "i-z"
  | "psf-model_u"
  | "psf-model_g"
  | "psf-model_r"
  | "psf-model_i"
  | "psf-model_z";

/** The default features: the four colours and the extension in r. */
export const DEFAULT_COLOUR_FEATURES: readonly ColourFeature[] = ["u-g", "g-r", "r-i", "i-z", "psf-model_r"];

const ALL_FEATURES: readonly ColourFeature[] = [
  "u-g", "g-r", "r-i", "i-z", "psf-model_u", "psf-model_g", "psf-model_r", "psf-model_i", "psf-model_z",
];

type MagnitudeRecord = Pick<SdssPhotometryRecord, `modelMag_${SdssBand}` | `psfMag_${SdssBand}`>;

/** The value of one feature for one object. */
function colourFeature(record: MagnitudeRecord, feature: ColourFeature): number {
  if (feature.startsWith("psf-model_")) {
    const band = feature.slice("psf-model_".length) as SdssBand;
    const psf = record[`psfMag_${band}`];
    if (psf === undefined) {
      throw new CatalogueError(
        `O atributo "${feature}" precisa da coluna psfMag_${band}, que este catálogo não tem (exportações com u,g,r,i,z trazem só ` +
          "as magnitudes de modelo). Use só as cores (u-g, g-r, r-i, i-z) ou inclua p.psfMag_u..p.psfMag_z na consulta.",
      );
    }
    return psf - record[`modelMag_${band}`];
  }
  const [blue, red] = feature.split("-") as [SdssBand, SdssBand];
  return record[`modelMag_${blue}`] - record[`modelMag_${red}`];
}

export interface ColourFeatureTable {
  /** The feature names, in the order of the columns of `x`. */
  names: ColourFeature[];
  /** One row per object. */
  x: number[][];
  /** 0 for a star, 1 for a galaxy. */
  labels: Array<0 | 1>;
}

/**
 * Colour features and labels (star 0, galaxy 1) of the given objects.
 *
 * @param records The objects (e.g. `readStarGalaxyCatalogue()` or `readSdssCsvFile("minha-consulta.csv")`).
 * @param features Which features, in which order; default {@link DEFAULT_COLOUR_FEATURES}.
 * @throws {CatalogueError} For an unknown feature name, no objects, or a psf − model feature
 *   on records without PSF magnitudes.
 */
export function colourFeatures(
  records: readonly SdssPhotometryRecord[],
  features: readonly ColourFeature[] = DEFAULT_COLOUR_FEATURES,
): ColourFeatureTable {
  if (records.length === 0) {
    throw new CatalogueError("Nenhum objeto para calcular as cores: a lista de registros está vazia.");
  }
  for (const feature of features) {
    if (!ALL_FEATURES.includes(feature)) {
      throw new CatalogueError(`Atributo desconhecido "${feature}". Os disponíveis são: ${ALL_FEATURES.join(", ")}.`);
    }
  }
  return {
    names: [...features],
    x: records.map((record) => features.map((feature) => colourFeature(record, feature))),
    labels: records.map(classLabel),
  };
}
