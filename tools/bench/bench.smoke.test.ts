/**
 * One real run of `npm run bench -- --rapido` (tiny sizes, one repetition, no VGG16
 * batch 8, no handouts, no notebooks) across the peers this machine has: each peer that
 * ran returns positive finite throughputs, and the JSON and Markdown reports exist.
 * PyTorch is not in the course's venv: the run installs requirements-bench.txt on demand
 * (tools/setup/bench-requirements.mjs; a no-op once installed), so PyTorch must have run.
 * No timing thresholds: this checks that the suite works, not how fast anything is.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { projectRoot } from "../project.mjs";
import { isMeasured } from "./peer-result";
import type { BenchReport } from "./report";

describe("npm run bench -- --rapido", () => {
  // The first run on a venv without PyTorch also waits for pip (~70 s on a 2-core machine).
  test("every present peer measures positive finite throughputs; JSON and Markdown are written", { timeout: 420_000 }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-smoke-"));
    try {
      const run = await runProcess(
        process.execPath,
        ["--import", "tsx", path.join("tools", "bench", "cli.ts"), "--rapido", "--sem-notebooks", "--saida", folder],
        { cwd: projectRoot, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2" } },
      );
      assert.equal(run.exitCode, 0, run.stderr + run.stdout);
      const files = (await readdir(folder)).sort();
      assert.equal(files.length, 2, files.join(", "));
      assert.match(files[0]!, /^bench-.*\.json$/);
      assert.match(files[1]!, /^bench-.*\.md$/);
      const report = JSON.parse(await readFile(path.join(folder, files[0]!), "utf8")) as BenchReport;
      const markdown = await readFile(path.join(folder, files[1]!), "utf8");
      assert.ok(run.stdout.includes(markdown.trim().split("\n")[0]!), "the Markdown is printed at the end");

      const native = report.peers.find((result) => result.peer === "tfjs-node");
      assert.equal(native?.status, "ok", "the native backend is part of the course's set-up");
      // "After" runs with the library's speed-ups, "before" with tfjs-node as published.
      const published = report.peers.find((result) => result.peer === "tfjs-node-publicado");
      assert.ok(native?.status === "ok" && native.versions.aceleracoes?.includes("ResourceApplyAdam"), JSON.stringify(native));
      assert.ok(published?.status === "ok" && published.versions.aceleracoes === "nenhuma", JSON.stringify(published));
      const pytorch = report.peers.find((result) => result.peer === "pytorch");
      assert.equal(pytorch?.status, "ok", `o bench instala requirements-bench.txt quando falta: ${JSON.stringify(pytorch)}\n${run.stderr}`);
      assert.match(markdown, /## Antes e depois das acelerações do curso/);
      for (const result of report.peers) {
        assert.notEqual(result.status, "failed", `${result.peer}: ${result.status !== "ok" ? result.reason : ""}`);
        if (result.status !== "ok") continue;
        assert.ok(result.peakRssBytes > 0, `${result.peer}: RSS de pico`);
        const measured = result.workloads.filter(isMeasured);
        assert.ok(measured.length >= 3, `${result.peer} mediu ${measured.length} cargas`);
        for (const workload of measured) {
          for (const rate of workload.samplesPerSecond) {
            assert.ok(Number.isFinite(rate) && rate > 0, `${result.peer} ${workload.id}: ${rate}`);
          }
        }
      }
      const mlp = report.workloads.find((row) => row.id === "mlp");
      const present = report.peers.filter((result) => result.status === "ok" && result.peer !== "tfjs-node").map((result) => result.peer);
      for (const peer of present) assert.ok((mlp?.ratios[peer] ?? 0) > 0, `razão tfjs-node/${peer}`);
      assert.equal(existsSync(path.join(folder, files[0]!)), true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test("a bad argument exits with 2 and says what was expected, what arrived and the usage", async () => {
    const run = await runProcess(process.execPath, ["--import", "tsx", path.join("tools", "bench", "cli.ts"), "--repeticoes", "muitas"], {
      cwd: projectRoot,
    });
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /--repeticoes espera um inteiro ≥ 1 \(por exemplo --repeticoes 5\); veio "muitas"/);
    assert.match(run.stderr, /Uso: npm run bench/);
  });
});
