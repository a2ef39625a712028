import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { kernelNodeWarnings } from "./doctor/probes";
import { nodeSupport } from "./node-support.mjs";
import { projectRoot } from "./project.mjs";

function doctor(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/doctor.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 180_000,
  });
}

describe("npm run doctor", () => {
  test("--json prints one JSON object whose backend is the native tensorflow", () => {
    const result = doctor(["--json"]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal(report.backend, "tensorflow");
    assert.equal(report.native, true);
    assert.match(String(report.tensorflowVersion), /^2\.21\./);
    assert.equal(report.tfjsVersion, "4.22.0");
    assert.equal((report.jupyter as { courseKernelOk: boolean }).courseKernelOk, true);
  });

  test("reports the cpu backend when the user forces it for a comparison", () => {
    const result = doctor(["--json"], { REDES_NEURAIS_BACKEND: "cpu" });
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal(report.backend, "cpu");
    assert.equal(report.requestedBackend, "cpu");
    assert.equal(report.native, false);
    assert.equal(result.status, 0, "forcing cpu is a choice, not a fault");
  });

  test("the human report names every part a teacher checks", () => {
    const result = doctor([]);
    for (const part of ["Node.js", "Python/venv", "Jupyter/kernel", "TensorFlow", "backend \"tensorflow\""]) {
      assert.ok(result.stdout.includes(part), `faltou "${part}" em:\n${result.stdout}`);
    }
  });
});

test("npm run doctor names the real reason when TensorFlow.js cannot load, and what to do about it", () => {
  const result = doctor([], { REDES_NEURAIS_BACKEND: "gpu" });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /InvalidBackendChoiceError\): REDES_NEURAIS_BACKEND="gpu" não é um valor válido/);
  assert.match(result.stdout, /→ corrija a variável REDES_NEURAIS_BACKEND/);
});

test("npm run doctor warns about a Node.js past its end of life exactly when the running one is", () => {
  const result = doctor(["--json"]);
  const report = JSON.parse(result.stdout) as { warnings: string[] };
  const { message } = nodeSupport(process.versions.node);
  assert.equal(report.warnings.some((warning) => warning === message), message !== "", report.warnings.join("\n"));
});

test("the doctor warns when the kernel runs another Node.js than the terminal, and names both", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "doctor-node-"));
  try {
    const otherNode = path.join(folder, "node");
    writeFileSync(otherNode, "#!/bin/sh\necho v99.1.0\n", { mode: 0o755 });
    const [warning] = kernelNodeWarnings(otherNode, process.execPath);
    assert.match(warning ?? "", /o kernel do curso roda o Node\.js v99\.1\.0 de .*\/node, não o deste terminal/);
    assert.match(warning ?? "", /rode `npm run setup`/);
    const sameNode = path.join(folder, "same-node");
    symlinkSync(process.execPath, sameNode);
    assert.deepEqual(kernelNodeWarnings(sameNode, process.execPath), [], "a link to the running Node is the same Node");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
