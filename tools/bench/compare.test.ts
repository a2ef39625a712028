import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { compareReports, readReport, renderComparison } from "./compare";
import { completedPeer, fixtureReport, sampleReport } from "./test-fixtures";

describe("--comparar", () => {
  test("the speed-up of each peer is the median now over the median before", () => {
    const before = sampleReport();
    const after = fixtureReport([completedPeer("tfjs-node", { mlp: [1500, 1500, 1500], convnet: [55, 55, 55] })]);
    const rows = compareReports(before, after);
    assert.deepEqual(
      rows.map((row) => [row.workload.split(" ")[0], row.peer, row.before, row.after, row.speedUp]),
      [
        ["MLP", "tfjs-node", 1000, 1500, 1.5],
        ["Convnet", "tfjs-node", 110, 55, 0.5],
      ],
    );
    const markdown = renderComparison(rows, "antes.json");
    assert.match(markdown, /\| MLP 784-128-64-10 \(treino, lote 128\) \| tfjs-node \| 1\.000 \| 1\.500 \| 1,50× \|/);
  });

  test("an unreadable file, bad JSON or another JSON are explained in Portuguese", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-test-"));
    try {
      await assert.rejects(readReport(path.join(folder, "nao-existe.json")), /não consegui ler .*ENOENT.*relatório anterior/);
      await writeFile(path.join(folder, "ruim.json"), "{ nada");
      await assert.rejects(readReport(path.join(folder, "ruim.json")), /não é JSON válido/);
      await writeFile(path.join(folder, "outro.json"), "{}");
      await assert.rejects(readReport(path.join(folder, "outro.json")), /não é um relatório de `npm run bench`/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
