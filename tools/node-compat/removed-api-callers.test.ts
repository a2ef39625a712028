import assert from "node:assert/strict";
import { describe, test } from "node:test";
import path from "node:path";
import { REMOVED_NODE_APIS } from "@redes-neurais/lib/ferramentas";
import { paths } from "../project.mjs";
import { findRemovedApiCallers, packageOf, removedApisInSource } from "./removed-api-callers";

/**
 * Callers of a removed Node API that the course leaves alone, each with the reason it is
 * never reached by the course. Any other caller must be covered by
 * lib/src/backend/node-compat.ts.
 */
const unreachedCallers: Record<string, string> = {
  "iconv-lite buffer.SlowBuffer": "only in extendNodeEncodings(), which nothing in the tree calls",
  "safe-buffer buffer.SlowBuffer": "copies SlowBuffer only when Buffer.alloc is missing (Node < 4.5)",
  "safer-buffer buffer.SlowBuffer": "dangerous.js and tests.js, which nothing requires",
  "@vue/compiler-sfc util._extend":
    "madge's Vue detective (the structure check of npm test) brings it; only its bundled template renderers (consolidate) call it, for .vue files with a template language, and the project has no .vue file",
};

describe("Node APIs removed since Node 20 in the installed dependency tree", () => {
  test("the scanner finds the forms a module binding takes in published code", () => {
    const apis = { util: { names: ["isNullOrUndefined", "isArray"] }, fs: { names: ["F_OK"] } };
    assert.deepEqual(removedApisInSource('var util_1 = require("util"); (0, util_1.isNullOrUndefined)(x);', apis), ["util.isNullOrUndefined"]);
    assert.deepEqual(removedApisInSource('const u = __importStar(require("node:util")); u.isArray(a)', apis), ["util.isArray"]);
    assert.deepEqual(removedApisInSource('const { isArray } = require("util");', apis), ["util.isArray"]);
    assert.deepEqual(removedApisInSource('import * as fs from "fs"; fs.access(p, fs.F_OK)', apis), ["fs.F_OK"]);
    assert.deepEqual(removedApisInSource('require("fs").F_OK', apis), ["fs.F_OK"]);
    assert.deepEqual(removedApisInSource('import { isArray } from "node:util"', apis), ["util.isArray"]);
    assert.deepEqual(removedApisInSource('var util = require("./util"); util.isArray(x); tf.util.isNullOrUndefined', apis), []);
    assert.deepEqual(removedApisInSource('const fs = require("fs"); fs.constants.F_OK', apis), []);
    assert.equal(packageOf(path.join("node_modules", "@tensorflow", "tfjs-node", "dist", "index.js")), "@tensorflow/tfjs-node");
    assert.equal(packageOf(path.join("node_modules", "request", "node_modules", "form-data", "lib", "f.js")), "form-data");
  });

  test("every caller is covered by lib/src/backend/node-compat.ts or listed as never reached, with its reason", () => {
    const callers = findRemovedApiCallers(paths.nodeModules, REMOVED_NODE_APIS);
    assert.ok(
      callers.some((caller) => caller.packageName === "@tensorflow/tfjs-node" && caller.api === "util.isNullOrUndefined"),
      "the known caller (tfjs-node 4.22) must be found, or the scanner is blind",
    );
    const uncovered = callers.filter((caller) => {
      const [moduleName, name] = caller.api.split(".") as [string, string];
      const covered = REMOVED_NODE_APIS[moduleName]?.covered.includes(name) ?? false;
      return !covered && !(`${caller.packageName} ${caller.api}` in unreachedCallers);
    });
    assert.deepEqual(
      uncovered.map((caller) => `${caller.file}: ${caller.api}`),
      [],
      "chame a API pelo shim em lib/src/backend/node-compat.ts ou explique em unreachedCallers por que ela nunca roda",
    );
    const stale = Object.keys(unreachedCallers).filter((key) => !callers.some((caller) => `${caller.packageName} ${caller.api}` === key));
    assert.deepEqual(stale, [], "entries of unreachedCallers that no installed package needs any more");
  });
});
