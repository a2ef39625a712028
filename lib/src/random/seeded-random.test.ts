import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomFromState, seededRandom } from "./seeded-random";

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

  test("the seeded generator is uniform and normal in distribution", () => {
    const random = seededRandom(9);
    const uniform = Array.from({ length: 20000 }, () => random.uniform());
    const mean = uniform.reduce((a, b) => a + b) / uniform.length;
    assert.ok(Math.abs(mean - 0.5) < 0.01 && uniform.every((u) => u >= 0 && u < 1));
    const normal = Array.from({ length: 20000 }, () => random.normal());
    const m = normal.reduce((a, b) => a + b) / normal.length;
    const variance = normal.reduce((a, b) => a + (b - m) ** 2, 0) / normal.length;
    assert.ok(Math.abs(m) < 0.03 && Math.abs(variance - 1) < 0.04, `mean ${m}, variance ${variance}`);
    const ints = new Set(Array.from({ length: 500 }, () => 2 + random.integer(3)));
    assert.deepEqual([...ints].sort(), [2, 3, 4]);
  });

  test("randomFromState starts mulberry32 at the given state, unscrambled", () => {
    // mulberry32 from state 0: the first output of the reference implementation.
    const first = randomFromState(0).uniform();
    assert.equal(Math.round(first * 4294967296), 1144304738);
    assert.notEqual(seededRandom(0).uniform(), first, "seededRandom scrambles the seed");
  });
});
