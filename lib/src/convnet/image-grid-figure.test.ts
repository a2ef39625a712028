import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { featureMapImages, filterImages, ImageGridError, imageGridFigure } from "./image-grid-figure";

describe("image grids", () => {
  test("one heatmap per image on its own axes, rows top-down, captions as annotations", () => {
    const images = [[[0, 1], [2, 3]], [[4, 5], [6, 7]], [[8, 9], [10, 11]]];
    const figure = imageGridFigure(images, { columns: 2, titles: ["a", "b", "c"] });
    assert.equal(figure.data.length, 3);
    const second = figure.data[1] as { type: string; z: number[][]; xaxis: string; yaxis: string };
    assert.equal(second.type, "heatmap");
    assert.deepEqual(second.z, images[1]);
    assert.equal(second.xaxis, "x2");
    const layout = figure.layout as Record<string, any>;
    assert.deepEqual(layout.grid, { rows: 2, columns: 2, pattern: "independent" });
    assert.equal(layout.yaxis3.autorange, "reversed");
    assert.deepEqual(layout.annotations.map((a: { text: string }) => a.text), ["a", "b", "c"]);
    assert.throws(() => imageGridFigure([]), ImageGridError);
    assert.throws(() => imageGridFigure(images, { titles: ["a"] }), /3 imagens mas 1 títulos/);
  });

  test("feature maps and filters come out channel by channel, without leaking tensors", async () => {
    await expectNoLeakedTensors(tf, () => {
      // maps[0, y, x, c] = 100c + 10y + x
      const maps = tf.tidy(() => tf.tensor4d(Array.from({ length: 2 * 2 * 3 * 2 }, (_, i) => i), [2, 2, 3, 2]));
      const images = featureMapImages(maps, 1);
      assert.equal(images.length, 2); // two channels
      assert.deepEqual(images[0], [[12, 14, 16], [18, 20, 22]]);
      const kernel = tf.tensor4d(Array.from({ length: 3 * 3 * 2 * 4 }, (_, i) => i), [3, 3, 2, 4]);
      const filters = filterImages(kernel, 1);
      assert.equal(filters.length, 4);
      assert.equal(filters[2]![0]![1], kernel.arraySync()[0]![1]![1]![2]);
      const flat = maps.reshape([24]);
      assert.throws(() => filterImages(flat), /núcleo/);
      tf.dispose([maps, kernel, flat]);
    });
  });
});
