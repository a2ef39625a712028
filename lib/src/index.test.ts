/**
 * The library's two entries as a process sees them. Which names the public entry holds is
 * checked against what the notebooks and assignments import, by
 * tools/notebooks/library-surface.test.ts.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./index";
import { readResult, resultLine, runSnippet, visibleStdout } from "./test-support/run-snippet";

const loadedTensorFlowModules = `Object.keys(require.cache).filter((file) => file.includes("@tensorflow"))`;

describe("the public entry (lib/src/index.ts)", () => {
  test("importing it (twice, and the tools entry too) loads TensorFlow.js once and announces the backend in one line", async () => {
    const result = await runSnippet(`
      const first = require("./index");
      const second = require("./index");
      require("./tools-entry");
      ${resultLine("{ same: first === second && first.tf === second.tf, backend: first.tf.getBackend(), reported: first.backendInfo().backend, tfjsLoaded: " + loadedTensorFlowModules + ".length > 0 }")}
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readResult(result), { same: true, backend: "tensorflow", reported: "tensorflow", tfjsLoaded: true });
    const lines = visibleStdout(result);
    assert.equal(lines.length, 1, `uma linha de anúncio; veio:\n${lines.join("\n")}`);
    assert.match(lines[0] ?? "", /tensorflow/);
  });

  test("tf is the live TensorFlow.js on the backend backendInfo reports, and tidy leaks nothing", () => {
    const before = lib.tf.memory().numTensors;
    const sum = lib.tf.tidy(() => lib.tf.add(lib.tf.tensor1d([1, 2]), lib.tf.scalar(1)).arraySync());
    assert.deepEqual(sum, [2, 3]);
    assert.equal(lib.tf.memory().numTensors, before);
    assert.equal(lib.backendInfo().backend, lib.tf.getBackend());
  });
});

describe("the tools entry (lib/src/tools-entry.ts)", () => {
  test("loads no TensorFlow.js and announces nothing (the conformance suite loads the backend itself)", async () => {
    const result = await runSnippet(`
      const tools = require("./tools-entry");
      ${resultLine("{ tfjs: " + loadedTensorFlowModules + ", installers: [typeof tools.installNativeSpeedups, typeof tools.installSingleChannelConvolutionCorrection] }")}
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readResult(result), { tfjs: [], installers: ["function", "function"] });
    assert.deepEqual(visibleStdout(result), []);
  });
});
