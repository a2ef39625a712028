import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { splitIndices } from "./split-indices";
import { DataPreparationError } from "./data-preparation-error";

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

describe("splitIndices", () => {
  test("partitions every index exactly once, in a seeded random order, with the requested sizes", () => {
    const split = splitIndices(100, { validation: 0.2, test: 0.1, seed: 1 });
    assert.equal(split.validation.length, 20);
    assert.equal(split.test.length, 10);
    assert.equal(split.train.length, 70);
    assert.deepEqual(sorted([...split.train, ...split.validation, ...split.test]), range(100));
    assert.notDeepEqual(split.validation, range(20), "shuffled, not the first 20");
    assert.deepEqual(splitIndices(100, { validation: 0.2, test: 0.1, seed: 1 }), split, "same seed, same split");
    assert.notDeepEqual(splitIndices(100, { validation: 0.2, test: 0.1, seed: 2 }).validation, split.validation, "another seed, another split");
  });

  test("a part that was not asked for is empty, and one held-out part is the start of the seeded shuffle", () => {
    const onlyTest = splitIndices(40, { test: 0.25, seed: 42 });
    assert.deepEqual(onlyTest.validation, []);
    assert.equal(onlyTest.test.length, 10);
    const onlyValidation = splitIndices(40, { validation: 0.25, seed: 42 });
    assert.deepEqual(onlyValidation.validation, onlyTest.test, "the same shuffle, whichever part is held out");
    assert.deepEqual(onlyValidation.train, onlyTest.train);
  });

  test("stratify keeps each class's proportion in every part and mixes the classes inside each part", () => {
    const labels = range(100).map((i) => (i < 80 ? 0 : 1)); // sorted by class: 80 of class 0, 20 of class 1
    const split = splitIndices(100, { validation: 0.25, test: 0.25, seed: 5, stratify: labels });
    const count = (part: number[], label: number): number => part.filter((i) => labels[i] === label).length;
    assert.deepEqual([count(split.train, 0), count(split.train, 1)], [40, 10]);
    assert.deepEqual([count(split.validation, 0), count(split.validation, 1)], [20, 5]);
    assert.deepEqual([count(split.test, 0), count(split.test, 1)], [20, 5]);
    assert.deepEqual(sorted([...split.train, ...split.validation, ...split.test]), range(100));
    assert.notDeepEqual(split.validation.map((i) => labels[i]), [...new Array(20).fill(0), ...new Array(5).fill(1)], "classes mixed, not in blocks");
    assert.deepEqual(splitIndices(100, { validation: 0.25, test: 0.25, seed: 5, stratify: Int32Array.from(labels) }), split, "typed arrays work too");
  });

  test("refuses parts that would be empty and bad fractions, counts or classes, in Portuguese", () => {
    const refuses = (run: () => unknown, message: RegExp): void =>
      assert.throws(run, (e: unknown) => e instanceof DataPreparationError && message.test(e.message));
    refuses(() => splitIndices(3, { validation: 0.01, seed: 1 }), /parte "validation" ficaria vazia com 3 exemplos/);
    refuses(() => splitIndices(2, { test: 0.9, seed: 1 }), /parte "train" ficaria vazia/);
    refuses(() => splitIndices(10, { seed: 1 }), /validation e\/ou test > 0/);
    refuses(() => splitIndices(10, { validation: 0.5, test: 0.5, seed: 1 }), /soma < 1/);
    refuses(() => splitIndices(10, { test: 1, seed: 1 }), /test deve ser uma fração em \[0, 1\).*chegou 1/);
    refuses(() => splitIndices(10, { test: -0.1, seed: 1 }), /test deve ser uma fração/);
    refuses(() => splitIndices(2.5, { test: 0.2, seed: 1 }), /inteiro ≥ 1\); chegou 2.5/);
    refuses(() => splitIndices(10, { test: 0.2, seed: Number.NaN }), /semente/);
    refuses(() => splitIndices(4, { test: 0.5, seed: 1, stratify: [0, 1, 0] }), /4 exemplos; chegaram 3 valores/);
    refuses(() => splitIndices(2, { test: 0.5, seed: 1, stratify: [0, 0.5] }), /nem todos inteiros/);
  });
});
