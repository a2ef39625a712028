import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runProcess } from "@redes-neurais/lib/ferramentas";

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), "run.mjs");

/** Runs the conformance command (plain node, as `npm run conformance` does) on a few specs. */
async function conformance(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { exitCode, stdout, stderr } = await runProcess(process.execPath, [runner, ...args], { env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" } });
  return { code: exitCode, stdout, stderr };
}

describe("npm run conformance (a few specs of the upstream suite)", { concurrency: true }, () => {
  test("native backend: proves the backend and the shared engine, and accepts the integer-round deviation", async () => {
    const { code, stdout, stderr } = await conformance(["--filter", "^round |^abs "]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /backend tensorflow \(TensorFlow 2\.\d+/);
    assert.match(stdout, /falha\(s\) esperada\(s\)[^\n]*\n\s+· round test-tensorflow \{\} int32/);
    const counts = /(\d+) executados, (\d+) passaram, (\d+) falharam, (\d+) pendentes/.exec(stdout);
    assert.ok(counts, stdout);
    const [executed, passed, failed, pending] = counts.slice(1).map(Number) as [number, number, number, number];
    assert.equal(failed, 1);
    assert.equal(executed, passed + failed + pending);
    assert.ok(passed > 10, "abs and round specs plus the 3 backend/engine specs ran");
    assert.match(stdout, /✓ conformidade: ok/);
  });

  test("native backend: tfjs's single-channel convolution specs pass with the course's correction installed", async () => {
    // They failed on oneDNN (AVX-512) before lib/src/backend/corrections/single-channel-convolutions.ts.
    const { code, stdout, stderr } = await conformance(["--filter", "^conv2dTranspose |^conv3d .*gradient|^fused conv2d .*f=\\[2,2,1,1\\]"]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /com a correção do curso para gradientes de convoluções de um canal/);
    const counts = /(\d+) executados, (\d+) passaram, (\d+) falharam/.exec(stdout);
    assert.ok(counts, stdout);
    assert.ok(Number(counts[1]) > 10, stdout);
    assert.equal(Number(counts[3]), 0, stdout);
  });

  test("cpu backend: the same specs pass, integer round included (the cpu list has no deviation)", async () => {
    const { code, stdout, stderr } = await conformance(["--backend", "cpu", "--filter", "^round "]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /backend cpu, ambiente de teste "cpu"/);
    assert.match(stdout, / 0 falharam/);
  });

  test("fails on a failure that no deviation lists, and on a listed deviation that passes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-"));
    try {
      const deviations = path.join(dir, "deviations.json");
      // Lists a spec that passes on this build, and leaves out the int32 round that fails.
      fs.writeFileSync(deviations, JSON.stringify([{ spec: "round test-tensorflow {} basic", cause: "test" }]));
      const { code, stdout, stderr } = await conformance(["--filter", "^round ", "--deviations", deviations]);
      assert.equal(code, 1, stdout + stderr);
      assert.match(stdout, /✗ falha inesperada: round test-tensorflow \{\} int32/);
      assert.match(stdout, /remova-o de tools\/conformance\/deviations\.mjs: round test-tensorflow \{\} basic/);
      assert.match(stdout, /✗ conformidade: falhou/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses an unknown backend with exit code 2", async () => {
    const { code, stderr } = await conformance(["--backend", "webgl"]);
    assert.equal(code, 2);
    assert.match(stderr, /--backend espera "tensorflow" ou "cpu"/);
  });
});
