import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { buildVgg16, preprocessVgg16Input } from "./vgg16";
import { extractFeatures } from "./feature-extraction";
import { PretrainedModelError } from "./pretrained-errors";
import { expectNoLeakedTensors } from "../test-support/tensors";

// The layer names of keras.applications.VGG16(include_top=False).
const KERAS_NOTOP_LAYERS = [
  "input_1",
  "block1_conv1", "block1_conv2", "block1_pool",
  "block2_conv1", "block2_conv2", "block2_pool",
  "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool",
  "block4_conv1", "block4_conv2", "block4_conv3", "block4_pool",
  "block5_conv1", "block5_conv2", "block5_conv3", "block5_pool",
];

describe("buildVgg16", () => {
  test("has Keras' layer names and Keras' 14,714,688 parameters (include_top=False)", () => {
    const model = buildVgg16();
    assert.deepEqual(model.layers.map((layer) => layer.name), KERAS_NOTOP_LAYERS);
    assert.equal(model.countParams(), 14_714_688);
    assert.deepEqual(model.outputs[0]?.shape, [null, 7, 7, 512]);
    // Each convolution: 3×3 kernel from the previous channels, plus one bias per filter.
    const conv = model.getLayer("block3_conv1");
    assert.deepEqual(conv.getWeights().map((w) => w.shape), [[3, 3, 128, 256], [256]]);
    model.dispose();
  });

  test("feature extraction on a batch of 224×224 images returns [n, 7, 7, 512] and leaks nothing", async () => {
    const model = buildVgg16({ trainable: false });
    const images = tf.randomUniform([2, 224, 224, 3], 0, 255, "float32", 1) as tf.Tensor4D;
    await expectNoLeakedTensors(tf, () => {
      const features = extractFeatures(model, images, { batchSize: 1 });
      assert.deepEqual(features.shape, [2, 7, 7, 512]);
      features.dispose();
    });
    images.dispose();
    model.dispose();
  });

  test("the output size follows ⌊size/32⌋ for other input shapes", () => {
    const model = buildVgg16({ inputShape: [64, 100, 1] });
    assert.deepEqual(model.outputs[0]?.shape, [null, 2, 3, 512]);
    assert.deepEqual(model.getLayer("block1_conv1").getWeights()[0]?.shape, [3, 3, 1, 64]);
    model.dispose();
  });

  test("refuses inputs smaller than 32×32 with a Portuguese explanation", () => {
    assert.throws(() => buildVgg16({ inputShape: [16, 224, 3] }), (error: unknown) => {
      assert.ok(error instanceof PretrainedModelError);
      assert.match(error.message, /≥ 32/);
      assert.match(error.message, /\[16,224,3\]/);
      return true;
    });
  });

  test("the seed makes the random weights reproducible", () => {
    const [a, b, c] = [buildVgg16({ inputShape: [32, 32, 3], seed: 3 }), buildVgg16({ inputShape: [32, 32, 3], seed: 3 }), buildVgg16({ inputShape: [32, 32, 3], seed: 4 })];
    const first = (m: tf.LayersModel) => Array.from(m.getLayer("block1_conv1").getWeights()[0]?.dataSync() ?? []);
    assert.deepEqual(first(a), first(b));
    assert.notDeepEqual(first(a), first(c));
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe("preprocessVgg16Input", () => {
  test("turns RGB into BGR and subtracts Keras' ImageNet mean", () => {
    const rgb = tf.tensor4d([10, 20, 30], [1, 1, 1, 3]);
    const out = preprocessVgg16Input(rgb);
    const values = Array.from(out.dataSync());
    [30 - 103.939, 20 - 116.779, 10 - 123.68].forEach((expected, i) => assert.ok(Math.abs((values[i] ?? NaN) - expected) < 1e-4));
    tf.dispose([rgb, out]);
  });

  test("refuses grey images and says how to make them RGB", () => {
    const grey = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    assert.throws(() => preprocessVgg16Input(grey), /tf\.tile/);
    grey.dispose();
  });
});
