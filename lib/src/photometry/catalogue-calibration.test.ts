/**
 * The simulated catalogue separates stars from galaxies about as well as real SDSS
 * spectroscopic data does with the course's hand-written logistic regression (DR14
 * model magnitudes: ≈ 81 % with u−g, g−r and ≈ 95 % with u−g, g−r, r−i, i−z), on the
 * split notebook 05 uses (training 75 %, test 25 %, seed 42; z-score on training;
 * α = 1, 300 epochs from zero weights).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { logisticAccuracy, trainLogisticRegression } from "../backprop/logistic-regression";
import { fitScaler } from "../data-preparation/scaler";
import { pickRows } from "../data-preparation/pick-rows";
import { splitIndices } from "../data-preparation/split-indices";
import { colourFeatures, type ColourFeature } from "./colour-features";
import { readStarGalaxyCatalogue } from "./read-catalogue";
import { simulateStarGalaxyCatalogue } from "./simulate-catalogue";
import type { StarGalaxyRecord } from "./star-galaxy-record";

function logisticTestAccuracy(catalogue: StarGalaxyRecord[], features: ColourFeature[]): number {
  const split = splitIndices(catalogue.length, { test: 0.25, seed: 42 });
  const training = colourFeatures(pickRows(catalogue, split.train), features);
  const test = colourFeatures(pickRows(catalogue, split.test), features);
  const scaler = fitScaler(training.x, "zscore");
  return tf.tidy(() => {
    const x = tf.tensor2d(scaler.transform(training.x));
    const { params } = trainLogisticRegression(x, tf.tensor1d(training.labels), { learningRate: 1, epochs: 300 });
    return logisticAccuracy(tf.tensor2d(scaler.transform(test.x)), tf.tensor1d(test.labels), params);
  });
}

describe("the simulated catalogue behaves like the real sky for a logistic regression", () => {
  const catalogues = [
    { name: "o arquivo distribuído", records: readStarGalaxyCatalogue() },
    { name: "semente 3", records: simulateStarGalaxyCatalogue({ seed: 3, count: 4000 }) },
  ];
  for (const { name, records } of catalogues) {
    test(`${name}: ≈ 81 % with u−g, g−r and ≈ 95 % with the four colours, without leaking tensors`, () => {
      const before = tf.memory().numTensors;
      const two = logisticTestAccuracy(records, ["u-g", "g-r"]);
      const four = logisticTestAccuracy(records, ["u-g", "g-r", "r-i", "i-z"]);
      assert.ok(two > 0.78 && two < 0.84, `u−g, g−r: ${two}`);
      assert.ok(four > 0.93 && four < 0.97, `quatro cores: ${four}`);
      assert.equal(tf.memory().numTensors, before);
    });
  }
});
