import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { generateGalaxyImages } from "../galaxy-images/generate-galaxy-images";
import { GalaxyImageError } from "../galaxy-images/galaxy-image-errors";
import { pickRows } from "./pick-rows";
import { splitIndices } from "./split-indices";
import { DataPreparationError } from "./data-preparation-error";

describe("pickRows", () => {
  test("takes the items of an array in the order of the indices", () => {
    assert.deepEqual(pickRows(["a", "b", "c", "d"], [3, 0, 3]), ["d", "a", "d"]);
  });

  test("takes the rows of a tensor (first axis) as a new tensor, leaking only what it returns", async () => {
    const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    await expectNoLeakedTensors(tf, () => {
      const rows = pickRows(x, [2, 0]);
      assert.deepEqual(rows.shape, [2, 2]);
      assert.deepEqual(rows.arraySync(), [[5, 6], [1, 2]]);
      rows.dispose();
    });
    x.dispose();
  });

  test("takes images with their labels from a galaxy image set, so a split keeps every image with its class", () => {
    const set = generateGalaxyImages({ count: 10, size: 12, seed: 4 });
    const parts = splitIndices(10, { test: 0.2, seed: 1, stratify: set.labels });
    const held = pickRows(set, parts.test);
    const train = pickRows(set, parts.train);
    assert.deepEqual(held.shape, [2, 12, 12, 1]);
    assert.deepEqual(Array.from(held.labels).sort(), [0, 1], "one of each class (stratified)");
    assert.equal(train.shape[0], 8);
    parts.test.forEach((i, k) => {
      assert.equal(held.labels[k], set.labels[i]);
      assert.deepEqual(held.pixels.slice(k * 144, (k + 1) * 144), set.pixels.slice(i * 144, (i + 1) * 144));
    });
    assert.deepEqual(held.classNames, set.classNames);
    assert.throws(() => pickRows({ ...set, labels: set.labels.slice(1) }, [0]), GalaxyImageError);
  });

  test("refuses no indices or indices outside the data, in Portuguese", () => {
    assert.throws(() => pickRows([1, 2, 3], []), (e: unknown) => e instanceof DataPreparationError && /lista não vazia de índices/.test(e.message));
    assert.throws(() => pickRows([1, 2, 3], [3]), /entre 0 e 2; chegou 3/);
    assert.throws(() => pickRows([1, 2, 3], [0.5]), /inteiro/);
    const x = tf.tensor2d([[1], [2]]);
    assert.throws(() => pickRows(x, [-1]), /entre 0 e 1; chegou -1/);
    x.dispose();
  });
});
