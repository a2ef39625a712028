import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { projectRoot } from "../project.mjs";
import { findPython } from "./prerequisites.mjs";
import { SetupError } from "./run.mjs";

describe("npm run setup", () => {
  test("run again on a prepared machine, it changes nothing: every step reports it is up to date", () => {
    const result = spawnSync(process.execPath, ["tools/setup.mjs"], { cwd: projectRoot, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    const steps = result.stdout.split("\n").filter((line) => line.startsWith("✓"));
    assert.equal(steps.length, 5, result.stdout);
    assert.doesNotMatch(result.stdout, /^▸/m, "no step did any work");
  });

  test("a missing Python names what to install", () => {
    const saved = process.env.PYTHON;
    process.env.PYTHON = "python-que-nao-existe";
    try {
      assert.throws(
        () => findPython(),
        (error: unknown) =>
          error instanceof SetupError &&
          /python-que-nao-existe/.test(error.message) &&
          /apt-get install python3 python3-venv/.test(error.message),
      );
    } finally {
      if (saved === undefined) delete process.env.PYTHON;
      else process.env.PYTHON = saved;
    }
  });

  test("the Python found on this machine is one tensorflow-cpu 2.21 supports", () => {
    assert.match(findPython(), /python/);
  });
});
