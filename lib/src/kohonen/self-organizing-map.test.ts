import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seededRandom } from "../random/seeded-random";
import { InvalidSelfOrganizingMapError, trainSelfOrganizingMap } from "./self-organizing-map";

describe("trainSelfOrganizingMap", () => {
  const random = seededRandom(1);
  const centres = [[0, 0], [5, 5], [0, 5]];
  const data = Array.from({ length: 150 }, (_, i) => (centres[i % 3] as number[]).map((c) => c + random.normal(0, 0.3)));

  test("places separated clusters in different cells, each example near its prototype", () => {
    const map = trainSelfOrganizingMap(data, { rows: 4, columns: 4, seed: 2, epochs: 10 });
    const cells = centres.map((c) => map.winner(c).join(","));
    assert.equal(new Set(cells).size, 3, `cluster centres share cells: ${cells.join(" | ")}`);
    assert.ok(map.quantizationError(data) < 0.6, `error ${map.quantizationError(data)}`);
    // For scale: the examples lie on average ~3.3 away from their overall mean.
  });

  test("is reproducible with a seed", () => {
    const a = trainSelfOrganizingMap(data, { rows: 3, columns: 3, seed: 5, epochs: 2 });
    const b = trainSelfOrganizingMap(data, { rows: 3, columns: 3, seed: 5, epochs: 2 });
    assert.deepEqual(a.weights, b.weights);
  });

  test("refuses empty data and empty grids", () => {
    assert.throws(() => trainSelfOrganizingMap([], { rows: 2, columns: 2, seed: 1 }), InvalidSelfOrganizingMapError);
    assert.throws(() => trainSelfOrganizingMap([[1], [1, 2]], { rows: 2, columns: 2, seed: 1 }), /mesmo número/);
    assert.throws(() => trainSelfOrganizingMap([[1]], { rows: 0, columns: 2, seed: 1 }), /≥ 1/);
  });
});
