import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decisionBoundaryLine } from "./decision-boundary";
import { TrainingInputError } from "./training-errors";

describe("decisionBoundaryLine", () => {
  test("every point of the line gives z = 0 (y = 1/2), with and without standardization", () => {
    const cases = [
      { w: [2, -1], b: 0.5, scaling: undefined },
      { w: [1.5, 3], b: -0.7, scaling: { shift: [1.2, 0.4], scale: [0.5, 0.2] } },
    ];
    for (const { w, b, scaling } of cases) {
      const line = decisionBoundaryLine(w, b, [-1, 2], scaling);
      const mean = scaling?.shift ?? [0, 0];
      const std = scaling?.scale ?? [1, 1];
      line.x.forEach((c1, k) => {
        const z = (w[0]! * (c1 - mean[0]!)) / std[0]! + (w[1]! * (line.y[k]! - mean[1]!)) / std[1]! + b;
        assert.ok(Math.abs(z) < 1e-12, `z = ${z}`);
      });
      assert.deepEqual(line.x, [-1, 2]);
    }
  });

  test("refuses a vertical boundary or the wrong number of weights", () => {
    assert.throws(() => decisionBoundaryLine([1, 0], 0, [0, 1]), /vertical/);
    assert.throws(() => decisionBoundaryLine([1, 2, 3], 0, [0, 1]), TrainingInputError);
  });
});
