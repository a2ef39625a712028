/**
 * "Faster, same results": the course's convnet and an MLP trained from the same seed with
 * and without the speed-ups end with the same accuracy and nearly the same losses.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { buildConvnet } from "../../convnet/build-convnet";
import { loadMnistDigits } from "../../mnist/mnist-digits";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "./install-speedups";

interface Outcome {
  readonly losses: number[];
  readonly testAccuracy: number;
}

function digitTensors(set: { pixels: Float32Array; shape: number[]; labels: Int32Array }) {
  return {
    x: tf.tensor4d(set.pixels, set.shape as [number, number, number, number]),
    y: tf.oneHot(tf.tensor1d(set.labels, "int32"), 10),
  };
}

async function trainAndScore(makeModel: () => tf.LayersModel, reshape: (x: tf.Tensor4D) => tf.Tensor): Promise<Outcome> {
  const { train, test: held } = loadMnistDigits({ trainCount: 384, testCount: 256, seed: 4 });
  const training = digitTensors(train);
  const testing = digitTensors(held);
  const model = makeModel();
  model.compile({ optimizer: tf.train.adam(0.003), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  try {
    const xTrain = reshape(training.x);
    const xTest = reshape(testing.x);
    const history = await model.fit(xTrain, training.y, { epochs: 4, batchSize: 32, shuffle: false, verbose: 0 });
    const predicted = tf.tidy(() => tf.argMax(model.predict(xTest) as tf.Tensor, 1));
    const truth = tf.tidy(() => tf.argMax(testing.y, 1));
    const right = tf.tidy(() => tf.sum(tf.cast(tf.equal(predicted, truth), "int32")).dataSync()[0] ?? NaN);
    tf.dispose([xTrain, xTest, predicted, truth]);
    return { losses: history.history["loss"] as number[], testAccuracy: right / held.labels.length };
  } finally {
    model.dispose();
    tf.dispose([training.x, training.y, testing.x, testing.y]);
  }
}

const CONVNET = () =>
  buildConvnet({
    inputShape: [28, 28, 1],
    layers: [
      { type: "conv2d", filters: 8, kernelSize: 3 },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "conv2d", filters: 16, kernelSize: 3 },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "flatten" },
      { type: "dense", units: 32 },
      { type: "dense", units: 10, activation: "softmax" },
    ],
    seed: 1,
  });

const MLP = () =>
  tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 64, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: 32, activation: "tanh", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
    ],
  });

describe("same seed, same results with the speed-ups", () => {
  for (const [name, makeModel, reshape] of [
    ["convnet (buildConvnet: conv-pool-conv-pool-dense)", CONVNET, (x: tf.Tensor4D) => x.clone()],
    ["MLP (relu, tanh, softmax)", MLP, (x: tf.Tensor4D) => x.reshape([x.shape[0], 784])],
  ] as const) {
    test(`${name}: same test accuracy, losses within 1e-3 relative, and it learned`, async (t) => {
      const published = await withoutNativeSpeedups(() => trainAndScore(makeModel, reshape));
      let trained: Outcome | undefined;
      const ops = await nativeOpsRunBy(async () => {
        trained = await trainAndScore(makeModel, reshape);
      });
      const fast = trained as Outcome;
      t.diagnostic(`acurácia ${fast.testAccuracy} × ${published.testAccuracy}; perdas ${fast.losses.join(", ")} × ${published.losses.join(", ")}`);
      // The speed-ups ran: fit's steps as one compiled function each
      // (lib/src/backend/compiled-training/), predict's dense layers as fused oneDNN ops.
      assert.ok(ops.some((op) => op.startsWith("redes_neurais_passo_")), "o passo compilado não rodou");
      assert.ok(ops.includes("_MklNativeFusedMatMul"), "_MklNativeFusedMatMul não rodou");
      assert.equal(fast.testAccuracy, published.testAccuracy);
      fast.losses.forEach((loss, epoch) => {
        const reference = published.losses[epoch] ?? NaN;
        assert.ok(Math.abs(loss - reference) <= 1e-3 * reference, `época ${epoch + 1}: ${loss} × ${reference}`);
      });
      // Far better than chance (0.1): the comparison is between two trained models.
      assert.ok(fast.testAccuracy > 0.6, `acurácia ${fast.testAccuracy}`);
    });
  }
});
