import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { maxAbsDifference } from "../../test-support/tensors";
import { withoutNativeSpeedups } from "./install-speedups";
import { buildConvnet } from "../../convnet/build-convnet";

/** A small least-squares problem whose weights Adam moves visibly in a few steps. */
function makeProblem(seed: number) {
  const x = tf.randomNormal([32, 5], 0, 1, "float32", seed);
  const y = tf.randomNormal([32, 3], 0, 1, "float32", seed + 1);
  const w = tf.variable(tf.randomNormal([5, 3], 0, 0.5, "float32", seed + 2), true, `w_${seed}_${Math.random()}`);
  const b = tf.variable(tf.zeros([3]), true, `b_${seed}_${Math.random()}`);
  const loss = () => tf.tidy(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(x, w), b), y))) as tf.Scalar);
  return { x, y, w, b, loss, dispose: () => tf.dispose([x, y, w, b]) };
}

type Problem = ReturnType<typeof makeProblem>;

function train(problem: Problem, optimizer: tf.Optimizer, steps: number): void {
  for (let step = 0; step < steps; step += 1) {
    optimizer.minimize(problem.loss, true)?.dispose();
  }
}

async function weightsOf(optimizer: tf.Optimizer): Promise<Map<string, Float32Array | Int32Array | Uint8Array>> {
  const named = await optimizer.getWeights();
  return new Map(named.map((entry, index) => [index === 0 ? "iter" : entry.name.replace(/^[wb]_[^/]*/, (n) => n[0] ?? n), entry.tensor.dataSync()]));
}

function assertClose(a: tf.Tensor, b: tf.Tensor, tolerance: number, what: string): void {
  const difference = maxAbsDifference(a, b);
  assert.ok(difference <= tolerance, `${what}: diferença ${difference} > ${tolerance}`);
}

describe("Adam on ResourceApplyAdam", () => {
  test("follows tfjs's Adam step for step (weights and moments), running one fused op per weight", async () => {
    const fast = makeProblem(1);
    const reference = makeProblem(1);
    const fastAdam = tf.train.adam(0.05);
    const referenceAdam = tf.train.adam(0.05);
    try {
      await withoutNativeSpeedups(() => train(reference, referenceAdam, 40));
      const ops = await nativeOpsRunBy(() => train(fast, fastAdam, 40));
      assert.equal(ops.filter((op) => op === "ResourceApplyAdam").length, 80);
      // tfjs's Adam takes a square root per weight and step; the fused one only for ε′ per step.
      assert.equal(ops.filter((op) => op === "Sqrt").length, 40);
      assertClose(fast.w, reference.w, 1e-5, "w");
      assertClose(fast.b, reference.b, 1e-5, "b");
      // The weights really moved (the comparison is not between two untouched copies).
      const untouched = makeProblem(1);
      assert.ok(maxAbsDifference(fast.w, untouched.w) > 0.1);
      untouched.dispose();
      const fastWeights = await weightsOf(fastAdam);
      const referenceWeights = await withoutNativeSpeedups(() => weightsOf(referenceAdam));
      assert.deepEqual([...fastWeights.keys()], [...referenceWeights.keys()]);
      for (const [name, values] of referenceWeights) {
        const mine = fastWeights.get(name);
        assert.ok(mine !== undefined);
        values.forEach((value, i) => assert.ok(Math.abs(value - (mine[i] ?? NaN)) <= 1e-5 * Math.max(1, Math.abs(value)), `${name}[${i}]`));
      }
    } finally {
      fastAdam.dispose(); referenceAdam.dispose();
      fast.dispose();
      reference.dispose();
    }
  });

  test("hands its moments to tfjs when turned off mid-training and takes them back when on again", async () => {
    const mixed = makeProblem(3);
    const reference = makeProblem(3);
    const mixedAdam = tf.train.adam(0.02);
    const referenceAdam = tf.train.adam(0.02);
    try {
      await withoutNativeSpeedups(() => train(reference, referenceAdam, 15));
      train(mixed, mixedAdam, 5);
      await withoutNativeSpeedups(() => train(mixed, mixedAdam, 5));
      train(mixed, mixedAdam, 5);
      assertClose(mixed.w, reference.w, 1e-5, "w");
      assertClose(mixed.b, reference.b, 1e-5, "b");
    } finally {
      mixedAdam.dispose(); referenceAdam.dispose();
      mixed.dispose();
      reference.dispose();
    }
  });

  test("setWeights restores a saved optimizer state that training then continues from", async () => {
    const saved = makeProblem(5);
    const restored = makeProblem(5);
    const savedAdam = tf.train.adam(0.03);
    const restoredAdam = tf.train.adam(0.03);
    try {
      train(saved, savedAdam, 10);
      restored.w.assign(saved.w);
      restored.b.assign(saved.b);
      // Moments saved under the first problem's names, set on the second optimizer.
      await restoredAdam.setWeights(await savedAdam.getWeights());
      train(saved, savedAdam, 10);
      train(restored, restoredAdam, 10);
      assertClose(restored.w, saved.w, 1e-6, "w");
    } finally {
      savedAdam.dispose(); restoredAdam.dispose();
      saved.dispose();
      restored.dispose();
    }
  });

  test("dispose frees everything the optimizer created (tfjs tensors and TensorFlow variables)", () => {
    const problem = makeProblem(7);
    const before = tf.memory().numTensors;
    const adam = tf.train.adam(0.01);
    train(problem, adam, 3);
    assert.ok(tf.memory().numTensors > before);
    adam.dispose();
    assert.equal(tf.memory().numTensors, before);
    problem.dispose();
  });

  test("model.fit of a small convnet for many epochs keeps the number of live tensors flat", async () => {
    // conv (relu) → max pooling → dense (tanh) → softmax: every speed-up runs in each step.
    const model = buildConvnet({
      inputShape: [8, 8, 1],
      layers: [
        { type: "conv2d", filters: 4, kernelSize: 3 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "flatten" },
        { type: "dense", units: 8, activation: "tanh" },
        { type: "dense", units: 3, activation: "softmax" },
      ],
      seed: 1,
    });
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
    const x = tf.randomNormal([96, 8, 8, 1], 0, 1, "float32", 9);
    const y = tf.oneHot(tf.randomUniform([96], 0, 3, "int32", 10) as tf.Tensor1D, 3);
    const counts: number[] = [];
    try {
      await model.fit(x, y, {
        epochs: 40,
        batchSize: 16,
        shuffle: false,
        validationSplit: 0.25,
        verbose: 0,
        callbacks: { onEpochEnd: () => void counts.push(tf.memory().numTensors) },
      });
      assert.equal(counts.length, 40);
      assert.deepEqual(new Set(counts.slice(1)).size, 1, `tensores vivos por época: ${counts.join(", ")}`);
    } finally {
      model.dispose();
      tf.dispose([x, y]);
    }
  });
});
