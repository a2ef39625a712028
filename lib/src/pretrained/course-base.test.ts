import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "../tf";
import { datasetPath } from "../datasets/manifest";
import { buildCourseBase, COURSE_BASE_WEIGHTS_FILE, loadCoursePretrainedBase } from "./course-base";
import { readKerasWeights } from "./keras-weights";
import { extractFeatures } from "./feature-extraction";
import { readShippedGalaxyImages } from "../galaxy-images/shipped-galaxy-images";
import { galaxyImagesToTensors, sliceGalaxyImages } from "../galaxy-images/galaxy-image-set";
import { PretrainedModelError, WeightsFileError } from "./pretrained-errors";

describe("buildCourseBase", () => {
  test("three VGG-style blocks named like Keras, 23,296 parameters, [8, 8, 64] for 64×64 galaxies", () => {
    const base = buildCourseBase();
    assert.deepEqual(base.layers.map((l) => l.name), ["input_1", "block1_conv1", "block1_pool", "block2_conv1", "block2_pool", "block3_conv1", "block3_pool"]);
    // (3·3·1·16 + 16) + (3·3·16·32 + 32) + (3·3·32·64 + 64)
    assert.equal(base.countParams(), 160 + 4640 + 18496);
    assert.deepEqual(base.outputs[0]?.shape, [null, 8, 8, 64]);
    base.dispose();
  });

  test("the same seed gives the same initial weights (the pretraining script relies on it)", () => {
    const [a, b] = [buildCourseBase({ seed: 4 }), buildCourseBase({ seed: 4 })];
    a.layers.forEach((layer) => {
      const wa = layer.getWeights().map((w) => Array.from(w.dataSync()));
      const wb = b.getLayer(layer.name).getWeights().map((w) => Array.from(w.dataSync()));
      assert.deepEqual(wa, wb, layer.name);
    });
    [a, b].forEach((m) => m.dispose());
  });

  test("refuses images smaller than 8×8", () => {
    assert.throws(() => buildCourseBase({ inputShape: [4, 28, 1] }), PretrainedModelError);
  });
});

describe("loadCoursePretrainedBase", () => {
  test("is frozen, carries exactly the shipped weights, and fits other image sizes", async () => {
    const base = await loadCoursePretrainedBase({ inputShape: [32, 32, 1] });
    assert.equal(base.trainable, false);
    assert.equal(base.trainableWeights.length, 0);
    assert.deepEqual(base.outputs[0]?.shape, [null, 4, 4, 64]);
    const stored = await readKerasWeights(datasetPath(COURSE_BASE_WEIGHTS_FILE));
    for (const entry of stored.filter((e) => e.weights.length > 0)) {
      const loaded = base.getLayer(entry.layer).getWeights();
      entry.weights.forEach((weight, i) => assert.deepEqual(Array.from(loaded[i]?.dataSync() ?? []), Array.from(weight.values), entry.layer));
    }
    base.dispose();
  });

  test("trainable: true gives a base ready for fine-tuning", async () => {
    const base = await loadCoursePretrainedBase({ trainable: true });
    assert.equal(base.trainableWeights.length, 6);
    base.dispose();
  });

  test("its features are not those of a random base: pretraining changed the filters", async () => {
    const [pretrained, random] = [await loadCoursePretrainedBase(), buildCourseBase({ seed: 0 })];
    const first = (m: tf.LayersModel) => Array.from(m.getLayer("block1_conv1").getWeights()[0]?.dataSync() ?? []);
    const difference = first(pretrained).reduce((sum, value, i) => sum + Math.abs(value - (first(random)[i] ?? 0)), 0);
    assert.ok(difference > 1, `diferença ${difference}`);
    [pretrained, random].forEach((m) => m.dispose());
  });

  test("its features transfer to the target task of notebook 07: spirals and ellipticals part better than with random bases", async () => {
    // Nearest class centroid on the channel means of the base's output, standardised on 100
    // shipped galaxies and measured on 200 others: no training, so only the filters matter.
    const galaxies = readShippedGalaxyImages();
    const [fit, held] = [galaxyImagesToTensors(sliceGalaxyImages(galaxies, 0, 100)), galaxyImagesToTensors(sliceGalaxyImages(galaxies, 100, 300))];
    const centroidAccuracy = (base: tf.LayersModel): number =>
      tf.tidy(() => {
        const [a, b] = [extractFeatures(base, fit.x).mean([1, 2]), extractFeatures(base, held.x).mean([1, 2])];
        const mean = a.mean(0);
        const spread = a.sub(mean).square().mean(0).sqrt().add(1e-6);
        const [za, zb] = [a.sub(mean).div(spread), b.sub(mean).div(spread)];
        const classes = fit.y.argMax(-1);
        const centroid = (k: number) => {
          const member = classes.equal(k).toFloat();
          return za.mul(member.expandDims(1)).sum(0).div(member.sum());
        };
        const spiral = zb.sub(centroid(1)).square().sum(1).less(zb.sub(centroid(0)).square().sum(1));
        return spiral.toInt().equal(held.y.argMax(-1)).mean().dataSync()[0] ?? NaN;
      });
    const pretrained = await loadCoursePretrainedBase();
    const randomBases = [0, 1, 2].map((seed) => buildCourseBase({ seed }));
    const before = tf.memory().numTensors;
    const shipped = centroidAccuracy(pretrained);
    const random = randomBases.map(centroidAccuracy);
    assert.equal(tf.memory().numTensors, before);
    // Measured: 0.675 for the shipped base, 0.56–0.57 for random ones.
    assert.ok(shipped > Math.max(...random) + 0.05, `base do curso ${shipped}, bases aleatórias ${random.join(", ")}`);
    [pretrained, ...randomBases].forEach((m) => m.dispose());
    tf.dispose([fit.x, fit.y, held.x, held.y]);
  });

  test("a broken weights file gets a clear error and no model is left behind", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "course-base-"));
    const bad = path.join(folder, "x.h5");
    writeFileSync(bad, "não sou HDF5");
    const before = tf.memory().numTensors;
    await assert.rejects(loadCoursePretrainedBase({ weightsPath: bad }), WeightsFileError);
    assert.equal(tf.memory().numTensors, before);
    rmSync(folder, { recursive: true, force: true });
  });
});
