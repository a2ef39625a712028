import { seededRandom } from "../random/seeded-random";
import { DataPreparationError } from "./data-preparation-error";

/**
 * Indices that balance the classes by oversampling: every class is repeated (drawn with
 * replacement, seeded) until it has as many examples as the largest one; the result is
 * shuffled. Apply them with `pickRows` (data-preparation/pick-rows.ts).
 *
 * @param labels The class of each example (integers).
 * @throws {DataPreparationError} For an empty list or non-integer labels.
 */
export function balancedIndices(labels: readonly number[], seed: number): number[] {
  if (labels.length === 0 || labels.some((l) => !Number.isInteger(l) || l < 0)) {
    throw new DataPreparationError("balancedIndices: esperava uma lista não vazia de classes inteiras ≥ 0 (por exemplo [0, 1, 1, 0]).");
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
