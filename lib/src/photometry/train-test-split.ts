import { CourseError } from "../errors";
import { randomFromState } from "../random/seeded-random";

/** A split or a standardization got data it cannot use. */
export class DataPreparationError extends CourseError {
  override name = "DataPreparationError";
}

/**
 * Splits items into a training and a test set at random, reproducibly: the same seed
 * gives the same split (Fisher–Yates shuffle with a seeded generator).
 *
 * @param items Anything (records, rows, indices); not modified.
 * @param options `seed` of the shuffle; `testFraction` in (0, 1), default 0.25.
 * @throws {DataPreparationError} When there are fewer than 2 items or the fraction
 *   leaves one of the sets empty.
 */
export function trainTestSplit<T>(
  items: readonly T[],
  options: { seed: number; testFraction?: number },
): { train: T[]; test: T[] } {
  const { seed, testFraction = 0.25 } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new DataPreparationError(`testFraction deve estar entre 0 e 1 (exclusive); recebi ${testFraction}.`);
  }
  const testSize = Math.round(items.length * testFraction);
  if (items.length < 2 || testSize === 0 || testSize === items.length) {
    throw new DataPreparationError(
      `Não dá para separar ${items.length} itens em treino e teste com testFraction = ${testFraction}: ` +
        "um dos conjuntos ficaria vazio. Use mais dados ou outra fração.",
    );
  }
  const random = randomFromState(seed);
  const shuffled = [...items];
  for (let k = shuffled.length - 1; k > 0; k--) {
    const j = random.integer(k + 1);
    [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
  }
  return { test: shuffled.slice(0, testSize), train: shuffled.slice(testSize) };
}
