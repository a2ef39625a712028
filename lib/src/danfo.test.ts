import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { danfo } from "./danfo";
import * as tf from "./tf";
import { expectNoLeakedTensors } from "./test-support/tensors";

/** A small catalogue made here (seeded, not read from disk): magnitude, colour, class. */
function makeCatalogue(rows: number): number[][] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: rows }, () => [
    Number((14 + 8 * random()).toFixed(3)),
    Number((-0.5 + 2 * random()).toFixed(3)),
    random() < 0.5 ? 3 : 6,
  ]);
}

describe("danfo", () => {
  const rows = makeCatalogue(25);
  let folder = "";
  let csvPath = "";

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "redes-neurais-danfo-"));
    csvPath = path.join(folder, "catalogo.csv");
    writeFileSync(csvPath, ["psfMag_r,g_minus_r,type", ...rows.map((row) => row.join(","))].join("\n") + "\n");
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test("shares the course's TensorFlow.js engine and its native backend", () => {
    const dfd = danfo();
    assert.equal(dfd.tensorflow.engine(), tf.engine());
    assert.equal(dfd.tensorflow.getBackend(), "tensorflow");
  });

  test("reads a CSV, describes it and turns it into a tensor without leaking", async () => {
    const dfd = danfo();
    const df = await dfd.readCSV(csvPath);
    assert.deepEqual(df.shape, [rows.length, 3]);
    assert.deepEqual(df.columns, ["psfMag_r", "g_minus_r", "type"]);

    const summary = df.describe();
    const expectedMean = rows.reduce((sum, row) => sum + (row[0] ?? 0), 0) / rows.length;
    const meanRow = summary.index.indexOf("mean");
    assert.ok(meanRow >= 0, `describe() has a mean row: ${summary.index.join(", ")}`);
    const means = summary.values[meanRow] as number[];
    assert.ok(Math.abs((means[0] ?? NaN) - expectedMean) < 1e-6, `mean ${means[0]} ≠ ${expectedMean}`);

    await expectNoLeakedTensors(tf, () => {
      const tensor = df.tensor as unknown as import("@tensorflow/tfjs-node").Tensor2D;
      try {
        assert.deepEqual(tensor.shape, [rows.length, 3]);
        assert.equal(tensor.dtype, "float32");
        const values = tensor.arraySync();
        assert.ok(values.every((row, i) => row.every((value, j) => Math.abs(value - (rows[i]?.[j] ?? NaN)) < 1e-4)));
      } finally {
        tensor.dispose();
      }
    });
  });
});
