import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { isIgnored, parseUpstreamIgnoreList } from "./ignore-list.mjs";

const require = createRequire(import.meta.url);

describe("upstream's IGNORE_LIST", () => {
  test("is read from the installed tfjs-node's run_tests.js, entries and comments as upstream wrote them", () => {
    const source = fs.readFileSync(require.resolve("@tensorflow/tfjs-node/dist/run_tests.js"), "utf8");
    const list = parseUpstreamIgnoreList(source);
    // Entries quoted from upstream's file, in its first, middle and last lines.
    assert.equal(list[0], "bitwiseAnd");
    assert.ok(list.includes("scatterND test-tensorflow {} should work for 2d"));
    assert.ok(list.includes("tan test-tensorflow {} numbers exceed float32 precision"));
    assert.ok(list.every((entry) => typeof entry === "string" && entry.length > 0));
  });

  test("parses a list with comments and stops at the array's end", () => {
    const source = "var IGNORE_LIST = [\n    // why\n    'a b',\n    \"c\",\n];\nif (x) { IGNORE_LIST.push('d'); }";
    assert.deepEqual(parseUpstreamIgnoreList(source), ["a b", "c"]);
  });

  test("refuses a file without the list, naming what to update", () => {
    assert.throws(() => parseUpstreamIgnoreList("var OTHER = [];"), /IGNORE_LIST.*ignore-list\.mjs/s);
  });

  test("ignores a spec whose full name contains an entry (upstream's indexOf rule)", () => {
    assert.equal(isIgnored("rotate test-tensorflow {} works", ["rotate"]), true);
    assert.equal(isIgnored("abs test-tensorflow {} basic", ["rotate", "sign test-tensorflow {} basic"]), false);
  });
});
