import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { balancedIndices } from "./balanced-indices";
import { DataPreparationError } from "./data-preparation-error";

describe("balancedIndices", () => {
  test("repeats the rare class until every class has as many examples as the largest, reproducibly", () => {
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const indices = balancedIndices(labels, 3);
    const counts = [0, 0];
    indices.forEach((i) => (counts[labels[i] as number]! += 1));
    assert.deepEqual(counts, [8, 8]);
    assert.ok(indices.includes(8) && indices.includes(9));
    assert.deepEqual(balancedIndices(labels, 3), indices);
  });

  test("refuses an empty list or non-integer classes", () => {
    assert.throws(() => balancedIndices([], 1), (e: unknown) => e instanceof DataPreparationError && /não vazia/.test(e.message));
    assert.throws(() => balancedIndices([0, 1.5], 1), DataPreparationError);
  });
});
