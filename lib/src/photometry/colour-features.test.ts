import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { colourFeatures, type ColourFeature } from "./colour-features";
import { CatalogueError, type StarGalaxyRecord } from "./star-galaxy-record";

const galaxy: StarGalaxyRecord = {
  objID: "1", class: "GALAXY",
  psfMag_u: 20, psfMag_g: 19, psfMag_r: 18.5, psfMag_i: 18, psfMag_z: 17.9,
  modelMag_u: 19.5, modelMag_g: 18, modelMag_r: 17.25, modelMag_i: 17, modelMag_z: 16.75, z: 0.1,
};
const star: StarGalaxyRecord = { ...galaxy, objID: "2", class: "STAR", psfMag_r: 17.25 };

describe("colourFeatures", () => {
  test("computes colours from model magnitudes and psf − model, and labels star 0, galaxy 1", () => {
    const table = colourFeatures([galaxy, star]);
    assert.deepEqual(table.names, ["u-g", "g-r", "r-i", "i-z", "psf-model_r"]);
    assert.deepEqual(table.x[0], [1.5, 0.75, 0.25, 0.25, 1.25]);
    assert.deepEqual(table.x[1]![4], 0);
    assert.deepEqual(table.labels, [1, 0]);
  });

  test("takes a chosen list of features and rejects unknown ones or no objects", () => {
    assert.deepEqual(colourFeatures([galaxy], ["psf-model_u", "g-r"]).x, [[0.5, 0.75]]);
    assert.throws(() => colourFeatures([galaxy], ["u-r" as ColourFeature]), CatalogueError);
    assert.throws(() => colourFeatures([]), /lista de registros está vazia/);
  });
});
