#!/usr/bin/env node
// @ts-check
/**
 * `npm run setup`: everything the course needs, in one idempotent step.
 *
 * 1. npm dependencies, with install scripts skipped (tfjs-node's own script downloads
 *    libtensorflow 2.9.1, which is no longer downloadable);
 * 2. the Python venv `.venv` from requirements.txt pinned by constraints.txt (Jupyter,
 *    nbconvert, plotly's JupyterLab renderer, tensorflow-cpu 2.21.0);
 * 3. the native tfjs-node binding, built against the TensorFlow C library of that wheel;
 * 4. the tslab kernelspec `redes-neurais` in the project-local Jupyter folder, and
 *    JupyterLab settings without its news pop-up;
 * 5. the library `lib/` compiled to `lib/dist`.
 *
 * Each step records what it was made from; when nothing changed, the whole run is a fast
 * no-op. Only Node's standard library is used: this runs before `npm install`.
 *
 * Usage: node tools/setup.mjs [--quiet] [--force] [--check]
 *   --quiet  print only the steps that do work
 *   --force  redo every step (recreates the venv)
 *   --check  change nothing: list the steps that would do work; exit 1 if any
 */
import { performance } from "node:perf_hooks";
import { checkPrerequisites } from "./setup/prerequisites.mjs";
import { nodeSupport } from "./node-support.mjs";
import { SetupError } from "./setup/run.mjs";
import { jupyterKernel } from "./setup/steps/jupyter-kernel.mjs";
import { library } from "./setup/steps/library.mjs";
import { nativeBinding } from "./setup/steps/native-binding.mjs";
import { npmPackages } from "./setup/steps/npm-packages.mjs";
import { pythonEnvironment } from "./setup/steps/python-environment.mjs";

const args = new Set(process.argv.slice(2));
const quiet = args.has("--quiet");
const force = args.has("--force");
const checkOnly = args.has("--check");

/** In order: each step may need what the previous ones made. */
const steps = [npmPackages, pythonEnvironment, nativeBinding, jupyterKernel, library];

/** @param {string} message */
const say = (message) => console.log(message);

const started = performance.now();
try {
  checkPrerequisites({ needCompiler: false });
  if (checkOnly) {
    const pending = steps.filter((step) => !step.isUpToDate());
    for (const step of steps) console.log(`${pending.includes(step) ? "✗ a refazer:" : "✓"} ${step.upToDate}`);
    process.exit(pending.length === 0 ? 0 : 1);
  }
  for (const step of steps) {
    if (!force && step.isUpToDate()) {
      if (!quiet) say(`✓ ${step.upToDate}`);
      continue;
    }
    step.apply({ force, say });
  }
  if (!quiet) {
    const { message } = nodeSupport(process.versions.node);
    if (message) say(`⚠ ${message}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`Ambiente pronto em ${seconds} s. Próximos passos: \`npm start\` (JupyterLab), \`npm run doctor\`.`);
  }
} catch (error) {
  if (error instanceof SetupError) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
  throw error;
}
