import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { InvalidRandomSeedError, setRandomSeed } from "./set-random-seed";

const unseededMathRandom = Math.random;

/**
 * Builds a small network with unseeded initializers and a dropout layer, and trains it with
 * fit's default shuffling on minilotes of 8: every random draw of the run comes from Math.random.
 */
async function trainingLosses(): Promise<number[]> {
  const inputs = tf.randomUniform([64, 4], -1, 1, "float32", 5);
  const targets = tf.randomUniform([64, 1], 0, 1, "float32", 6);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 16, activation: "relu", inputShape: [4] }),
      tf.layers.dropout({ rate: 0.5 }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
  const history = await model.fit(inputs, targets, { epochs: 4, batchSize: 8, verbose: 0 });
  model.optimizer.dispose(); // model.dispose() leaves the optimizer's state behind
  model.dispose();
  tf.dispose([inputs, targets]);
  return history.history["loss"] as number[];
}

describe("setRandomSeed", () => {
  afterEach(() => {
    Math.random = unseededMathRandom;
  });

  test("the same seed repeats a whole fit (initial weights, shuffling, dropout masks) and another seed does not", async () => {
    setRandomSeed(3);
    const first = await trainingLosses();
    setRandomSeed(3);
    const again = await trainingLosses();
    setRandomSeed(4);
    const other = await trainingLosses();
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
  });

  test("without a seed two fits differ (the test above is not passing by accident)", async () => {
    const first = await trainingLosses();
    const second = await trainingLosses();
    assert.notDeepEqual(second, first);
  });

  test("fit's shuffling alone follows the seed: same initial weights, different seeds, different losses", async () => {
    const inputs = tf.randomUniform([64, 4], -1, 1, "float32", 5);
    const targets = tf.randomUniform([64, 1], 0, 1, "float32", 6);
    const lossesAfterSeed = async (seed: number): Promise<number[]> => {
      const model = tf.sequential({
        layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) })],
      });
      model.compile({ optimizer: tf.train.sgd(0.2), loss: "meanSquaredError" });
      setRandomSeed(seed);
      const history = await model.fit(inputs, targets, { epochs: 3, batchSize: 8, verbose: 0 });
      model.optimizer.dispose();
      model.dispose();
      return history.history["loss"] as number[];
    };
    const a = await lossesAfterSeed(10);
    const b = await lossesAfterSeed(10);
    const c = await lossesAfterSeed(11);
    tf.dispose([inputs, targets]);
    assert.deepEqual(b, a);
    assert.notDeepEqual(c, a);
  });

  test("a seeded fit leaves no tensor behind", async () => {
    await expectNoLeakedTensors(tf, async () => {
      setRandomSeed(7);
      await trainingLosses();
    });
  });

  test("a seed that is not an integer is refused with an explanation in Portuguese", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "42" as unknown as number]) {
      assert.throws(() => setRandomSeed(bad), (error: unknown) => {
        assert.ok(error instanceof InvalidRandomSeedError);
        assert.match(error.message, /espera um número inteiro/);
        return true;
      });
    }
    assert.equal(Math.random, unseededMathRandom, "a refused seed leaves Math.random alone");
  });
});
