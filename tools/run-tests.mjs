#!/usr/bin/env node
// @ts-check
/**
 * `npm test` (after `npm run setup`): type-checks the library and the tools, then runs
 * every `*.test.ts` under lib/src and tools/ with Node's test runner — the library's unit
 * tests and the notebook checks (each notebook type-checked and executed on the native
 * backend in fast mode). Node's runner prints the closing summary (tests/pass/fail).
 * Arguments filter the test files by substring: `npm test -- plot notebooks`;
 * `--typecheck-only` (`npm run typecheck`) stops after the type checks, notebooks included.
 * Without filters it also checks the code's structure (`npm run structure` runs only that):
 * knip (knip.jsonc) fails on unused files, exports, types and dependencies of lib/ and tools/,
 * madge on import cycles.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { paths, projectRoot } from "./project.mjs";

/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith(".test.ts")) found.push(full);
  }
  return found.sort();
}

/** @param {string} label @param {string[]} args */
function step(label, args) {
  console.log(`▸ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ ${label}: falhou (código ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const tsc = path.join(paths.nodeModules, "typescript", "bin", "tsc");
const typecheckOnly = process.argv.includes("--typecheck-only");
const structureOnly = process.argv.includes("--structure-only");
const filters = process.argv.slice(2).filter((arg) => arg !== "--typecheck-only" && arg !== "--structure-only");

function checkStructure() {
  step("estrutura: arquivos, exports e dependências sem uso (knip)", [path.join(paths.nodeModules, "knip", "bin", "knip.js"), "--no-progress"]);
  step("estrutura: ciclos de import (madge)", [
    path.join(paths.nodeModules, "madge", "bin", "cli.js"),
    "--circular", "--no-spinner", "--extensions", "ts,mjs", "--ts-config", "tsconfig.json", "--exclude", "^lib/dist/", "lib/src", "tools",
  ]);
}

if (structureOnly) {
  checkStructure();
  process.exit(0);
}
if (filters.length === 0) {
  step("checagem de tipos: lib/ (com os testes)", [tsc, "-p", paths.lib]);
  step("checagem de tipos: tools/", [tsc, "-p", projectRoot]);
  if (!typecheckOnly) checkStructure();
}
if (typecheckOnly) {
  step("checagem de tipos: células dos notebooks", ["--import", "tsx", path.join(projectRoot, "tools", "notebooks", "typecheck.ts")]);
  process.exit(0);
}
const files = [...findTests(path.join(paths.lib, "src")), ...findTests(path.join(projectRoot, "tools"))]
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
if (files.length === 0) {
  console.error(`nenhum arquivo de teste corresponde a: ${filters.join(", ")}`);
  process.exit(1);
}
console.log(`▸ ${files.length} arquivos de teste`);
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", ...files.map((file) => path.relative(projectRoot, file))],
  { cwd: projectRoot, stdio: "inherit", env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? "2" } },
);
process.exit(result.status ?? 1);
