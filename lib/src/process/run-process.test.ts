import assert from "node:assert/strict";
import { test } from "node:test";
import { findProcesses } from "./find-processes";
import { runProcess } from "./run-process";

test("runProcess collects stdout, stderr and the exit code, with the given environment and folder", async () => {
  const result = await runProcess(process.execPath, ["-e", 'console.log(process.env.COR + " " + process.cwd()); console.error("aviso"); process.exit(3)'], {
    env: { ...process.env, COR: "azul" },
    cwd: "/",
  });
  assert.deepEqual(result, { exitCode: 3, signal: null, stdout: "azul /\n", stderr: "aviso\n", timedOut: false });
});

test("runProcess rejects when the program cannot be started", async () => {
  await assert.rejects(runProcess("programa-que-nao-existe-xyz", []), /ENOENT/);
});

test("runProcess kills a program that outlives timeoutMs, with what it started when in its own process group", async () => {
  const marker = `rn-run-process-${process.pid}-${Date.now()}`;
  const grandchild = `setInterval(() => {}, 1000); // ${marker}`;
  const parent = `require("child_process").spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: "ignore" }); console.log("começou"); setInterval(() => {}, 1000);`;
  const started = Date.now();
  const result = await runProcess(process.execPath, ["-e", parent], { timeoutMs: 1500, ownProcessGroup: true });
  assert.equal(result.timedOut, true);
  assert.equal(result.signal, "SIGKILL");
  assert.equal(result.stdout, "começou\n");
  assert.ok(Date.now() - started < 10_000);
  const deadline = Date.now() + 5000;
  while (findProcesses({ commandLineIncludes: marker }).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(findProcesses({ commandLineIncludes: marker }), [], "the grandchild died with the group");
});
