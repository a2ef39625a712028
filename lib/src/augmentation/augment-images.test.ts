import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { augmentImages, flipLeftRight, flipUpDown, rotate90 } from "./augment-images";
import { InvalidAugmentationError } from "./augmentation-errors";

/** A batch of distinct random images, so that any transform other than the identity shows. */
function randomBatch(count: number, size: number, channels = 1): tf.Tensor4D {
  return tf.randomUniform([count, size, size, channels], 0, 1, "float32", 11) as tf.Tensor4D;
}

describe("image augmentation", () => {
  test("a reflection applied twice gives the batch back, and once it does not", () => {
    const images = randomBatch(3, 5, 2);
    for (const flip of [flipLeftRight, flipUpDown]) {
      const once = flip(images);
      const twice = flip(once);
      assert.deepEqual(twice.shape, images.shape);
      assert.deepEqual(twice.arraySync(), images.arraySync());
      assert.notDeepEqual(once.arraySync(), images.arraySync());
      tf.dispose([once, twice]);
    }
    images.dispose();
  });

  test("flipLeftRight mirrors columns and rotate90 turns a known image counter-clockwise", () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const mirrored = flipLeftRight(image);
    assert.deepEqual(mirrored.reshape([3, 3]).arraySync(), [[3, 2, 1], [6, 5, 4], [9, 8, 7]]);
    const turned = rotate90(image);
    // Counter-clockwise: the right column becomes the top row.
    assert.deepEqual(turned.reshape([3, 3]).arraySync(), [[3, 6, 9], [2, 5, 8], [1, 4, 7]]);
    const full = rotate90(image, 4);
    assert.deepEqual(full.arraySync(), image.arraySync());
    const back = rotate90(image, -1);
    const again = rotate90(back, 1);
    assert.deepEqual(again.arraySync(), image.arraySync());
    tf.dispose([image, mirrored, turned, full, back, again]);
  });

  test("augmentImages keeps shape and dtype, repeats itself for a seed and changes with another", () => {
    const images = randomBatch(4, 8, 3);
    const options = { flips: true, maxRotationDegrees: 15, maxShift: 0.1, maxShear: 0.1 };
    const a = augmentImages(images, { ...options, seed: 1 });
    const b = augmentImages(images, { ...options, seed: 1 });
    const c = augmentImages(images, { ...options, seed: 2 });
    assert.deepEqual(a.shape, images.shape);
    assert.equal(a.dtype, images.dtype);
    assert.deepEqual(a.arraySync(), b.arraySync());
    assert.notDeepEqual(a.arraySync(), c.arraySync());
    tf.dispose([images, a, b, c]);
  });

  test("with only reflections and 90° rotations every image is one of its 8 exact symmetries", () => {
    const images = randomBatch(6, 6);
    const augmented = augmentImages(images, { seed: 5, flips: true, rotations90: true });
    const originals = images.unstack() as tf.Tensor3D[];
    const results = augmented.unstack() as tf.Tensor3D[];
    const seen = new Set<string>();
    results.forEach((result, i) => {
      const original = (originals[i] as tf.Tensor3D).expandDims(0) as tf.Tensor4D;
      const candidates: tf.Tensor4D[] = [];
      for (let k = 0; k < 4; k++) {
        const turned = rotate90(original, k);
        candidates.push(turned, flipLeftRight(turned));
      }
      const target = JSON.stringify(result.arraySync());
      const match = candidates.findIndex((candidate) => JSON.stringify(candidate.squeeze([0]).arraySync()) === target);
      assert.ok(match >= 0, `image ${i} is not a symmetry of its original`);
      seen.add(String(match));
      tf.dispose([original, ...candidates]);
    });
    assert.ok(seen.size > 1, "the seed should pick different symmetries for different images");
    tf.dispose([images, augmented, ...originals, ...results]);
  });

  test("a shift with zero fill moves a bright pixel and keeps its value", () => {
    const values = new Float32Array(9 * 9);
    values[4 * 9 + 4] = 1; // a point source in the centre
    const image = tf.tensor4d(values, [1, 9, 9, 1]);
    const shifted = augmentImages(image, { seed: 3, maxShift: 0.3, fill: "zero" });
    const out = shifted.dataSync();
    assert.equal(Array.from(out).reduce((s, v) => s + v, 0), 1, "the point source survives the shift");
    assert.notEqual(out[4 * 9 + 4], 1, "and is no longer at the centre");
    tf.dispose([image, shifted]);
  });

  test("leaks no tensors", async () => {
    const images = randomBatch(2, 6);
    await expectNoLeakedTensors(tf, () => {
      tf.dispose([
        augmentImages(images, { seed: 1, flips: true, rotations90: true, maxRotationDegrees: 10, maxShift: 0.1, maxShear: 0.2 }),
        rotate90(images, 3),
        flipLeftRight(images),
      ]);
    });
    images.dispose();
  });

  test("refuses bad input with a typed Portuguese error", () => {
    const flat = tf.zeros([3, 4]) as unknown as tf.Tensor4D;
    assert.throws(() => augmentImages(flat, { seed: 1 }), (e: unknown) => e instanceof InvalidAugmentationError && /\[n, altura, largura, canais\]/.test(e.message));
    const wide = tf.zeros([1, 4, 6, 1]) as tf.Tensor4D;
    assert.throws(() => rotate90(wide), /quadradas/);
    assert.throws(() => augmentImages(wide, { seed: 1, rotations90: true }), InvalidAugmentationError);
    assert.throws(() => augmentImages(wide, { seed: 1, maxShift: 2 }), /maxShift/);
    tf.dispose([flat, wide]);
  });
});
