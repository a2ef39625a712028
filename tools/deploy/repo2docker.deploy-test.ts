/**
 * The Binder image, built the way repo2docker builds it, without a container engine: a copy
 * of the repository (the files git tracks or would track, as in the working tree) in a temp
 * folder, a NEW venv as the image's environment ($NB_PYTHON_PREFIX) with the pip lines of
 * binder/environment.yml installed from binder/ (conda's own Python, Node.js and compiler
 * are this machine's here), binder/postBuild run in the repository's folder with a fresh
 * $HOME, then, through binder/start: that environment's Jupyter lists the course's kernel,
 * and `jupyter nbconvert --execute` runs notebook 00 with it on the native backend.
 * deploy/jupyterhub/Dockerfile runs the same postBuild and start, so this covers its steps too.
 *
 * The developer's own .venv, .jupyter/ and node_modules are never touched. The user's pip and
 * npm configurations (package indexes) and npm's download cache are used as they are;
 * everything else lives in the temp folder.
 *
 *   npm run test:deploy     (about 4–6 minutes on 2 cores: pip, npm install, the native build)
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { kernelName, projectRoot } from "../project.mjs";
import { findPython } from "../setup/prerequisites.mjs";
import { pipArgumentsOfEnvironmentFile } from "./binder-environment";
import { runProcess, type ProcessResult } from "@redes-neurais/lib/ferramentas";

const minutes = (n: number) => n * 60_000;

/** The repository as a fresh clone of the working tree would have it (untracked files that git would add included). */
function copyRepository(destination: string): void {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot })
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  for (const relative of listed) {
    const source = path.join(projectRoot, relative);
    if (!existsSync(source)) continue; // deleted in the working tree, not yet in git
    const target = path.join(destination, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(source, target);
    chmodSync(target, statSync(source).mode);
  }
}

/** The variables of a fresh image: nothing of this machine's Jupyter or of the course's own set-up. */
function imageEnvironment(home: string, prefix: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(JUPYTER_|REDES_NEURAIS_|VIRTUAL_ENV$|PYTHONPATH$|CONDA_)/.test(name)) continue;
    env[name] = value;
  }
  // How this machine reaches its package indexes stays: pip's user configuration (under
  // XDG_CONFIG_HOME, default ~/.config) and npm's (~/.npmrc and its download cache).
  const npmConfig = (key: string) => execFileSync("npm", ["config", "get", key], { encoding: "utf8" }).trim();
  return {
    ...env,
    HOME: home,
    NB_PYTHON_PREFIX: prefix,
    PATH: `${path.join(prefix, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? path.join(homedir(), ".config"),
    npm_config_cache: npmConfig("cache"),
    npm_config_userconfig: npmConfig("userconfig"),
  };
}

function assertSucceeded(what: string, result: ProcessResult): void {
  const tail = (text: string) => text.trimEnd().split("\n").slice(-40).join("\n");
  assert.ok(
    result.exitCode === 0,
    `${what} falhou (código ${result.exitCode}, sinal ${result.signal}${result.timedOut ? ", tempo esgotado" : ""}):\n` +
      `${tail(result.stdout)}\n${tail(result.stderr)}`,
  );
}

test("binder/: a repo2docker-like build lists the course's kernel in the image's Jupyter and runs notebook 00 with it", { timeout: minutes(40) }, async (t) => {
  const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-repo2docker-"));
  t.after(() => rm(work, { recursive: true, force: true }));
  const repo = path.join(work, "repo");
  const home = path.join(work, "home");
  const prefix = path.join(work, "imagem");
  mkdirSync(home);
  copyRepository(repo);
  const env = imageEnvironment(home, prefix);
  const start = path.join(repo, "binder", "start");

  await t.test("the image's environment: a new venv with binder/environment.yml's pip lines, installed from binder/", async () => {
    assertSucceeded("python -m venv", await runProcess(findPython(), ["-m", "venv", prefix], { env }));
    const pipArgs = pipArgumentsOfEnvironmentFile(path.join(repo, "binder", "environment.yml"));
    const pip = await runProcess(
      path.join(prefix, "bin", "python"),
      ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", ...pipArgs],
      { cwd: path.join(repo, "binder"), env, timeoutMs: minutes(20) },
    );
    assertSucceeded("pip install (binder/environment.yml)", pip);
  });

  await t.test("binder/postBuild runs the set-up against that environment", async () => {
    const postBuild = await runProcess(path.join(repo, "binder", "postBuild"), [], { cwd: repo, env, timeoutMs: minutes(20), ownProcessGroup: true });
    assertSucceeded("binder/postBuild", postBuild);
    assert.match(postBuild.stdout, /Ambiente pronto/);
    assert.ok(!existsSync(path.join(repo, ".venv")), "postBuild criou .venv em vez de usar o ambiente da imagem");
    assert.ok(!existsSync(path.join(repo, ".jupyter", "share", "kernels")), "o kernelspec foi para .jupyter/ do projeto, que o Jupyter da imagem não vê");
  });

  await t.test("binder/start gives the session the image's environment and runs the command it gets", async () => {
    const script = "console.log(JSON.stringify([process.env.REDES_NEURAIS_VENV, process.env.REDES_NEURAIS_JUPYTER_DATA, process.env.TF_CPP_MIN_LOG_LEVEL]))";
    const result = await runProcess(start, ["node", "-e", script], { cwd: repo, env });
    assertSucceeded("binder/start node", result);
    assert.deepEqual(JSON.parse(result.stdout), [prefix, path.join(prefix, "share", "jupyter"), "2"]);
    const setupCheck = await runProcess(start, ["node", "tools/setup.mjs", "--check"], { cwd: repo, env });
    assertSucceeded("binder/start node tools/setup.mjs --check (npm start/test/handouts in a session's terminal)", setupCheck);
  });

  await t.test("the image's `jupyter kernelspec list` names the course's kernel, installed in that environment", async () => {
    const listed = await runProcess(start, [path.join(prefix, "bin", "jupyter"), "kernelspec", "list", "--json"], { cwd: repo, env });
    assertSucceeded("jupyter kernelspec list", listed);
    const specs = (JSON.parse(listed.stdout) as { kernelspecs: Record<string, { resource_dir: string; spec: { argv: string[] } }> }).kernelspecs;
    const course = specs[kernelName];
    assert.ok(course, `kernel ${kernelName} ausente; a lista tem: ${Object.keys(specs).join(", ")}`);
    assert.equal(course.resource_dir, path.join(prefix, "share", "jupyter", "kernels", kernelName));
    assert.equal(course.spec.argv[1], path.join(repo, "tools", "jupyter", "tslab-kernel.cjs"));
  });

  await t.test("`jupyter nbconvert --execute` runs notebook 00 in that kernel on the native backend", { timeout: minutes(10) }, async () => {
    const output = path.join(work, "executado");
    const result = await runProcess(
      start,
      [
        path.join(prefix, "bin", "jupyter"), "nbconvert", "--to", "notebook", "--execute",
        `--ExecutePreprocessor.kernel_name=${kernelName}`, "--ExecutePreprocessor.timeout=600",
        "--output-dir", output, "--output", "00_executado", "notebooks/00_o_ambiente.ipynb",
      ],
      { cwd: repo, env: { ...env, REDES_NEURAIS_BACKEND: "tensorflow" }, timeoutMs: minutes(10), ownProcessGroup: true },
    );
    assertSucceeded("jupyter nbconvert --execute notebooks/00_o_ambiente.ipynb", result);
    const executed = JSON.parse(await readFile(path.join(output, "00_executado.ipynb"), "utf8")) as {
      cells: { outputs?: { name?: string; text?: string | string[] }[] }[];
    };
    const printed = executed.cells
      .flatMap((cell) => cell.outputs ?? [])
      .filter((out) => out.name === "stdout")
      .map((out) => (Array.isArray(out.text) ? out.text.join("") : (out.text ?? "")))
      .join("");
    assert.match(printed, /backend ativo: "tensorflow"/);
    assert.match(printed, /✓ o neurônio reencontrou a terceira lei de Kepler/);
  });
});
