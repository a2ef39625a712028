import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { kernelName, paths, projectRoot } from "../project.mjs";
import { checkPrerequisites, findPython } from "./prerequisites.mjs";
import { SetupError } from "./run.mjs";

function setup(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ["tools/setup.mjs", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

function withEnv<T>(name: string, value: string | undefined, body: () => T): T {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return body();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe("npm run setup", () => {
  test("--check on the machine npm test just prepared finds all five steps up to date and changes nothing", () => {
    const result = setup(["--check"]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const lines = result.stdout.trim().split("\n");
    assert.equal(lines.length, 5, result.stdout);
    assert.ok(lines.every((line) => line.startsWith("✓ ")), result.stdout);
  });

  test("--check reports the Python step as pending when REDES_NEURAIS_VENV names an empty folder", () => {
    const result = setup(["--check"], { REDES_NEURAIS_VENV: "/caminho/que/nao/existe" });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /✗ a refazer: ambiente Python/);
  });

  test("REDES_NEURAIS_JUPYTER_DATA puts the kernelspec in that Jupyter folder (an image's sys.prefix/share/jupyter) and leaves .jupyter/ alone", (t) => {
    const folder = mkdtempSync(path.join(tmpdir(), "redes-neurais-jupyter-data-"));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const projectKernel = path.join(paths.jupyterData, "kernels", kernelName, "kernel.json");
    const projectKernelBefore = statSync(projectKernel).mtimeMs;

    const pending = setup(["--check"], { REDES_NEURAIS_JUPYTER_DATA: folder });
    assert.equal(pending.status, 1, pending.stdout + pending.stderr);
    assert.ok(pending.stdout.includes(`✗ a refazer: kernel Jupyter "${kernelName}" em dia (${path.join(folder, "kernels", kernelName)})`), pending.stdout);

    const applied = setup(["--quiet"], { REDES_NEURAIS_JUPYTER_DATA: folder });
    assert.equal(applied.status, 0, applied.stdout + applied.stderr);
    const spec = JSON.parse(readFileSync(path.join(folder, "kernels", kernelName, "kernel.json"), "utf8")) as { argv: string[]; language: string };
    assert.deepEqual([spec.argv[0], spec.argv[1], spec.language], [process.execPath, paths.kernelLauncher, "typescript"]);
    assert.equal(statSync(projectKernel).mtimeMs, projectKernelBefore, "o kernelspec do projeto (.jupyter/) foi reescrito");
    assert.equal(setup(["--check"], { REDES_NEURAIS_JUPYTER_DATA: folder }).status, 0);
  });

  test("a missing Python names what to install", () => {
    withEnv("PYTHON", "python-que-nao-existe", () => {
      assert.throws(
        () => findPython(),
        (error: unknown) =>
          error instanceof SetupError &&
          /python-que-nao-existe/.test(error.message) &&
          /apt-get install python3 python3-venv/.test(error.message),
      );
    });
  });

  test("a missing C++ compiler names what to install, and $CXX counts as one", () => {
    withEnv("PATH", "/caminho/vazio", () => {
      withEnv("CXX", undefined, () => {
        assert.throws(() => checkPrerequisites({ needCompiler: true }), /build-essential/);
      });
    });
    withEnv("CXX", process.execPath, () => {
      withEnv("PATH", "/caminho/vazio", () => {
        assert.throws(() => checkPrerequisites({ needCompiler: true }), (error: unknown) => {
          assert.ok(error instanceof SetupError);
          assert.match(error.message, /: make\n/, "only make is missing when $CXX is a real program");
          return true;
        });
      });
    });
  });
});
