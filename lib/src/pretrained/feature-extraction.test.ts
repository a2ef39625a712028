import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { buildDenseHead, extractFeatures, measureFeatureThroughput } from "./feature-extraction";
import { buildCourseBase } from "./course-base";
import { PretrainedModelError } from "./pretrained-errors";
import { expectNoLeakedTensors } from "../test-support/tensors";

describe("extractFeatures", () => {
  test("returns the base's output for every image, batch by batch, equal to one big predict", async () => {
    const base = buildCourseBase({ seed: 1, inputShape: [28, 28, 1] });
    const images = tf.randomUniform([5, 28, 28, 1], 0, 1, "float32", 3) as tf.Tensor4D;
    await expectNoLeakedTensors(tf, () => {
      const features = extractFeatures(base, images, { batchSize: 2 });
      assert.deepEqual(features.shape, [5, 3, 3, 64]);
      const whole = base.predict(images) as tf.Tensor;
      const difference = tf.tidy(() => features.sub(whole).abs().max().dataSync()[0] ?? NaN);
      assert.ok(difference < 1e-5, `diferença ${difference}`);
      tf.dispose([features, whole]);
    });
    images.dispose();
    base.dispose();
  });

  test("refuses images of the wrong size and a bad batch size, in Portuguese", () => {
    const base = buildCourseBase({ inputShape: [28, 28, 1] });
    const images = tf.zeros([2, 32, 32, 1]) as tf.Tensor4D;
    assert.throws(() => extractFeatures(base, images), (error: unknown) => {
      assert.ok(error instanceof PretrainedModelError);
      assert.match(error.message, /\[n, 28, 28, 1\]/);
      assert.match(error.message, /\[2, 32, 32, 1\]/);
      return true;
    });
    const right = tf.zeros([2, 28, 28, 1]) as tf.Tensor4D;
    assert.throws(() => extractFeatures(base, right, { batchSize: 0 }), /batchSize/);
    tf.dispose([images, right]);
    base.dispose();
  });
});

describe("buildDenseHead", () => {
  test("maps features to class probabilities that sum to 1", () => {
    const head = buildDenseHead({ inputShape: [3, 3, 64], classes: 3, seed: 2 });
    assert.deepEqual(head.outputs[0]?.shape, [null, 3]);
    // 576·32 + 32 (hidden) + 32·3 + 3 (output)
    assert.equal(head.countParams(), 576 * 32 + 32 + 32 * 3 + 3);
    const sums = tf.tidy(() => Array.from((head.predict(tf.ones([4, 3, 3, 64])) as tf.Tensor).sum(-1).dataSync()));
    sums.forEach((sum) => assert.ok(Math.abs(sum - 1) < 1e-5));
    head.dispose();
  });

  test("can learn: the head separates two clusters of features", async () => {
    const head = buildDenseHead({ inputShape: [4], dropout: 0, seed: 0 });
    head.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
    const x = tf.tensor2d([[1, 1, 0, 0], [0.9, 1.1, 0, 0], [0, 0, 1, 1], [0, 0.1, 1.2, 0.9]]);
    const y = tf.tensor2d([[1, 0], [1, 0], [0, 1], [0, 1]]);
    const history = await head.fit(x, y, { epochs: 40, verbose: 0 });
    const accuracy = history.history.acc as number[];
    assert.equal(accuracy[accuracy.length - 1], 1);
    tf.dispose([x, y]);
    head.dispose();
  });

  test("refuses bad shapes and rates", () => {
    assert.throws(() => buildDenseHead({ inputShape: [] }), PretrainedModelError);
    assert.throws(() => buildDenseHead({ inputShape: [4], classes: 1 }), /classes/);
    assert.throws(() => buildDenseHead({ inputShape: [4], dropout: 1 }), /dropout/);
  });
});

describe("buildDenseHead's dropout", () => {
  test("draws a new mask at every training step (a seed on the layer would freeze it)", () => {
    const head = buildDenseHead({ inputShape: [64], classes: 2, dropout: 0.5, seed: 2 });
    const dropoutLayer = head.getLayer("head_dropout");
    const masks = tf.tidy(() => {
      const ones = tf.ones([1, 32]);
      const once = (dropoutLayer.apply(ones, { training: true }) as tf.Tensor).notEqual(0).arraySync();
      const twice = (dropoutLayer.apply(ones, { training: true }) as tf.Tensor).notEqual(0).arraySync();
      return { once, twice };
    });
    assert.notDeepEqual(masks.once, masks.twice);
    head.dispose();
  });
});

describe("measureFeatureThroughput", () => {
  test("gives a positive rate in images per second and leaks nothing", async () => {
    const base = buildCourseBase();
    await expectNoLeakedTensors(tf, () => {
      const rate = measureFeatureThroughput(base, 4, 2);
      assert.ok(Number.isFinite(rate) && rate > 0);
    });
    assert.throws(() => measureFeatureThroughput(base, 0), PretrainedModelError);
    base.dispose();
  });
});
