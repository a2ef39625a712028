import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { paths, projectRoot } from "../project.mjs";
import { runPeer } from "./run-peer";
import { standardPlan } from "./workloads";

const plan = standardPlan({ repetitions: 1, quick: true });
const python = existsSync(paths.venvPython) ? paths.venvPython : "python3";
const peersFolder = path.join(projectRoot, "tools", "bench", "peers");

describe("running a peer", () => {
  let folder = "";
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-test-"));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test("without the venv's Python, a Python peer is skipped (not failed) and says to run setup", async () => {
    const result = await runPeer("keras", plan, { python: path.join(folder, "sem-venv", "bin", "python") });
    assert.equal(result.status, "skipped");
    assert.match(result.status === "skipped" ? result.reason : "", /o Python do venv não existe .*npm run setup/);
  });

  test("a Python peer whose framework does not import is skipped with the import error", async () => {
    const script = path.join(folder, "sem_framework.py");
    await writeFile(
      script,
      [
        "import sys",
        `sys.path.insert(0, ${JSON.stringify(peersFolder)})`,
        "from _comum import run_peer",
        "def load():",
        "    import modulo_que_nao_existe_no_venv",
        'sys.exit(run_peer("pytorch", load, None, None))',
        "",
      ].join("\n"),
    );
    const result = await runPeer("pytorch", plan, { python, pythonScripts: { pytorch: script } });
    assert.deepEqual(result, {
      peer: "pytorch",
      status: "skipped",
      reason: "o import falhou: ModuleNotFoundError: No module named 'modulo_que_nao_existe_no_venv'",
    });
  });

  test("a peer that dies without a result is a failure, with the end of its stderr", async () => {
    const script = path.join(folder, "quebra.py");
    await writeFile(script, "import sys\nprint('algo deu errado', file=sys.stderr)\nsys.exit(3)\n");
    const result = await runPeer("keras", plan, { python, pythonScripts: { keras: script } });
    assert.equal(result.status, "failed");
    assert.match(result.status === "failed" ? result.reason : "", /sem resultado \(código 3, sinal null\)[\s\S]*algo deu errado/);
  });
});
