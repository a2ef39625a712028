import { seededRandom, type SeededRandom } from "../random/seeded-random";
import { DataPreparationError } from "./data-preparation-error";

/** Indices of the examples of each part (a part that was not asked for is empty). */
export interface SplitIndices {
  train: number[];
  validation: number[];
  test: number[];
}

/** Options of {@link splitIndices}. */
export interface SplitOptions {
  /** Seed of the shuffle: the same seed gives the same split. */
  seed: number;
  /** Fraction of the examples held out for validation, in [0, 1) (default 0). */
  validation?: number;
  /** Fraction of the examples held out for the final test, in [0, 1) (default 0). */
  test?: number;
  /**
   * The class of each example (integers): when given, every part keeps the classes'
   * proportions (a stratified split), and the examples inside each part are shuffled.
   */
  stratify?: ArrayLike<number>;
}

function checkFraction(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) {
    throw new DataPreparationError(`splitIndices: ${name} deve ser uma fração em [0, 1), como 0.25; chegou ${String(value)}.`);
  }
}

/** Deals `members` (already shuffled) into validation, test and train, by rounding. */
function deal(members: readonly number[], validation: number, test: number): SplitIndices {
  const validationCount = Math.round(members.length * validation);
  const testCount = Math.round(members.length * test);
  return {
    validation: members.slice(0, validationCount),
    test: members.slice(validationCount, validationCount + testCount),
    train: members.slice(validationCount + testCount),
  };
}

function stratifiedSplit(labels: ArrayLike<number>, validation: number, test: number, random: SeededRandom): SplitIndices {
  const byClass = new Map<number, number[]>();
  Array.from(labels).forEach((label, i) => byClass.set(label, [...(byClass.get(label) ?? []), i]));
  const parts: SplitIndices = { train: [], validation: [], test: [] };
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const dealt = deal(random.shuffled(byClass.get(label)!), validation, test);
    parts.train.push(...dealt.train);
    parts.validation.push(...dealt.validation);
    parts.test.push(...dealt.test);
  }
  return { train: random.shuffled(parts.train), validation: random.shuffled(parts.validation), test: random.shuffled(parts.test) };
}

/**
 * Splits the examples 0…count−1 into training, validation and test parts at random,
 * reproducibly (a Fisher–Yates shuffle with {@link seededRandom}). Shuffling first matters:
 * catalogues are often sorted (by class, by magnitude, by sky position), and a split of
 * sorted data validates on a different population. Apply the indices with `pickRows`
 * (data-preparation/pick-rows.ts).
 *
 * Without `stratify`, validation is the first `round(count × validation)` indices of the
 * shuffled order, test the next `round(count × test)`, and train the rest.
 *
 * @example
 * const parts = splitIndices(catalogue.length, { validation: 0.2, test: 0.2, seed: 42 });
 * const train = pickRows(catalogue, parts.train);
 * @throws {DataPreparationError} For a count that is not a positive integer, a fraction
 *   outside [0, 1), no held-out part, a requested part or the training part left empty, or
 *   `stratify` with a length other than `count` or non-integer classes.
 */
export function splitIndices(count: number, options: SplitOptions): SplitIndices {
  const { seed, validation = 0, test = 0, stratify } = options;
  if (!Number.isInteger(count) || count < 1) {
    throw new DataPreparationError(`splitIndices: esperava o número de exemplos (inteiro ≥ 1); chegou ${String(count)}.`);
  }
  if (!Number.isFinite(seed)) {
    throw new DataPreparationError(`splitIndices: esperava uma semente numérica (seed), como 42; chegou ${String(seed)}.`);
  }
  checkFraction("validation", validation);
  checkFraction("test", test);
  if (validation + test === 0 || validation + test >= 1) {
    throw new DataPreparationError(
      `splitIndices: esperava validation e/ou test > 0 com soma < 1 (sobra o treino); chegaram validation=${validation}, test=${test}.`,
    );
  }
  if (stratify !== undefined) {
    const labels = Array.from(stratify);
    if (labels.length !== count || labels.some((label) => !Number.isInteger(label))) {
      throw new DataPreparationError(
        `splitIndices: stratify deve trazer a classe (inteira) de cada um dos ${count} exemplos; chegaram ${labels.length} valores` +
          `${labels.some((label) => !Number.isInteger(label)) ? ", nem todos inteiros" : ""}.`,
      );
    }
  }
  const random = seededRandom(seed);
  const parts =
    stratify === undefined
      ? deal(random.shuffled(Array.from({ length: count }, (_, i) => i)), validation, test)
      : stratifiedSplit(stratify, validation, test, random);
  const empty = (["train", "validation", "test"] as const).find(
    (name) => parts[name].length === 0 && (name === "train" || options[name] !== undefined && options[name] > 0),
  );
  if (empty !== undefined) {
    throw new DataPreparationError(
      `splitIndices: a parte "${empty}" ficaria vazia com ${count} exemplos, validation=${validation} e test=${test}. Use mais dados ou outra fração.`,
    );
  }
  return parts;
}
