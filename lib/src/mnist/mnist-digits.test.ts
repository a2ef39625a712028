import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadMnistDigits, MnistDigitsError } from "./mnist-digits";

describe("loadMnistDigits", () => {
  test("gives disjoint, seeded training and test sets of 28×28 digits with values in 0–1", () => {
    const { train, test: held } = loadMnistDigits({ trainCount: 300, testCount: 100, seed: 3 });
    assert.deepEqual(train.shape, [300, 28, 28, 1]);
    assert.equal(train.pixels.length, 300 * 784);
    assert.deepEqual(held.shape, [100, 28, 28, 1]);
    assert.ok(train.pixels.every((v) => v >= 0 && v <= 1));
    // every digit appears (a shuffled sample of 300 from ~1000 per class)
    assert.equal(new Set(train.labels).size, 10);
    // a digit has ink: some pixels near 1, most near 0
    const first = train.pixels.subarray(0, 784);
    assert.ok(first.some((v) => v > 0.9) && first.filter((v) => v < 0.1).length > 400);
    // no image is in both sets
    const key = (pixels: Float32Array, k: number): string => pixels.subarray(k * 784, (k + 1) * 784).join(",");
    const trainKeys = new Set(Array.from({ length: 300 }, (_, k) => key(train.pixels, k)));
    assert.ok(Array.from({ length: 100 }, (_, k) => key(held.pixels, k)).every((k) => !trainKeys.has(k)));
    const again = loadMnistDigits({ trainCount: 300, testCount: 100, seed: 3 });
    assert.deepEqual(again.train.labels, train.labels);
    assert.notDeepEqual(loadMnistDigits({ trainCount: 300, testCount: 100, seed: 4 }).train.labels, train.labels);
  });

  test("refuses more digits than the package holds", () => {
    assert.throws(() => loadMnistDigits({ trainCount: 9000, testCount: 2000 }), (e: unknown) => e instanceof MnistDigitsError && /soma ≤ 10000/.test(e.message));
  });
});
