import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { closeEnough, EXERCISE_TOLERANCE } from "./close-enough";

describe("closeEnough, the tolerance of every exercise checker", () => {
  test("is absolute below 1 and relative above, at 5·10⁻³", () => {
    assert.equal(EXERCISE_TOLERANCE, 5e-3);
    assert.equal(closeEnough(0.3049, 0.3), true);
    assert.equal(closeEnough(0.3051, 0.3), false);
    assert.equal(closeEnough(-0.0049, 0), true);
    assert.equal(closeEnough(0.0051, 0), false);
    assert.equal(closeEnough(200.99, 200), true);
    assert.equal(closeEnough(201.01, 200), false);
    assert.equal(closeEnough(-199.01, -200), true);
  });

  test("accepts any answer rounded to three significant digits", () => {
    for (const want of [75 / 115, 4 / 3, Math.tanh(0.4), 123.456, 9.87654, 1.005, -0.0123]) {
      const rounded = Number(want.toPrecision(3));
      assert.equal(closeEnough(rounded, want), true, `${rounded} para ${want}`);
    }
  });

  test("takes another tolerance where an exercise needs it, 0 for exact counts", () => {
    assert.equal(closeEnough(4360, 4360, 0), true);
    assert.equal(closeEnough(4361, 4360, 0), false);
    assert.equal(closeEnough(0.25 + 2e-6, 0.25, 1e-6), false);
    assert.equal(closeEnough(0.25 + 5e-7, 0.25, 1e-6), true);
  });

  test("anything but a finite number is never close", () => {
    for (const got of [NaN, Infinity, undefined, null, "0.3", [0.3]]) assert.equal(closeEnough(got, 0.3), false, String(got));
  });
});
