import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { galaxyImageRows, galaxyImagesToTensors, sliceGalaxyImages } from "./galaxy-image-set";
import { GalaxyImageError } from "./galaxy-image-errors";
import { generateGalaxyImages } from "./generate-galaxy-images";

describe("galaxy image sets", () => {
  const set = generateGalaxyImages({ count: 10, size: 12, seed: 4 });

  test("galaxyImagesToTensors gives x [n,h,w,1] with the same pixels and one-hot y, and leaks only what it returns", async () => {
    await expectNoLeakedTensors(tf, () => {
      const { x, y } = galaxyImagesToTensors(set);
      assert.deepEqual(x.shape, [10, 12, 12, 1]);
      assert.equal(x.dtype, "float32");
      assert.deepEqual(y.shape, [10, 2]);
      assert.deepEqual(x.dataSync(), set.pixels);
      assert.deepEqual(Array.from(tf.tidy(() => y.argMax(1).dataSync())), Array.from(set.labels));
      assert.deepEqual(Array.from(tf.tidy(() => y.sum(1).dataSync())), new Array(10).fill(1));
      tf.dispose([x, y]);
    });
  });

  test("slice keeps images with their labels", () => {
    const part = sliceGalaxyImages(set, 3, 5);
    assert.deepEqual(part.shape, [2, 12, 12, 1]);
    assert.deepEqual(part.pixels, set.pixels.slice(3 * 144, 5 * 144));
    assert.deepEqual(part.labels, set.labels.slice(3, 5));
  });

  test("galaxyImageRows returns image k row by row", () => {
    const rows = galaxyImageRows(set, 2);
    assert.equal(rows.length, 12);
    assert.equal(rows[1]![3], set.pixels[2 * 144 + 12 + 3]);
  });

  test("bad indices and inconsistent sets throw GalaxyImageError in Portuguese", () => {
    assert.throws(() => sliceGalaxyImages(set, 5, 3), (e: unknown) => e instanceof GalaxyImageError && /0 ≤ start < end ≤ 10/.test(e.message));
    assert.throws(() => galaxyImageRows(set, 10), /entre 0 e 9; recebi 10/);
    const broken = { ...set, labels: set.labels.slice(1) };
    assert.throws(() => galaxyImagesToTensors(broken), /inconsistente.*10 rótulos.*9 rótulos/);
  });
});
