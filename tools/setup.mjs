#!/usr/bin/env node
// @ts-check
/**
 * `npm run setup`: everything the course needs, in one idempotent step.
 *
 * 1. npm dependencies, with install scripts skipped (tfjs-node's own script downloads
 *    libtensorflow 2.9.1, which is no longer downloadable);
 * 2. the Python venv `.venv` from the pinned requirements.txt (Jupyter, nbconvert,
 *    plotly's JupyterLab renderer, tensorflow-cpu 2.21.0);
 * 3. the native tfjs-node binding, built against the TensorFlow C library of that wheel;
 * 4. the tslab kernelspec `redes-neurais` in the project-local Jupyter folder, and
 *    JupyterLab settings without its news pop-up;
 * 5. the library `lib/` compiled to `lib/dist`.
 *
 * Each step records what it was made from (a stamp); when nothing changed, the whole
 * run is a fast no-op. Only Node's standard library is used: this runs before
 * `npm install`.
 *
 * Usage: node tools/setup.mjs [--quiet] [--force]
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkPrerequisites, findPython } from "./setup/prerequisites.mjs";
import { run, runQuiet, SetupError } from "./setup/run.mjs";
import { kernelDisplayName, kernelName, paths, projectRoot } from "./project.mjs";

const args = new Set(process.argv.slice(2));
const quiet = args.has("--quiet");
const force = args.has("--force");

/** @param {string} message */
function say(message) {
  if (!quiet) console.log(message);
}

/** @param {string} message */
function doing(message) {
  console.log(`▸ ${message}`);
}

/** @param {...string} parts */
function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** @param {string} file */
function readOr(file, fallback = "") {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/**
 * Writes a file atomically (temp file + rename), so a crash leaves the old one or none.
 * @param {string} file
 * @param {string} content
 */
function writeAtomic(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

// ---------------------------------------------------------------------------
// 1. npm dependencies
/**
 * The parts of a package.json that decide what npm installs (not its scripts).
 * @param {string} file
 */
function dependencyFields(file) {
  const manifest = JSON.parse(readOr(file, "{}"));
  const fields = ["dependencies", "devDependencies", "optionalDependencies", "overrides", "workspaces"];
  return JSON.stringify(fields.map((field) => manifest[field] ?? null));
}

function installNpmDependencies() {
  const stampFile = path.join(paths.nodeModules, ".redes-neurais-npm.sha256");
  const lockFile = path.join(projectRoot, "package-lock.json");
  const wanted = () =>
    sha256(
      dependencyFields(path.join(projectRoot, "package.json")),
      dependencyFields(path.join(paths.lib, "package.json")),
      readOr(lockFile),
    );
  if (!force && readOr(stampFile) === wanted() && fs.existsSync(paths.tfjsNode)) {
    say("✓ dependências npm em dia");
    return false;
  }
  doing("instalando as dependências npm (scripts de instalação desativados)…");
  // A fresh clone installs exactly what the lock file says; later changes go through install.
  const command = fs.existsSync(lockFile) && !fs.existsSync(paths.nodeModules) ? "ci" : "install";
  run("npm", [command, "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: projectRoot });
  writeAtomic(stampFile, wanted()); // after the install: npm may have updated the lock file
  return true;
}

// ---------------------------------------------------------------------------
// 2. Python venv
function createPythonVenv() {
  const stampFile = path.join(paths.venv, ".redes-neurais-requirements.sha256");
  const wanted = sha256(readOr(paths.requirements));
  if (!force && readOr(stampFile) === wanted && fs.existsSync(paths.venvPython)) {
    say("✓ venv Python em dia (.venv)");
    return;
  }
  if (!fs.existsSync(paths.venvPython)) {
    const python = findPython();
    doing(`criando o venv Python em .venv com ${python}…`);
    run(python, ["-m", "venv", paths.venv], { cwd: projectRoot });
  }
  doing("instalando requirements.txt no venv (JupyterLab, nbconvert, tensorflow-cpu)…");
  run(paths.venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "-r", paths.requirements], {
    cwd: projectRoot,
  });
  writeAtomic(stampFile, wanted);
}

// ---------------------------------------------------------------------------
// 3. The native binding
/** The TensorFlow package folder inside the venv (holds the C library and headers). */
function findTensorflowPackage() {
  const libDir = path.join(paths.venv, "lib");
  const candidates = fs.existsSync(libDir)
    ? fs
        .readdirSync(libDir)
        .filter((name) => name.startsWith("python"))
        .map((name) => path.join(libDir, name, "site-packages", "tensorflow"))
    : [];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "libtensorflow_cc.so.2")));
  if (!found) {
    throw new SetupError(
      "a biblioteca C do TensorFlow não foi encontrada no venv",
      `esperava .venv/lib/python3.*/site-packages/tensorflow/libtensorflow_cc.so.2 (do pacote tensorflow-cpu); ` +
        `encontrei: ${candidates.join(", ") || "nenhuma pasta site-packages"}.`,
      "rode `npm run setup -- --force` para reinstalar o venv.",
    );
  }
  return found;
}

/**
 * Points tfjs-node's deps/ at the wheel's TensorFlow: headers in deps/include, and in
 * deps/lib the names the binding links against (libtensorflow.so, libtensorflow_framework.so)
 * and the SONAMEs the loader asks for (…so.2).
 * @param {string} tensorflowDir
 */
function stageTensorflowLibrary(tensorflowDir) {
  const deps = path.join(paths.tfjsNode, "deps");
  const links = {
    [path.join(deps, "include")]: path.join(tensorflowDir, "include"),
    [path.join(deps, "lib", "libtensorflow.so")]: path.join(tensorflowDir, "libtensorflow_cc.so.2"),
    [path.join(deps, "lib", "libtensorflow_cc.so.2")]: path.join(tensorflowDir, "libtensorflow_cc.so.2"),
    [path.join(deps, "lib", "libtensorflow_framework.so")]: path.join(tensorflowDir, "libtensorflow_framework.so.2"),
    [path.join(deps, "lib", "libtensorflow_framework.so.2")]: path.join(tensorflowDir, "libtensorflow_framework.so.2"),
  };
  fs.mkdirSync(path.join(deps, "lib"), { recursive: true });
  for (const [link, target] of Object.entries(links)) {
    const relative = path.relative(path.dirname(link), target);
    let current = null;
    try {
      current = fs.readlinkSync(link);
    } catch {
      current = null;
    }
    if (current === relative) continue;
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(relative, link);
  }
}

/** @returns {string | null} the built binding (lib/napi-v*\/tfjs_binding.node), if any */
function findBuiltBinding() {
  const libDir = path.join(paths.tfjsNode, "lib");
  if (!fs.existsSync(libDir)) return null;
  for (const name of fs.readdirSync(libDir)) {
    const candidate = path.join(libDir, name, "tfjs_binding.node");
    if (name.startsWith("napi-v") && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function buildNativeBinding() {
  const tensorflowDir = findTensorflowPackage();
  stageTensorflowLibrary(tensorflowDir);
  const tfjsNodeVersion = JSON.parse(readOr(path.join(paths.tfjsNode, "package.json"), "{}")).version;
  const libraryStat = fs.statSync(path.join(tensorflowDir, "libtensorflow_cc.so.2"));
  const stampFile = path.join(paths.tfjsNode, "deps", ".redes-neurais-binding.sha256");
  const wanted = sha256(
    tfjsNodeVersion ?? "",
    process.versions.modules,
    process.arch,
    String(libraryStat.size),
    path.relative(projectRoot, tensorflowDir),
  );
  if (!force && readOr(stampFile) === wanted && findBuiltBinding()) {
    say("✓ binding nativo do tfjs-node em dia (TensorFlow do venv)");
    return;
  }
  checkPrerequisites({ needCompiler: true });
  doing("compilando o binding nativo do tfjs-node contra o TensorFlow do venv (~20 s)…");
  const env = { ...process.env };
  if (!env.npm_config_nodedir) {
    // npm may be configured to build against local Node headers (nodedir); node-gyp only
    // sees that setting through the environment when it is not started by npm.
    const nodedir = runQuiet("npm", ["config", "get", "nodedir"], { cwd: projectRoot }).trim();
    if (nodedir && nodedir !== "undefined" && nodedir !== "null") env.npm_config_nodedir = nodedir;
  }
  const nodePreGyp = path.join(paths.nodeModules, "@mapbox", "node-pre-gyp", "bin", "node-pre-gyp");
  run(process.execPath, [nodePreGyp, "install", "--build-from-source"], { cwd: paths.tfjsNode, env });
  const check = runQuiet(
    process.execPath,
    ["-e", "const tf=require('@tensorflow/tfjs-node');process.stdout.write(tf.getBackend())"],
    { cwd: projectRoot, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" } },
  );
  if (check.trim() !== "tensorflow") {
    throw new SetupError(
      "o binding nativo foi compilado mas não carregou",
      `esperava o backend "tensorflow", recebi "${check.trim()}".`,
      "rode `npm run doctor` e envie a saída ao professor.",
    );
  }
  writeAtomic(stampFile, wanted);
  say("✓ binding nativo compilado: backend \"tensorflow\"");
}

// ---------------------------------------------------------------------------
// 4. The kernelspec
function writeKernelSpec() {
  const spec = {
    argv: [process.execPath, paths.tslabCli, "kernel", "--config-path", "{connection_file}"],
    display_name: kernelDisplayName,
    language: "typescript",
    env: { TF_CPP_MIN_LOG_LEVEL: "2" },
    metadata: { debugger: false },
  };
  const file = path.join(paths.jupyterData, "kernels", kernelName, "kernel.json");
  const content = `${JSON.stringify(spec, null, 2)}\n`;
  for (const dir of [paths.jupyterConfig, paths.jupyterRuntime]) fs.mkdirSync(dir, { recursive: true });
  if (readOr(file) === content) {
    say(`✓ kernel Jupyter "${kernelName}" em dia (.jupyter/share/kernels)`);
    return;
  }
  writeAtomic(file, content);
  say(`✓ kernel Jupyter "${kernelName}" escrito em .jupyter/share/kernels/${kernelName}`);
}

/**
 * JupyterLab's settings for the course, as overrides in the venv's lab folder: no
 * "news" pop-up or update check, which would also try to reach the internet.
 */
function writeJupyterLabSettings() {
  const file = path.join(paths.venv, "share", "jupyter", "lab", "settings", "overrides.json");
  const settings = {
    "@jupyterlab/apputils-extension:notification": { checkForUpdates: false, fetchNews: "false" },
  };
  const content = `${JSON.stringify(settings, null, 2)}\n`;
  if (readOr(file) !== content) writeAtomic(file, content);
}

// ---------------------------------------------------------------------------
// 5. The library
/** @param {string} dir @returns {number} the newest modification time below dir */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildLibrary() {
  const buildInfo = path.join(paths.lib, "dist", ".tsbuildinfo");
  const sources = Math.max(
    newestMtime(path.join(paths.lib, "src")),
    fs.statSync(path.join(paths.lib, "tsconfig.build.json")).mtimeMs,
    fs.statSync(path.join(paths.lib, "tsconfig.json")).mtimeMs,
    fs.statSync(path.join(projectRoot, "tsconfig.json")).mtimeMs,
  );
  if (!force && fs.existsSync(buildInfo) && fs.statSync(buildInfo).mtimeMs >= sources) {
    say("✓ biblioteca lib/ compilada e em dia");
    return;
  }
  doing("compilando a biblioteca lib/ → lib/dist…");
  const tsc = path.join(paths.nodeModules, "typescript", "bin", "tsc");
  run(process.execPath, [tsc, "-p", path.join(paths.lib, "tsconfig.build.json")], { cwd: projectRoot });
  fs.utimesSync(buildInfo, new Date(), new Date());
}

// ---------------------------------------------------------------------------
const started = performance.now();
try {
  checkPrerequisites({ needCompiler: false });
  installNpmDependencies();
  createPythonVenv();
  buildNativeBinding();
  writeKernelSpec();
  writeJupyterLabSettings();
  buildLibrary();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`Ambiente pronto em ${seconds} s. Próximos passos: \`npm start\` (JupyterLab), \`npm run doctor\`.`);
} catch (error) {
  if (error instanceof SetupError) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
  throw error;
}
