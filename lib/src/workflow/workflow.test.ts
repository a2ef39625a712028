import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { fitScaler } from "./scaler";
import { balancedIndices, trainValidationSplit } from "./split";
import { InvalidDataPreparationError } from "./workflow-errors";

describe("fitScaler", () => {
  test("z-score gives mean 0 and standard deviation 1 on the training data, min–max gives 0…1", () => {
    const x = tf.tensor2d([[1, 100], [2, 300], [3, 500], [6, 100]]);
    const z = fitScaler(x, "zscore").transform(x);
    const { mean, variance } = tf.moments(z, 0);
    Array.from(mean.dataSync()).forEach((m) => assert.ok(Math.abs(m) < 1e-6));
    Array.from(variance.dataSync()).forEach((v) => assert.ok(Math.abs(v - 1) < 1e-5));
    const m = fitScaler(x, "minmax").transform(x);
    assert.deepEqual(Array.from(m.min(0).dataSync()), [0, 0]);
    assert.deepEqual(Array.from(m.max(0).dataSync()), [1, 1]);
    const n = fitScaler(x, "none").transform(x);
    assert.deepEqual(n.arraySync(), x.arraySync());
    tf.dispose([x, z, mean, variance, m, n]);
  });

  test("applies the training statistics to other data and survives a constant feature, without leaks", async () => {
    const train = tf.tensor2d([[0, 5], [10, 5]]);
    const other = tf.tensor2d([[20, 5]]);
    const scaler = fitScaler(train, "minmax");
    await expectNoLeakedTensors(tf, () => scaler.transform(other).dispose());
    const scaled = scaler.transform(other);
    assert.deepEqual(scaled.arraySync(), [[2, 0]]);
    assert.throws(() => scaler.transform(tf.zeros([1, 3]) as tf.Tensor2D), /\[n, 2\]/);
    await expectNoLeakedTensors(tf, () => void fitScaler(train, "zscore"));
    assert.throws(() => fitScaler(train, "log" as never), InvalidDataPreparationError);
    tf.dispose([train, other, scaled]);
  });
});

describe("splits and balancing", () => {
  test("trainValidationSplit partitions every index once, in a seeded random order", () => {
    const split = trainValidationSplit(100, 0.2, 1);
    assert.equal(split.validation.length, 20);
    assert.deepEqual([...split.train, ...split.validation].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i));
    assert.notDeepEqual(split.validation, Array.from({ length: 20 }, (_, i) => i), "shuffled, not the first 20");
    assert.deepEqual(trainValidationSplit(100, 0.2, 1), split);
    assert.throws(() => trainValidationSplit(3, 0.01, 1), InvalidDataPreparationError);
  });

  test("balancedIndices repeats the rare class until every class has as many examples as the largest", () => {
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const indices = balancedIndices(labels, 3);
    const counts = [0, 0];
    indices.forEach((i) => (counts[labels[i] as number]! += 1));
    assert.deepEqual(counts, [8, 8]);
    assert.ok(indices.includes(8) && indices.includes(9));
    assert.throws(() => balancedIndices([], 1), /não vazia/);
  });
});
