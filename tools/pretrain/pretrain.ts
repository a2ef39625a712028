/**
 * Pretraining of the course's convolutional base on the source task: counting the arms
 * (2, 3 or 4) of simulated SPIRAL galaxies. The target task of notebook 07 (elliptical or
 * spiral?) never appears here: the source images hold no ellipticals and their labels are
 * arm counts, yet the filters that follow arms are what the target task needs.
 */
import { buildCourseBase, saveKerasWeights, tf } from "@redes-neurais/lib";
import { generateGalaxyImagesWithArms } from "@redes-neurais/lib/ferramentas";

/** Images of the source task, with their classes (arms − 2: 0, 1, 2). */
export interface SourceImages {
  pixels: Float32Array;
  shape: [number, number, number, 1];
  classes: Int32Array;
}

/** Classes of the source task: 2, 3 and 4 arms. */
const ARM_CLASSES = 3;

/**
 * The source task's images: `count` simulated spirals of 64×64 pixels (the size of the
 * course's shipped galaxies), seed 11 — not the seed 2026 of datasets/galaxias-simuladas.bin,
 * so no image of notebook 07 is among them.
 */
export function spiralArmImages(count = 3500): SourceImages {
  const { images, arms } = generateGalaxyImagesWithArms({ count, size: 64, seed: 11, spiralFraction: 1 });
  return { pixels: images.pixels, shape: images.shape, classes: Int32Array.from(arms, (armCount) => armCount - 2) };
}

export interface PretrainResult {
  epochs: number;
  seconds: number;
  trainCount: number;
  heldOutCount: number;
  /** Accuracy on the held-out images (by chance: the share of the commonest class). */
  heldOutAccuracy: number;
  /** Share of the commonest class among the held-out images. */
  heldOutMajorityShare: number;
}

/**
 * Trains base (seed 0) + softmax on all but the last 500 images (Adam, batches of 64 in a
 * fixed order, seeded initial weights), measures the held-out 500 and saves only the
 * base's weights, in Keras' HDF5 layout.
 */
export async function pretrainCourseBase(source: SourceImages, target: string, epochs = 15): Promise<PretrainResult> {
  const [count, height, width] = source.shape;
  const heldOutCount = 500;
  const trainCount = count - heldOutCount;
  const x = tf.tensor4d(source.pixels, source.shape);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(source.classes, "int32"), ARM_CLASSES).toFloat());
  const [xTrain, xHeldOut] = tf.split(x, [trainCount, heldOutCount]);
  const [yTrain, yHeldOut] = tf.split(y, [trainCount, heldOutCount]);
  const base = buildCourseBase({ inputShape: [height, width, 1], seed: 0 });
  const flat = tf.layers.flatten({ name: "source_flatten" }).apply(base.outputs[0] as tf.SymbolicTensor) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: ARM_CLASSES, activation: "softmax", name: "source_arms", kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) })
    .apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: base.inputs, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const start = performance.now();
  await model.fit(xTrain as tf.Tensor, yTrain as tf.Tensor, { epochs, batchSize: 64, shuffle: false, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  const heldOutAccuracy = tf.tidy(() => {
    const predicted = (model.predict(xHeldOut as tf.Tensor) as tf.Tensor).argMax(-1);
    return predicted.equal((yHeldOut as tf.Tensor).argMax(-1)).mean().dataSync()[0] ?? NaN;
  });
  const heldOutClasses = Array.from(source.classes.subarray(trainCount));
  const heldOutMajorityShare = Math.max(...[0, 1, 2].map((c) => heldOutClasses.filter((k) => k === c).length)) / heldOutCount;
  await saveKerasWeights(base, target);
  tf.dispose([x, y, xTrain, xHeldOut, yTrain, yHeldOut] as tf.Tensor[]);
  model.optimizer.dispose();
  model.dispose();
  return { epochs, seconds, trainCount, heldOutCount, heldOutAccuracy, heldOutMajorityShare };
}
