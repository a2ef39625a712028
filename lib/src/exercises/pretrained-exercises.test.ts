import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkVgg16LayerParameters, checkVgg16OutputShape } from "./pretrained-exercises";
import { buildVgg16 } from "../pretrained/vgg16";
import { assertNotAnswered, assertWrong } from "../test-support/exercise-verdicts";

describe("notebook 07 exercise checkers", () => {
  test("layer parameters: right for every convolution of the real model, with hints when wrong", () => {
    const model = buildVgg16({ inputShape: [32, 32, 3] });
    for (const layer of model.layers.filter((l) => l.name.includes("conv"))) {
      const check = checkVgg16LayerParameters(layer.name, layer.countParams());
      assert.equal(check.correct, true, layer.name);
      assert.match(check.message, /^✔/);
    }
    model.dispose();
    // block4_conv1: 3·3·256·512 + 512
    assert.match(checkVgg16LayerParameters("block4_conv1", 3 * 3 * 256 * 512).message, /^✘.*viés/);
    assert.match(checkVgg16LayerParameters("block4_conv1", 3 * 3 * 512 + 512).message, /^✘.*TODOS os canais/);
    assertNotAnswered(checkVgg16LayerParameters("block4_conv1", undefined));
    assertWrong(checkVgg16LayerParameters("block4_conv1", 3 * 3 * 256 * 512 + 512 + 1));
    assert.match(checkVgg16LayerParameters("block9_conv1", 1).message, /^✘ "block9_conv1" não é/);
    assert.doesNotMatch(checkVgg16LayerParameters("block4_conv1", 5).message, /1180160|1\.180\.160/);
  });

  test("output shape: right for floor(size/32) and 512 channels, hints otherwise, never the answer", () => {
    assert.equal(checkVgg16OutputShape(160, [5, 5, 512]).correct, true);
    assert.equal(checkVgg16OutputShape(100, [3, 3, 512]).correct, true);
    const wrong = checkVgg16OutputShape(160, [5, 5, 3]);
    assert.equal(wrong.correct, false);
    assert.match(wrong.message, /^✘.*filtros da última convolução/);
    assert.match(checkVgg16OutputShape(160, [10, 10, 512]).message, /poolings/);
    assertNotAnswered(checkVgg16OutputShape(160, undefined));
    assert.match(checkVgg16OutputShape(160, [5, 5]).message, /^✘ Responda com três números/);
  });
});
