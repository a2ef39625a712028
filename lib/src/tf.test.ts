import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readResult, resultLine, runSnippet } from "./test-support/run-snippet";

/**
 * Makes Node fail to load tfjs-node's native binding the way a missing libtensorflow
 * does on a student's machine, before the library is required.
 */
const breakNativeBinding = `
  const Module = require("node:module");
  const loadNative = Module._extensions[".node"];
  Module._extensions[".node"] = (module, filename) => {
    if (filename.endsWith("tfjs_binding.node")) {
      throw new Error("libtensorflow.so.2: cannot open shared object file: No such file or directory");
    }
    return loadNative(module, filename);
  };
`;

describe("the tf namespace", { concurrency: true }, () => {
  test("is the native module, with its types' namespace usable at run time", async () => {
    const result = await runSnippet(`
      const tf = require("./tf");
      const product = tf.tidy(() => tf.tensor2d([[1, 2], [3, 4]]).matMul(tf.tensor2d([[1], [1]])).arraySync());
      ${resultLine("{ backend: tf.getBackend(), product, hasNode: typeof tf.node, isTensor: tf.tensor([1]) instanceof tf.Tensor }")}
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readResult(result), { backend: "tensorflow", product: [[3], [7]], hasNode: "object", isTensor: true });
  });

  test("falls back to cpu with a visible warning when the binding cannot load, and danfo still shares the engine", async () => {
    const result = await runSnippet(`
      ${breakNativeBinding}
      const tf = require("./tf");
      const { danfo } = require("./danfo");
      const dfd = danfo();
      const series = new dfd.Series([1, 2, 3]);
      const squares = tf.tidy(() => Array.from(series.tensor.square().dataSync()));
      const { fallbackReason, native } = require("./backend/tensorflow-runtime").backendInfo();
      ${resultLine(`{
        backend: tf.getBackend(), danfoBackend: dfd.tensorflow.getBackend(), hasNode: "node" in tf,
        squares, sameEngine: dfd.tensorflow.engine() === tf.engine(), native, fallbackReason,
      }`)}
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readResult(result), {
      backend: "cpu",
      danfoBackend: "cpu",
      hasNode: false, // the fallback is plain @tensorflow/tfjs
      squares: [1, 4, 9],
      sameEngine: true,
      native: false,
      fallbackReason: "libtensorflow.so.2: cannot open shared object file: No such file or directory",
    });
    assert.match(result.stderr, /cannot open shared object file/, "the warning says why");
    assert.match(result.stderr, /npm run setup/, "the warning says how to fix it");
  });

  test("refuses to start without the native backend when REDES_NEURAIS_BACKEND=tensorflow", async () => {
    const result = await runSnippet(`${breakNativeBinding} require("./tf");`, { REDES_NEURAIS_BACKEND: "tensorflow" });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /NativeBackendUnavailableError/);
    assert.match(result.stderr, /cannot open shared object file/);
  });
});
