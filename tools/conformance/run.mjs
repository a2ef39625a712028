#!/usr/bin/env node
// @ts-check
/**
 * `npm run conformance`: TensorFlow.js's own upstream test suite run against the course's
 * build — tfjs-core's op suite (`@tensorflow/tfjs-core/dist/tests.js`, ~4,000 specs) and
 * tfjs-node's specs (`@tensorflow/tfjs-node/dist/*_test.js`), as upstream's
 * `tfjs-node/dist/run_tests.js` runs them: jasmine, test env `test-tensorflow`, upstream's
 * IGNORE_LIST (read from the installed package). On top of that:
 * - the known deviations of this build (tools/conformance/deviations.mjs) must fail, and
 *   the run fails if one passes (then remove it from the list);
 * - specs whose fixture files are not in the npm package are left out, with the reason;
 * - specs of our own prove the backend and that both tfjs-core copies share one engine;
 * - on the native backend, the course's correction of single-channel convolution gradients
 *   (lib/src/backend/corrections/single-channel-convolutions.ts) is installed, as in the course.
 *
 * `--backend cpu` runs tfjs-core's suite on the pure-JavaScript fallback the way upstream's
 * tfjs-backend-cpu does (test env `cpu`, no ignore list, no tfjs-node specs).
 * `--filter <regex>` runs only the specs whose full name matches (like upstream's --grep).
 * `--deviations <file.json>` replaces the list of known deviations (for the tests).
 *
 * Prints executed / passed / failed / pending; exits 1 on any failure no deviation lists.
 * Plain node (no tsx): tsx's own loader would transpile the ES modules differently.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { deviationsFor, leftOutReason, parseDeviations } from "./deviations.mjs";
import { ENGINE_SPECS_COUNT, ENGINE_SPECS_SUITE, registerEngineSpecs } from "./engine-spec.mjs";
import { installEsmToCjsHook } from "./esm-to-cjs.mjs";
import { writeImageFixtures } from "./image-fixtures.mjs";
import { isIgnored, parseUpstreamIgnoreList } from "./ignore-list.mjs";
import { formatSummary, summarize } from "./outcomes.mjs";
import { parseConformanceArgs } from "./args.mjs";
import { paths } from "../project.mjs";

const started = performance.now();
/** @type {ReturnType<typeof parseConformanceArgs>} */
let options;
/** @type {readonly import("./deviations.mjs").Deviation[]} */
let deviations;
try {
  options = parseConformanceArgs(process.argv.slice(2));
  const file = options.deviationsFile;
  deviations = file ? parseDeviations(fs.readFileSync(file, "utf8"), file) : deviationsFor(options.backend);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const { backend, filter } = options;
process.env.TF_CPP_MIN_LOG_LEVEL ??= "2";

const load = createRequire(import.meta.url);
const coreDist = path.join(path.dirname(load.resolve("@tensorflow/tfjs-core/package.json")), "dist") + path.sep;
const hook = installEsmToCjsHook([coreDist], { cacheDir: path.join(paths.nodeModules, ".cache", "redes-neurais-conformance") });

/** @type {string[]} */
const errors = [];
process.on("unhandledRejection", (reason) => {
  errors.push(`rejeição não tratada: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});

const Jasmine = load("jasmine");
const runner = new Jasmine({ projectBaseDir: process.cwd() });
runner.loadConfig({ spec_files: [], random: false, jsLoader: "require" });
runner.exitOnCompletion = false;

// tfjs-node 4.22 calls Node APIs that Node 23 removed: the course's compatibility layer
// (lib/src/backend/node-compat.ts) goes in before it loads, as it does in the notebooks.
// The library's tools entry installs it on import and loads no TensorFlow.js itself
// (lib/src/tools-entry.ts): the backend, corrections and speed-ups come below, in order.
/** @type {typeof import("@redes-neurais/lib/ferramentas")} */
let courseTools;
try {
  courseTools = load("@redes-neurais/lib/ferramentas");
} catch (error) {
  console.error(
    `✗ a biblioteca do curso não carregou (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): ` +
      "o conformance precisa dela compilada (lib/dist) para a camada de compatibilidade, a correção das convoluções e as acelerações. Rode npm run setup e tente de novo.",
  );
  process.exit(1);
}

// The backend first (as upstream's run_tests.js does), then the chained ops and
// gradients that the op specs rely on, then the test environment.
if (backend === "tensorflow") {
  try {
    load("@tensorflow/tfjs-node");
  } catch (error) {
    console.error(
      `✗ o backend nativo não carregou (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). ` +
        "Rode npm run setup (que compila o binding nativo) e tente de novo, ou use --backend cpu.",
    );
    process.exit(1);
  }
} else {
  load("@tensorflow/tfjs");
}
load("@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops");
load("@tensorflow/tfjs-core/dist/register_all_gradients");
// The course always runs the native backend with the correction of oneDNN's single-channel
// convolution gradients (lib/src/backend/corrections/single-channel-convolutions.ts): the
// suite checks that build, and tfjs's own convolution specs check the correction.
if (backend === "tensorflow") {
  if (!courseTools.installSingleChannelConvolutionCorrection(load("@tensorflow/tfjs-node"))) {
    console.error("✗ a correção das convoluções de um canal não foi instalada: os kernels do tfjs-node não estão registrados.");
    process.exit(1);
  }
}
// After tfjs-core's gradients (which would otherwise replace the course's fused ones).
/** @type {string[]} */
let speedups = [];
if (options.withSpeedups) {
  speedups = courseTools.installNativeSpeedups(load("@tensorflow/tfjs-node"));
  if (speedups.length === 0) {
    console.error("✗ --com-aceleracoes: nenhuma aceleração foi instalada (REDES_NEURAIS_SEM_ACELERACAO=1 no ambiente?).");
    process.exit(1);
  }
}
const jasmineUtil = load("@tensorflow/tfjs-core/dist/jasmine_util");
const envName = backend === "tensorflow" ? "test-tensorflow" : "cpu";
jasmineUtil.setTestEnvs([{ name: envName, backendName: backend, flags: {}, isDataSync: true }]);

const tfjsNodeDist = path.dirname(load.resolve("@tensorflow/tfjs-node/dist/run_tests.js"));
const ignoreList = backend === "tensorflow" ? parseUpstreamIgnoreList(fs.readFileSync(path.join(tfjsNodeDist, "run_tests.js"), "utf8")) : [];

registerEngineSpecs(load, backend);
load("@tensorflow/tfjs-core/dist/tests");
if (backend === "tensorflow") {
  for (const file of fs.readdirSync(tfjsNodeDist).filter((name) => name.endsWith("_test.js")).sort()) {
    load(path.join(tfjsNodeDist, file));
  }
}

/** @type {Map<string, string>} why each left-out spec was left out */
const leftOut = new Map();
/** @param {{ getFullName(): string }} spec */
function shouldRun(spec) {
  const name = spec.getFullName();
  if (name.startsWith(ENGINE_SPECS_SUITE)) return true;
  if (filter && !filter.test(name)) return false;
  if (isIgnored(name, ignoreList)) return false;
  const reason = leftOutReason(name);
  if (reason) {
    leftOut.set(name, reason);
    return false;
  }
  return true;
}
/** @type {any} */ (globalThis).jasmine.getEnv().configure({ specFilter: shouldRun });

/** @type {import("./outcomes.mjs").SpecResult[]} */
const results = [];
// Specs print (profiles, fit() progress): keep what they write, and show it only for
// unexpected failures. The streams are swapped, not console's methods, which specs spy on.
const streams = /** @type {const} */ ([process.stdout, process.stderr]);
const originalWrites = streams.map((stream) => stream.write);
/** @type {string[]} */
let captured = [];
const outputOf = new Map();
function captureOutput() {
  captured = [];
  for (const stream of streams) {
    stream.write = /** @type {any} */ ((/** @type {string | Uint8Array} */ chunk, /** @type {any[]} */ ...rest) => {
      captured.push(String(chunk));
      const callback = rest.find((arg) => typeof arg === "function");
      if (callback) callback();
      return true;
    });
  }
}
function restoreOutput() {
  streams.forEach((stream, i) => {
    stream.write = /** @type {any} */ (originalWrites[i]);
  });
}
let dots = 0;
runner.clearReporters();
runner.addReporter({
  specStarted() {
    captureOutput();
  },
  /** @param {{ fullName: string, status: import("./outcomes.mjs").SpecStatus, failedExpectations: { message: string }[] }} result */
  specDone(result) {
    restoreOutput();
    results.push({ fullName: result.fullName, status: result.status, message: result.failedExpectations[0]?.message ?? "" });
    if (result.status === "failed" && captured.length > 0) outputOf.set(result.fullName, captured.join(""));
    if (result.status !== "excluded" && ++dots % 500 === 0) process.stdout.write(`  … ${dots} specs\n`);
  },
  /** @param {{ fullName: string, failedExpectations: { message: string }[] }} result */
  suiteDone(result) {
    for (const failure of result.failedExpectations) errors.push(`${result.fullName}: ${failure.message}`);
  },
  /** @param {{ failedExpectations: { message: string }[] }} result */
  jasmineDone(result) {
    for (const failure of result.failedExpectations) errors.push(failure.message);
  },
});

const version = backend === "tensorflow" ? ` (TensorFlow ${load("@tensorflow/tfjs-node").backend().binding.TF_Version})` : "";
console.log(`▸ conformidade: suíte do TensorFlow.js ${load("@tensorflow/tfjs-core/package.json").version} no backend ${backend}${version}, ambiente de teste "${envName}"`);
if (backend === "tensorflow") console.log("  com a correção do curso para gradientes de convoluções de um canal (lib/src/backend/corrections)");
if (speedups.length > 0) console.log(`  com as acelerações do curso: ${speedups.join("; ")}`);
console.log(`  ${ignoreList.length} entradas do IGNORE_LIST do upstream; ${hook.transpiled()} módulos ES do tfjs-core transpilados para CommonJS`);
console.log(`  carregado em ${((performance.now() - started) / 1000).toFixed(1)} s`);
// tfjs-node's image specs read test_objects/images/… relative to the working folder, which
// upstream is tfjs-node's own folder (one spec reads its package.json as a non-image file).
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "redes-neurais-conformance-"));
writeImageFixtures(fixtures);
fs.copyFileSync(path.join(tfjsNodeDist, "..", "package.json"), path.join(fixtures, "package.json"));
const workingFolder = process.cwd();
process.chdir(fixtures);
try {
  await runner.execute();
} finally {
  process.chdir(workingFolder);
  fs.rmSync(fixtures, { recursive: true, force: true });
}

const engineSpecsPassed = results.filter((r) => r.fullName.startsWith(ENGINE_SPECS_SUITE) && r.status === "passed").length;
if (engineSpecsPassed !== ENGINE_SPECS_COUNT) {
  errors.push(`os specs "${ENGINE_SPECS_SUITE}" (backend ${backend}, um só engine) passaram ${engineSpecsPassed} de ${ENGINE_SPECS_COUNT}`);
}
const summary = summarize(results, deviations, errors);
for (const failure of summary.unexpectedFailures) {
  const output = outputOf.get(failure.fullName);
  if (output) console.log(`--- saída de "${failure.fullName}":\n${output}`);
}
if (leftOut.size > 0) {
  console.log(`  ${leftOut.size} specs do tfjs-node fora da execução: arquivos de teste (fixtures) que o pacote npm não traz (ver deviations.mjs)`);
}
console.log(formatSummary(summary, { backend, seconds: (performance.now() - started) / 1000, filtered: filter !== undefined }));
process.exit(summary.ok ? 0 : 1);
