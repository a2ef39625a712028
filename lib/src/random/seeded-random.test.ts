import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seededRandom } from "./seeded-random";

describe("seededRandom", () => {
  test("repeats the same sequence for the same seed and another for another seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.uniform());
    assert.deepEqual(seqA, Array.from({ length: 5 }, () => b.uniform()));
    assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => c.uniform()));
  });

  test("uniform numbers fill [0, 1) evenly and normals have mean 0 and deviation 1", () => {
    const random = seededRandom(1);
    const n = 20000;
    const uniforms = Array.from({ length: n }, () => random.uniform());
    assert.ok(uniforms.every((u) => u >= 0 && u < 1));
    const mean = uniforms.reduce((s, u) => s + u, 0) / n;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
    const normals = Array.from({ length: n }, () => random.normal());
    const m = normals.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - m) ** 2, 0) / n);
    assert.ok(Math.abs(m) < 0.03 && Math.abs(sd - 1) < 0.03, `mean ${m}, sd ${sd}`);
  });

  test("shuffled keeps every element once and leaves the input alone", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = seededRandom(3).shuffled(items);
    assert.deepEqual([...shuffled].sort((x, y) => x - y), items);
    assert.notDeepEqual(shuffled, items);
    assert.deepEqual(items, [1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
