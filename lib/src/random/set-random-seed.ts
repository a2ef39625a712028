import { CourseError } from "../errors";
import { seededRandom } from "./seeded-random";

/** A seed that {@link setRandomSeed} cannot use. */
export class InvalidRandomSeedError extends CourseError {
  override name = "InvalidRandomSeedError";
}

/**
 * Makes every unseeded random draw of the process repeat, like Keras'
 * `keras.utils.set_random_seed`: `Math.random` becomes a seeded generator
 * ({@link seededRandom}, mulberry32).
 *
 * TensorFlow.js draws from `Math.random` whenever it is given no seed: the shuffling of
 * `model.fit` (`shuffle: true`, the default), the initial weights of `tf.layers`
 * (glorotUniform and the other initializers), the masks of `tf.layers.dropout` and
 * `tf.randomUniform` / `tf.randomNormal` without a seed. Calling `setRandomSeed(seed)`
 * before building and training a model makes the whole run repeat; calling it again with
 * the same seed starts the same sequence again.
 *
 * @example
 * setRandomSeed(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
 * // model's weights, fit's shuffling and dropout's masks are the same in every run with seed 1
 *
 * @param seed An integer (0, 1, 2… are fine: seeds are scrambled so close seeds start far apart).
 * @throws InvalidRandomSeedError when `seed` is not an integer.
 */
export function setRandomSeed(seed: number): void {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new InvalidRandomSeedError(
      `setRandomSeed espera um número inteiro como semente (por exemplo 0, 1 ou 42), ` +
        `mas recebeu ${typeof seed === "number" ? String(seed) : typeof seed}. ` +
        `Passe um inteiro: a mesma semente repete os mesmos sorteios.`,
    );
  }
  const random = seededRandom(seed);
  Math.random = random.uniform;
}
