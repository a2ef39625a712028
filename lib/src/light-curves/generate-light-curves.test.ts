import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { generateLightCurves, lightCurvesToTensors, LIGHT_CURVE_CLASSES } from "./generate-light-curves";
import { InvalidLightCurveRequestError } from "./light-curve-errors";

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

describe("generateLightCurves", () => {
  test("gives balanced classes, the requested length and the same curves for the same seed", () => {
    const a = generateLightCurves({ count: 30, seed: 1, length: 40 });
    const b = generateLightCurves({ count: 30, seed: 1, length: 40 });
    const c = generateLightCurves({ count: 30, seed: 2, length: 40 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.magnitudes, c.magnitudes);
    assert.equal(a.magnitudes.length, 30);
    assert.ok(a.magnitudes.every((m) => m.length === 40));
    assert.deepEqual(a.classNames, [...LIGHT_CURVE_CLASSES]);
    for (let k = 0; k < 3; k++) assert.equal(a.labels.filter((l) => l === k).length, 10);
  });

  test("each class looks like itself: periods in range, eclipsing stars flat most of the time, pulsators varying", () => {
    const curves = generateLightCurves({ count: 90, seed: 3, noise: 0 });
    curves.labels.forEach((label, i) => {
      const m = curves.magnitudes[i] as number[];
      const period = curves.periods[i] as number;
      if (label === 0) assert.ok(period >= 2 && period <= 10);
      if (label === 1) assert.ok(period >= 0.3 && period <= 0.8);
      if (label === 2) {
        // Outside eclipses the magnitude sits at its minimum (brightest): the median equals the minimum.
        assert.ok(Math.abs(median(m) - Math.min(...m)) < 1e-9, `eclipsing curve ${i} is not flat between eclipses`);
      } else {
        assert.ok(Math.abs(median(m) - Math.min(...m)) > 0.05, `pulsating curve ${i} should vary most of the time`);
      }
      assert.ok(spread(m) < 1.3);
    });
  });

  test("noise has the requested standard deviation and leaves the stars alone", () => {
    const clean = generateLightCurves({ count: 30, seed: 5, noise: 0 });
    const noisy = generateLightCurves({ count: 30, seed: 5, noise: 0.1 });
    assert.deepEqual(noisy.periods, clean.periods);
    const differences = noisy.magnitudes.flatMap((m, i) => m.map((v, j) => v - ((clean.magnitudes[i] as number[])[j] as number)));
    const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
    const sd = Math.sqrt(differences.reduce((s, d) => s + (d - mean) ** 2, 0) / differences.length);
    assert.ok(Math.abs(mean) < 0.01 && Math.abs(sd - 0.1) < 0.01, `noise mean ${mean}, sd ${sd}`);
  });

  test("lightCurvesToTensors standardizes each curve and one-hot encodes labels, without leaks", async () => {
    const curves = generateLightCurves({ count: 6, seed: 4, length: 20 });
    await expectNoLeakedTensors(tf, () => {
      const { x, y } = lightCurvesToTensors(curves);
      tf.dispose([x, y]);
    });
    const { x, y } = lightCurvesToTensors(curves);
    assert.deepEqual(x.shape, [6, 20, 1]);
    assert.deepEqual(y.shape, [6, 3]);
    const rows = x.squeeze([2]).arraySync() as number[][];
    rows.forEach((row) => {
      const mean = row.reduce((s, v) => s + v, 0) / row.length;
      assert.ok(Math.abs(mean) < 1e-5);
    });
    assert.deepEqual((y.argMax(1).arraySync() as number[]), curves.labels);
    tf.dispose([x, y]);
  });

  test("refuses impossible requests", () => {
    assert.throws(() => generateLightCurves({ count: 0, seed: 1 }), InvalidLightCurveRequestError);
    assert.throws(() => generateLightCurves({ count: 3, seed: 1, length: 1 }), /length/);
    assert.throws(() => generateLightCurves({ count: 3, seed: 1, noise: -1 }), /noise/);
  });
});
