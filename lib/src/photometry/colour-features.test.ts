import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { colourFeatures, type ColourFeature } from "./colour-features";
import { CatalogueError, type StarGalaxyRecord } from "./star-galaxy-record";
import { DataPreparationError, trainTestSplit } from "./train-test-split";
import { fitStandardizer } from "./standardize";

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

describe("trainTestSplit", () => {
  const items = Array.from({ length: 100 }, (_, k) => k);

  test("is reproducible, disjoint and complete, with the requested test size", () => {
    const a = trainTestSplit(items, { seed: 3, testFraction: 0.2 });
    assert.deepEqual(a, trainTestSplit(items, { seed: 3, testFraction: 0.2 }));
    assert.notDeepEqual(a.test, trainTestSplit(items, { seed: 4, testFraction: 0.2 }).test);
    assert.equal(a.test.length, 20);
    assert.deepEqual([...a.train, ...a.test].sort((x, y) => x - y), items);
    assert.notDeepEqual(a.test, items.slice(0, 20), "the split is shuffled");
  });

  test("refuses fractions or sizes that leave a set empty", () => {
    assert.throws(() => trainTestSplit(items, { seed: 1, testFraction: 1 }), DataPreparationError);
    assert.throws(() => trainTestSplit([1], { seed: 1 }), /um dos conjuntos ficaria vazio/);
  });
});

describe("fitStandardizer", () => {
  test("gives zero mean and unit variance on the training rows and reuses them on others", () => {
    const s = fitStandardizer([[1, 10], [3, 10], [5, 10]]);
    assert.deepEqual(s.mean, [3, 10]);
    assert.ok(Math.abs(s.std[0]! - Math.sqrt(8 / 3)) < 1e-12);
    assert.equal(s.std[1], 1, "a constant column is only centred");
    const [row] = s.transform([[3 + Math.sqrt(8 / 3), 12]]);
    assert.ok(Math.abs(row![0]! - 1) < 1e-12);
    assert.equal(row![1], 2);
  });

  test("rejects no rows, ragged rows and NaN", () => {
    assert.throws(() => fitStandardizer([]), DataPreparationError);
    assert.throws(() => fitStandardizer([[1, 2], [3]]), /linha 1 de dados de treino tem 1 colunas; esperava 2/);
    assert.throws(() => fitStandardizer([[1, Number.NaN]]), /não finito/);
    assert.throws(() => fitStandardizer([[1, 2]]).transform([[1]]), /esperava 2/);
  });
});
