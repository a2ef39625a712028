/**
 * The kernel's compile cache (tools/jupyter/kernel-compile-cache.cjs): on Node ≥ 22 the kernel
 * launcher writes V8's compiled code into the course's cache folder; on Node 20, with
 * NODE_DISABLE_COMPILE_CACHE, and on a folder that cannot be created the kernel starts as before,
 * without a word on stderr.
 *
 * Each case runs in a fresh process of the Node.js running the tests; `REDES_NEURAIS_TEST_NODES`
 * (paths separated by ":") adds other Node.js binaries, e.g. a Node 24 next to a Node 20.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { paths } from "../project.mjs";

const require = createRequire(import.meta.url);
const { enableKernelCompileCache, COMPILE_CACHE_FOLDER } = require("./kernel-compile-cache.cjs") as typeof import("./kernel-compile-cache.cjs");

const cacheModule = path.join(paths.kernelLauncher, "..", "kernel-compile-cache.cjs");
const nodes = [process.execPath, ...(process.env.REDES_NEURAIS_TEST_NODES ?? "").split(":").filter(Boolean)];
const root = mkdtempSync(path.join(tmpdir(), "rn-compile-cache-"));
after(() => rmSync(root, { recursive: true, force: true }));
let serial = 0;

function majorVersion(node: string): number {
  const run = spawnSync(node, ["-p", "process.versions.node"], { encoding: "utf8" });
  return Number(run.stdout.trim().split(".")[0]);
}

/** Files below a folder (the cache keeps one subfolder per Node version). */
function filesBelow(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** Enables the cache in a fresh process, loads a small module, flushes; returns the status. */
function enableInChild(node: string, env: NodeJS.ProcessEnv) {
  const script = `
    const cache = require(${JSON.stringify(cacheModule)}).enableKernelCompileCache();
    require(${JSON.stringify(path.join(root, "loaded-module.cjs"))});
    cache.flush();
    console.log(JSON.stringify({ status: cache.status, directory: cache.directory }));`;
  const { NODE_COMPILE_CACHE: _inherited, ...base } = process.env;
  const run = spawnSync(node, ["-e", script], { encoding: "utf8", env: { ...base, ...env } });
  return { exitCode: run.status, stderr: run.stderr, result: JSON.parse(run.stdout.trim() || "null") as { status: string; directory: string | null } | null };
}

writeFileSync(path.join(root, "loaded-module.cjs"), "module.exports = function add(a, b) { return a + b; };\n");

for (const node of nodes) {
  const major = majorVersion(node);
  const supported = spawnSync(node, ["-p", "typeof require('node:module').enableCompileCache"], { encoding: "utf8" }).stdout.trim() === "function";

  describe(`Node ${major} (${node})`, () => {
    test(supported ? "the cache is enabled and written inside the course's cache folder" : "without module.enableCompileCache the cache is skipped, silently", () => {
      const cacheFolder = path.join(root, `cache-${serial++}`);
      const { exitCode, stderr, result } = enableInChild(node, { REDES_NEURAIS_CACHE: cacheFolder });
      assert.equal(exitCode, 0, stderr);
      assert.equal(stderr, "");
      if (supported) {
        assert.equal(result?.status, "enabled");
        assert.ok(result?.directory?.startsWith(path.join(cacheFolder, COMPILE_CACHE_FOLDER)), `pasta do cache: ${result?.directory}`);
        assert.ok(filesBelow(path.join(cacheFolder, COMPILE_CACHE_FOLDER)).length > 0, "o cache foi gravado");
      } else {
        assert.deepEqual(result, { status: "unsupported", directory: null });
        assert.equal(existsSync(cacheFolder), false, "nada é criado no Node sem cache de compilação");
      }
    });

    test("a cache folder that cannot be created leaves the process working, without a word on stderr", () => {
      const aFile = path.join(root, `a-file-${serial++}`);
      writeFileSync(aFile, "");
      const { exitCode, stderr, result } = enableInChild(node, { REDES_NEURAIS_CACHE: path.join(aFile, "cache") });
      assert.equal(exitCode, 0, stderr);
      assert.equal(stderr, "");
      assert.deepEqual(result, { status: supported ? "failed" : "unsupported", directory: null });
    });

    test("NODE_DISABLE_COMPILE_CACHE=1 turns it off", { skip: !supported && "sem cache de compilação neste Node" }, () => {
      const cacheFolder = path.join(root, `cache-${serial++}`);
      const { exitCode, stderr, result } = enableInChild(node, { REDES_NEURAIS_CACHE: cacheFolder, NODE_DISABLE_COMPILE_CACHE: "1" });
      assert.equal(exitCode, 0, stderr);
      assert.deepEqual(result, { status: "disabled", directory: null });
      assert.deepEqual(filesBelow(cacheFolder), []);
    });

    test("the kernel launcher enables it before loading tslab", () => {
      const cacheFolder = path.join(root, `cache-${serial++}`);
      const run = spawnSync(node, [paths.kernelLauncher, "--version"], { encoding: "utf8", env: { ...process.env, REDES_NEURAIS_CACHE: cacheFolder } });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^tslab \d+\.\d+\.\d+/);
      const written = filesBelow(path.join(cacheFolder, COMPILE_CACHE_FOLDER));
      if (supported) assert.ok(written.length >= 10, `tslab e suas dependências no cache (${written.length} arquivos)`);
      else assert.deepEqual(written, []);
    });
  });
}

describe("with Node's module API replaced", () => {
  test("asks Node for <course cache>/node-compile-cache and reports where Node writes", () => {
    const asked: string[] = [];
    let flushed = 0;
    const cache = enableKernelCompileCache({
      env: { REDES_NEURAIS_CACHE: path.join(root, "api") },
      moduleApi: {
        enableCompileCache: (directory) => (asked.push(directory), { status: 1, directory: `${directory}/v24` }),
        flushCompileCache: () => void flushed++,
        constants: { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } },
      },
    });
    assert.deepEqual(asked, [path.join(root, "api", COMPILE_CACHE_FOLDER)]);
    assert.equal(cache.status, "enabled");
    assert.equal(cache.directory, path.join(root, "api", COMPILE_CACHE_FOLDER, "v24"));
    cache.flush();
    assert.equal(flushed, 1);
  });

  test("an enableCompileCache that throws, or a flush that throws, is swallowed", () => {
    const throwing = enableKernelCompileCache({ moduleApi: { enableCompileCache: () => { throw new Error("EACCES"); } } });
    assert.equal(throwing.status, "failed");
    const flushThrows = enableKernelCompileCache({
      moduleApi: {
        enableCompileCache: () => ({ status: 2 }),
        flushCompileCache: () => { throw new Error("EROFS"); },
        constants: { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } },
      },
    });
    assert.equal(flushThrows.status, "already-enabled");
    assert.doesNotThrow(() => flushThrows.flush());
  });
});
