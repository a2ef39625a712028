#!/usr/bin/env node
// @ts-check
/**
 * The course on other Node.js versions, side by side with the machine's own:
 *
 *   node tools/node-matrix.mjs 24 26      (npm run test:node -- 24 26)
 *
 * For each major: installs the official Node.js binary from the npm registry (the package
 * `node-<platform>-<arch>@<major>`, which also carries the headers node-gyp builds against)
 * into `.cache/node/<major>/`, runs the whole set-up with it (`npm run setup`: native
 * binding rebuilt, kernelspec pointing at that Node), then the library's tests, the
 * stop-button test in a real kernel and its share of the notebooks in fast mode
 * (`testFilters` and `notebookShare` in tools/node-support.mjs: with several majors each runs
 * every n-th notebook, so each notebook runs on one of them; npm test runs all of them on the
 * machine's Node, and the notebooks' type checks, which do not depend on Node's version,
 * only there).
 * At the end the set-up runs again with the Node that started this script, so the project
 * is left as it was. Prints the time of each part and exits non-zero if any version failed.
 * The supported majors are listed in tools/node-support.mjs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { notebookShare, SUPPORTED_NODE_MAJORS } from "./node-support.mjs";
import { projectRoot } from "./project.mjs";

const majors = process.argv.slice(2);
const supported = Object.keys(SUPPORTED_NODE_MAJORS);
if (majors.length === 0 || majors.some((major) => !supported.includes(major))) {
  console.error(
    `uso: node tools/node-matrix.mjs MAJOR [MAJOR…], com MAJOR entre ${supported.join(", ")} ` +
      `(recebi: ${majors.join(" ") || "nada"}).`,
  );
  process.exit(2);
}

/**
 * What runs on each version: the library's tests, every notebook in fast mode, and the stop
 * button in a real kernel (it relies on how Node dispatches signals and runs vm code).
 */
const testFilters = ["lib/src", "tools/notebooks/notebooks.test", "tools/jupyter/kernel-interrupt.test"];

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ok: boolean, seconds: number }}
 */
function timed(label, command, args, env) {
  console.log(`▸ ${label}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = result.status === 0;
  console.log(`${ok ? "✓" : "✗"} ${label}: ${seconds.toFixed(0)} s${ok ? "" : ` (código ${result.status ?? result.signal})`}`);
  return { ok, seconds };
}

/**
 * Installs (once) the official Node.js `major` from the npm registry.
 * @param {string} major
 * @returns {string} the folder with bin/node
 */
function installNode(major) {
  const prefix = path.join(projectRoot, ".cache", "node", major);
  const packageName = `node-${process.platform}-${process.arch}`;
  const home = path.join(prefix, "node_modules", packageName);
  const installed = fs.existsSync(path.join(home, "bin", "node"));
  if (!installed) {
    fs.mkdirSync(prefix, { recursive: true });
    const step = timed(`npm install ${packageName}@${major}`, "npm", [
      "install", "--prefix", prefix, "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", `${packageName}@${major}`,
    ], process.env);
    if (!step.ok) throw new Error(`não consegui instalar ${packageName}@${major} do registro npm`);
  }
  return home;
}

/** @type {{ major: string, version: string, parts: { setup: number, tests: number }, ok: boolean }[]} */
const results = [];
const notebookFiles = fs.readdirSync(path.join(projectRoot, "notebooks"));
for (const [index, major] of majors.entries()) {
  const home = installNode(major);
  const notebooks = notebookShare(notebookFiles, index, majors.length);
  const bin = path.join(home, "bin");
  const version = spawnSync(path.join(bin, "node"), ["--version"], { encoding: "utf8" }).stdout.trim();
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
    // The notebooks' type checks do not depend on Node's version: npm test runs them.
    REDES_NEURAIS_NOTEBOOKS_SO_EXECUCAO: "1",
    REDES_NEURAIS_NOTEBOOKS: notebooks.join(" "),
  };
  delete env["npm_config_nodedir"]; // npm exports the machine's setting; the set-up uses this Node's own headers
  const setup = timed(`Node ${version}: npm run setup`, "npm", ["run", "setup"], env);
  const tests = setup.ok
    ? timed(`Node ${version}: testes da biblioteca, botão de parar e notebooks ${notebooks.join(" ")}`, path.join(bin, "node"), ["tools/run-tests.mjs", ...testFilters], env)
    : { ok: false, seconds: 0 };
  results.push({ major, version, parts: { setup: setup.seconds, tests: tests.seconds }, ok: setup.ok && tests.ok });
}

const restore = timed(`de volta ao Node ${process.version}: npm run setup`, "npm", ["run", "setup", "--", "--quiet"], process.env);
console.log("\nNode.js   set-up   testes");
for (const { version, parts, ok } of results) {
  console.log(`${version.padEnd(9)} ${parts.setup.toFixed(0).padStart(5)} s ${parts.tests.toFixed(0).padStart(6)} s  ${ok ? "✓" : "✗"}`);
}
process.exit(results.every((result) => result.ok) && restore.ok ? 0 : 1);
