import { seededRandom } from "../random/seeded-random";
import { InvalidDataPreparationError } from "./workflow-errors";

/** Indices of the training and validation examples. */
export interface SplitIndices {
  train: number[];
  validation: number[];
}

/**
 * Shuffles the indices 0…count-1 with a seed and splits them into training and validation.
 * Shuffling first matters: catalogues are often sorted (by class, by magnitude, by sky
 * position), and a split of sorted data validates on a different population.
 *
 * @throws {InvalidDataPreparationError} When either part would be empty.
 */
export function trainValidationSplit(count: number, validationFraction: number, seed: number): SplitIndices {
  const validationCount = Math.round(count * validationFraction);
  if (!Number.isInteger(count) || !(validationFraction > 0 && validationFraction < 1) || validationCount < 1 || validationCount >= count) {
    throw new InvalidDataPreparationError(
      `trainValidationSplit: esperava count inteiro e 0 < validationFraction < 1 deixando exemplos nas duas partes; chegaram count=${count}, validationFraction=${validationFraction}.`,
    );
  }
  const order = seededRandom(seed).shuffled(Array.from({ length: count }, (_, i) => i));
  return { validation: order.slice(0, validationCount), train: order.slice(validationCount) };
}

/**
 * Indices that balance the classes by oversampling: every class is repeated (drawn with
 * replacement, seeded) until it has as many examples as the largest one; the result is shuffled.
 *
 * @param labels The class of each example (integers).
 * @throws {InvalidDataPreparationError} For an empty list or non-integer labels.
 */
export function balancedIndices(labels: readonly number[], seed: number): number[] {
  if (labels.length === 0 || labels.some((l) => !Number.isInteger(l) || l < 0)) {
    throw new InvalidDataPreparationError("balancedIndices: esperava uma lista não vazia de classes inteiras ≥ 0 (por exemplo [0, 1, 1, 0]).");
  }
  const byClass = new Map<number, number[]>();
  labels.forEach((label, i) => byClass.set(label, [...(byClass.get(label) ?? []), i]));
  const largest = Math.max(...[...byClass.values()].map((members) => members.length));
  const random = seededRandom(seed);
  const result: number[] = [];
  for (const members of byClass.values()) {
    result.push(...members);
    for (let extra = members.length; extra < largest; extra++) result.push(members[random.integer(members.length)] as number);
  }
  return random.shuffled(result);
}
