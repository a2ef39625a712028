/**
 * requirements-bench.txt is installed on demand by `npm run bench`: once, with the set-up's
 * pip command, then skipped thanks to the stamp; again when the stamp no longer matches (the
 * file or constraints.txt changed, as on a machine whose venv predates the split). A stand-in
 * venv whose `python` only records its arguments keeps pip itself out of the test.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../project.mjs";

const folder = mkdtempSync(path.join(tmpdir(), "redes-neurais-bench-requirements-"));
after(() => rmSync(folder, { recursive: true, force: true }));

/** A venv whose python appends its arguments to calls.log and exits with `exitCode`. */
function standInVenv(name: string, exitCode = 0): { venv: string; calls: () => string[] } {
  const venv = path.join(folder, name);
  mkdirSync(path.join(venv, "bin"), { recursive: true });
  const log = path.join(venv, "calls.log");
  const python = path.join(venv, "bin", "python");
  writeFileSync(python, `#!/bin/sh\necho "$*" >> "${log}"\nexit ${exitCode}\n`);
  chmodSync(python, 0o755);
  return { venv, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
}

function ensure(venv: string) {
  const module = pathToFileURL(path.join(projectRoot, "tools", "setup", "bench-requirements.mjs")).href;
  return spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `import { ensureBenchRequirements } from ${JSON.stringify(module)}; ensureBenchRequirements(console.log);`],
    { cwd: projectRoot, encoding: "utf8", env: { ...process.env, REDES_NEURAIS_VENV: venv } },
  );
}

const stampOf = (venv: string) => path.join(venv, ".redes-neurais-bench-requirements.sha256");

describe("requirements-bench.txt on demand", () => {
  test("the first call runs the set-up's pip command on requirements-bench.txt; the next one does nothing", () => {
    const { venv, calls } = standInVenv("nova");
    const first = ensure(venv);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /instalando requirements-bench\.txt/);
    const expected = `-m pip install --disable-pip-version-check -r ${path.join(projectRoot, "requirements-bench.txt")} -c ${path.join(projectRoot, "constraints.txt")}`;
    assert.deepEqual(calls(), [expected]);
    assert.ok(existsSync(stampOf(venv)), "the stamp is written after pip succeeded");

    const second = ensure(venv);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, "", "nothing to say when already installed");
    assert.deepEqual(calls(), [expected], "pip is not run again");
  });

  test("a stamp from other requirements (an older venv) installs again", () => {
    const { venv, calls } = standInVenv("antiga");
    writeFileSync(stampOf(venv), "feito com outro requirements-bench.txt");
    assert.equal(ensure(venv).status, 0);
    assert.equal(calls().length, 1);
    assert.notEqual(readFileSync(stampOf(venv), "utf8"), "feito com outro requirements-bench.txt");
  });

  test("when pip fails, the error says what to do and no stamp is written, so the next run tries again", () => {
    const { venv, calls } = standInVenv("sem-rede", 1);
    const result = ensure(venv);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /pip install[\s\S]*falhou[\s\S]*O que fazer:/);
    assert.equal(existsSync(stampOf(venv)), false);
    ensure(venv);
    assert.equal(calls().length, 2);
  });

  test("a venv without bin/python is named, with what to do", () => {
    const venv = path.join(folder, "vazio");
    mkdirSync(venv);
    const result = ensure(venv);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /o venv do curso não tem bin\/python[\s\S]*rode `npm run setup`/);
  });
});
