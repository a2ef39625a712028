/**
 * The small set of simulated galaxy images that ships with the course
 * (`datasets/galaxias-simuladas.bin`), rebuilt byte for byte by
 * `node --import tsx tools/datasets/make-galaxy-images.ts`.
 */
import fs from "node:fs";
import { datasetPath } from "../datasets/manifest";
import { decodeGalaxyImageFile, encodeGalaxyImageFile } from "./galaxy-image-file";
import { generateGalaxyImages, type GalaxyImageOptions, type GalaxyImageSet } from "./generate-galaxy-images";

/** File name of the shipped set inside `datasets/`. */
export const SHIPPED_GALAXY_IMAGES_FILE = "galaxias-simuladas.bin";

/** The generator options of the shipped set: 600 images 64×64, half spirals, seed 2026. */
export const SHIPPED_GALAXY_IMAGES_OPTIONS: Readonly<GalaxyImageOptions> = Object.freeze({ count: 600, size: 64, seed: 2026 });

/** The bytes of the shipped file, made from {@link SHIPPED_GALAXY_IMAGES_OPTIONS}. */
export function buildShippedGalaxyImagesFile(): Uint8Array {
  return encodeGalaxyImageFile(generateGalaxyImages(SHIPPED_GALAXY_IMAGES_OPTIONS), SHIPPED_GALAXY_IMAGES_OPTIONS);
}

/**
 * Reads the shipped set of 600 simulated 64×64 galaxy images (label 0 = elíptica,
 * 1 = espiral), after checking the file against `datasets/manifest.json`.
 *
 * @throws {DatasetError} When the file is missing or differs from the manifest.
 */
export function readShippedGalaxyImages(): GalaxyImageSet {
  const file = datasetPath(SHIPPED_GALAXY_IMAGES_FILE);
  return decodeGalaxyImageFile(fs.readFileSync(file), file);
}
