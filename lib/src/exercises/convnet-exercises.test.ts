import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { buildConvnet } from "../convnet/build-convnet";
import { assertNotAnswered, assertWrong } from "../test-support/exercise-verdicts";
import { checkConvParameterCount, checkFeatureMapSize, checkVerticalEdgeFilter } from "./convnet-exercises";

describe("notebook 06 exercise checkers", () => {
  test("feature map size: the right answer is what tfjs builds; undefined is not answered yet, wrong answers (even by one pixel) get hints", () => {
    const model = buildConvnet({
      inputShape: [64, 64, 1],
      layers: [
        { type: "conv2d", filters: 1, kernelSize: 5 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "conv2d", filters: 1, kernelSize: 3, padding: "same" },
        { type: "maxPooling2d", poolSize: 2 },
      ],
    });
    const height = (model.outputShape as number[])[1]!;
    model.dispose();
    const right = checkFeatureMapSize(height);
    assert.equal(right.correct, true);
    assert.match(right.message, /^✔/);
    assert.doesNotMatch(right.message, new RegExp(`\\b${height}\\b`));
    assertNotAnswered(checkFeatureMapSize(undefined));
    assert.match(checkFeatureMapSize(14).message, /^✘ Quase: .*"same"/);
    assertWrong(checkFeatureMapSize(height + 1));
    assertWrong(checkFeatureMapSize(height - 1));
  });

  test("parameter count: the right answer is tfjs's countParams; forgetting the bias is named, the count is exact", () => {
    const layer = tf.layers.conv2d({ filters: 16, kernelSize: 3, inputShape: [10, 10, 8] });
    const model = tf.sequential({ layers: [layer] });
    const count = model.countParams();
    model.dispose();
    assert.equal(checkConvParameterCount(count).correct, true);
    assert.match(checkConvParameterCount(count - 16).message, /viés/);
    assert.equal(checkConvParameterCount(3 * 3 * 16).correct, false);
    assertWrong(checkConvParameterCount(count + 1));
    assertNotAnswered(checkConvParameterCount(undefined));
  });

  test("vertical edge filter: Sobel and Prewitt pass; blur, horizontal edges and non-3×3 input fail with reasons", () => {
    assert.equal(checkVerticalEdgeFilter([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]).correct, true);
    assert.equal(checkVerticalEdgeFilter([[1, 0, -1], [1, 0, -1], [1, 0, -1]]).correct, true);
    assert.match(checkVerticalEdgeFilter([[1, 1, 1], [1, 1, 1], [1, 1, 1]]).message, /soma dos pesos deveria ser 0/);
    assert.match(checkVerticalEdgeFilter([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]).message, /bordas horizontais/);
    assert.match(checkVerticalEdgeFilter([[0, 0, 0], [0, 0, 0], [0, 0, 0]]).message, /zeros/);
    assert.match(checkVerticalEdgeFilter([[1, -1], [1, -1]]).message, /3×3/);
    assertNotAnswered(checkVerticalEdgeFilter(undefined));
  });
});
