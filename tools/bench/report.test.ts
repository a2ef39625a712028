import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { beforeAfterTable, formatRatio, renderMarkdown } from "./markdown";
import { reportBaseName, writeReport } from "./report";
import { completedPeer, fixtureReport, sampleReport } from "./test-fixtures";

describe("bench report", () => {
  test("each workload row holds every peer's median and tfjs-node's ratio to it", () => {
    const report = sampleReport();
    const mlp = report.workloads.find((row) => row.id === "mlp")!;
    const native = mlp.peers["tfjs-node"];
    assert.equal(native?.status, "ok");
    assert.deepEqual(native?.status === "ok" && native.summary, { median: 1000, min: 900, max: 1100, count: 3 });
    assert.equal(mlp.ratios.keras, 0.5);
    assert.equal(mlp.ratios.pytorch, null);
    assert.equal(mlp.peers.pytorch?.status, "skipped");
    const convnet = report.workloads.find((row) => row.id === "convnet")!;
    assert.ok(Math.abs((convnet.ratios.keras ?? 0) - 2.2) < 1e-12);
    const vgg = report.workloads.find((row) => row.id === "vgg16-lote1")!;
    assert.deepEqual(Object.keys(vgg.peers), ["pytorch"]); // a skipped peer is skipped on every workload
  });

  test("the Markdown table: medians (min–max), ratios like 0,50×, skips and peak RSS", () => {
    const markdown = renderMarkdown(sampleReport());
    const lines = markdown.split("\n");
    assert.ok(lines.includes("| Carga | Unidade | tfjs-node | Keras | PyTorch | tfjs-node/Keras | tfjs-node/PyTorch |"), markdown);
    assert.ok(
      lines.includes("| MLP 784-128-64-10 (treino, lote 128) | amostras/s | 1.000 (900–1.100) | 2.000 (1.900–2.100) | pulado | 0,50× | — |"),
      markdown,
    );
    assert.ok(lines.includes("| Convnet 28×28 (treino, lote 64) | amostras/s | 110 (100–120) | 50,0 (45,0–55,0) | pulado | 2,20× | — |"), markdown);
    assert.ok(lines.includes("| RSS de pico do processo | MiB | 800 MiB | 1.024 MiB | — | | |"), markdown);
    assert.match(markdown, /\*\*PyTorch\*\*: pulado — o import falhou: ModuleNotFoundError/);
    assert.match(markdown, /carga média \(1\/5\/15 min\) no início 0,50 \/ 0,40 \/ 0,30/);
    assert.match(markdown, /Todas as apostilas \| pulado: --sem-apostilas/);
  });

  test("before/after table: tfjs-node as published and with the course's speed-ups, each against Keras, and the gain", () => {
    const report = fixtureReport([
      completedPeer("tfjs-node", { mlp: [1500, 1600, 1700] }, 800 * 2 ** 20),
      completedPeer("tfjs-node-publicado", { mlp: [1000, 1000, 1000] }, 800 * 2 ** 20),
      completedPeer("keras", { mlp: [2000, 2000, 2000] }, 900 * 2 ** 20),
    ]);
    const lines = beforeAfterTable(report);
    assert.ok(lines.includes("| MLP 784-128-64-10 (treino, lote 128) | 0,50× | 0,80× | 1,60× |"), lines.join("\n"));
    assert.equal(lines.filter((line) => line.startsWith("| Convnet")).length, 0, "no row without both tfjs-node figures");
    assert.deepEqual(beforeAfterTable(sampleReport()), [], "nothing without the published tfjs-node");
    assert.match(renderMarkdown(report), /## Antes e depois das acelerações do curso/);
  });

  test("ratios read as in the README", () => {
    assert.equal(formatRatio(0.4123), "0,41×");
    assert.equal(formatRatio(12.345), "12,3×");
    assert.equal(formatRatio(null), "—");
  });

  test("report names carry the date without colons", () => {
    assert.equal(reportBaseName("saida", new Date("2026-11-26T22:49:29.610Z")), path.join("saida", "bench-2026-11-26T22-49-29Z"));
  });

  test("writes the JSON and the Markdown, and leaves no partial file when writing fails", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-test-"));
    try {
      const report = sampleReport();
      const files = await writeReport(path.join(folder, "ok"), report, "# tabela\n");
      assert.deepEqual(JSON.parse(await readFile(files.json, "utf8")), JSON.parse(JSON.stringify(report)));
      assert.equal(await readFile(files.markdown, "utf8"), "# tabela\n");

      // A folder where the JSON should go makes the final rename fail.
      await mkdir(path.join(folder, "quebrado.json"));
      await assert.rejects(writeReport(path.join(folder, "quebrado"), report, "# tabela\n"));
      assert.deepEqual((await readdir(folder)).sort(), ["ok.json", "ok.md", "quebrado.json"]);
      assert.deepEqual(await readdir(path.join(folder, "quebrado.json")), []);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
