import * as tf from "./lib/src/tf";
import { buildConvnet } from "./lib/src/convnet/build-convnet";
import { loadMnistDigits } from "./lib/src/mnist/mnist-digits";
import { readShippedGalaxyImages } from "./lib/src/galaxy-images/shipped-galaxy-images";
import { galaxyImagesToTensors, splitGalaxyImages } from "./lib/src/galaxy-images/galaxy-image-set";
async function run(name: string, model: tf.Sequential, x: tf.Tensor, y: tf.Tensor, xt: tf.Tensor, yt: tf.Tensor, epochs: number) {
  model.compile({ optimizer: tf.train.adam(0.002), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const t0 = Date.now();
  await model.fit(x, y, { epochs, batchSize: 32, verbose: 0, shuffle: true });
  const dt = (Date.now() - t0) / 1000;
  const acc = tf.tidy(() => (model.evaluate(xt, yt) as tf.Scalar[])[1]!.dataSync()[0]);
  console.log(name, `acc ${acc?.toFixed(3)} time ${dt.toFixed(1)}s ${(x.shape[0] * epochs / dt).toFixed(0)} samples/s`);
}
const mode = process.argv[2] ?? "full";
const full = mode === "full";
(async () => {
  const { train, test } = loadMnistDigits({ trainCount: full ? 3000 : 600, testCount: full ? 1000 : 300, seed: 1 });
  const toT = (s: typeof train) => ({ x: tf.tensor4d(s.pixels, s.shape), y: tf.oneHot(tf.tensor1d(s.labels, "int32"), 10).toFloat() });
  const a = toT(train), b = toT(test);
  const mnistNet = buildConvnet({ inputShape: [28, 28, 1], seed: 1, layers: [
    { type: "conv2d", filters: 8, kernelSize: 3 }, { type: "maxPooling2d", poolSize: 2 },
    { type: "conv2d", filters: 16, kernelSize: 3 }, { type: "maxPooling2d", poolSize: 2 },
    { type: "dense", units: 10, activation: "softmax" }] });
  await run("mnist", mnistNet, a.x, a.y, b.x, b.y, full ? 8 : 2);
  const set = readShippedGalaxyImages();
  const { train: gt, test: gs } = splitGalaxyImages(set, 0.25);
  const g1 = galaxyImagesToTensors(gt), g2 = galaxyImagesToTensors(gs);
  const galNet = buildConvnet({ inputShape: [64, 64, 1], seed: 1, layers: [
    { type: "conv2d", filters: 8, kernelSize: 5 }, { type: "maxPooling2d", poolSize: 2 },
    { type: "conv2d", filters: 16, kernelSize: 3 }, { type: "maxPooling2d", poolSize: 2 },
    { type: "conv2d", filters: 16, kernelSize: 3 }, { type: "maxPooling2d", poolSize: 2 },
    { type: "dropout", rate: 0.3 },
    { type: "dense", units: 2, activation: "softmax" }] });
  await run("galaxies", galNet, g1.x, g1.y, g2.x, g2.y, full ? 15 : 4);
})();
