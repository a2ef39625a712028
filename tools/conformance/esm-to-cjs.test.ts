import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { installEsmToCjsHook, isEsModuleSource, toCommonJsCached } from "./esm-to-cjs.mjs";

const require = createRequire(import.meta.url);

describe("loading tfjs-core's ES-module test files with require", () => {
  test("tells ES modules from CommonJS", () => {
    assert.equal(isEsModuleSource("import './ops/abs_test';\n"), true);
    assert.equal(isEsModuleSource("/** x */\nexport const a = 1;"), true);
    assert.equal(isEsModuleSource("export { a } from './a';"), true);
    assert.equal(isEsModuleSource('"use strict";\nconst x = require("./x");\nmodule.exports = { importance: 1 };'), false);
    assert.equal(isEsModuleSource("const s = 'import x from y';"), false);
  });

  test("loads a folder of extensionless ES modules, only under the hooked root, and can be undone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "esm-to-cjs-"));
    try {
      const root = path.join(dir, "esm") + path.sep;
      fs.mkdirSync(path.join(root, "ops"), { recursive: true });
      fs.writeFileSync(path.join(root, "index.js"), "import { double } from './ops/double';\nexport const four = double(2);\n");
      fs.writeFileSync(path.join(root, "ops", "double.js"), "export function double(x) { return 2 * x; }\n");
      fs.writeFileSync(path.join(dir, "outside.js"), "export const x = 1;\n");
      const cacheDir = path.join(dir, "cache");
      const hook = installEsmToCjsHook([root], { cacheDir });
      try {
        assert.equal(require(path.join(root, "index.js")).four, 4);
        assert.equal(hook.transpiled(), 2);
        assert.equal(fs.readdirSync(cacheDir).length, 2);
        try {
          require(path.join(dir, "outside.js")); // plain node refuses it; tsx (running this test) loads it itself
        } catch {
          // either way, the hook must not have touched it
        }
        assert.equal(hook.transpiled(), 2, "files outside the hooked root are not transpiled by the hook");
      } finally {
        hook.uninstall();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("reuses the cache only for the same source", () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "esm-to-cjs-cache-"));
    try {
      const first = toCommonJsCached("export const a = 1;", "/x/a.js", cacheDir);
      assert.match(first, /exports/);
      const [file] = fs.readdirSync(cacheDir);
      fs.writeFileSync(path.join(cacheDir, file!), "/* from cache */");
      assert.equal(toCommonJsCached("export const a = 1;", "/x/a.js", cacheDir), "/* from cache */");
      assert.notEqual(toCommonJsCached("export const a = 2;", "/x/a.js", cacheDir), "/* from cache */");
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
