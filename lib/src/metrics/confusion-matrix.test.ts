import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { classificationReport, confusionMatrix, confusionMatrixFigure } from "./confusion-matrix";
import { InvalidLabelsError } from "./metrics-errors";

describe("confusion matrix and classification report", () => {
  test("count each (true, predicted) pair in the right cell", () => {
    const matrix = confusionMatrix([0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 1, 2, 0, 2], 3);
    assert.deepEqual(matrix, [[1, 1, 0], [0, 2, 0], [1, 0, 2]]);
  });

  test("precision, recall and F1 follow their definitions on a star/galaxy example", () => {
    // 10 galaxies (class 1): 8 found; 90 stars (class 0): 4 taken for galaxies.
    const report = classificationReport([[86, 4], [2, 8]], ["estrela", "galáxia"]);
    const galaxy = report.classes[1];
    assert.ok(galaxy);
    assert.equal(galaxy.className, "galáxia");
    assert.equal(galaxy.precision, 8 / 12);
    assert.equal(galaxy.recall, 8 / 10);
    assert.ok(Math.abs(galaxy.f1 - (2 * (8 / 12) * 0.8) / (8 / 12 + 0.8)) < 1e-12);
    assert.equal(galaxy.support, 10);
    assert.equal(report.accuracy, 94 / 100);
  });

  test("a class never predicted has NaN precision, not a division crash", () => {
    const report = classificationReport([[5, 0], [3, 0]]);
    assert.ok(Number.isNaN(report.classes[1]?.precision));
    assert.equal(report.classes[1]?.recall, 0);
  });

  test("the figure is a heatmap with the class names on both axes", () => {
    const figure = confusionMatrixFigure([[1, 2], [3, 4]], ["a", "b"]);
    const trace = figure.data[0] as { type: string; x: string[]; z: number[][] };
    assert.equal(trace.type, "heatmap");
    assert.deepEqual(trace.x, ["a", "b"]);
    assert.deepEqual(trace.z, [[1, 2], [3, 4]]);
  });

  test("refuses mismatched lengths and labels outside the classes, with a hint", () => {
    assert.throws(() => confusionMatrix([0, 1], [0], 2), (e: unknown) => e instanceof InvalidLabelsError && /2 classes verdadeiras e 1 previsões/.test(e.message));
    assert.throws(() => confusionMatrix([0, 1], [0, 0.7], 2), /argMax/);
    assert.throws(() => confusionMatrix([0, 3], [0, 1], 3), /de 0 a 2/);
    assert.throws(() => classificationReport([[1, 2]]), InvalidLabelsError);
  });
});
