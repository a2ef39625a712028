import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readResult, runSnippet, visibleStdout } from "../test-support/run-snippet";
import { resultLine } from "../test-support/run-snippet";
import type { BackendInfo } from "./backend-info";

const announcementPattern = /^TensorFlow\.js \S+ · backend "/;

// The backend is chosen once per process: every case runs in its own child process.
describe("the process-wide TensorFlow.js", { concurrency: true }, () => {
  test("runs on the native tensorflow backend by default and announces it once", async () => {
    const result = await runSnippet(`
      const tf = require("./tf");
      const { backendInfo } = require("./backend/tensorflow-runtime");
      const { danfo } = require("./danfo");
      danfo();
      ${resultLine(`{ info: backendInfo(), backend: tf.getBackend(), binding: tf.backend().binding.TF_Version }`)}
    `);
    const { info, backend, binding } = readResult<{ info: BackendInfo; backend: string; binding: string }>(result);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(backend, "tensorflow");
    assert.equal(info.backend, "tensorflow");
    assert.equal(info.native, true);
    assert.equal(info.requested, "auto");
    assert.equal(info.fallbackReason, null);
    assert.equal(info.tensorflowVersion, binding);
    const announcements = visibleStdout(result).filter((line) => announcementPattern.test(line));
    assert.deepEqual(announcements, [`TensorFlow.js ${info.tfjsVersion} · backend "tensorflow" (TensorFlow ${binding} nativo)`]);
  });

  test("prints nothing on stdout when REDES_NEURAIS_QUIET=1", async () => {
    const result = await runSnippet(`require("./tf"); require("./backend/tensorflow-runtime").backendInfo();`, {
      REDES_NEURAIS_QUIET: "1",
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
  });

  test("reports cpu right after import when REDES_NEURAIS_BACKEND=cpu, and computes on it", async () => {
    const result = await runSnippet(
      `
      const tf = require("./tf");
      const backendRightAfterImport = tf.getBackend();
      const squares = tf.tidy(() => Array.from(tf.tensor([1, 2, 3]).square().dataSync()));
      const info = require("./backend/tensorflow-runtime").backendInfo();
      ${resultLine("{ backendRightAfterImport, squares, info, numTensors: tf.memory().numTensors }")}
    `,
      { REDES_NEURAIS_BACKEND: "cpu" },
    );
    const out = readResult<{ backendRightAfterImport: string; squares: number[]; info: BackendInfo; numTensors: number }>(result);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(out.backendRightAfterImport, "cpu");
    assert.deepEqual(out.squares, [1, 4, 9]);
    assert.equal(out.numTensors, 0, "tf.tidy must free the tensors");
    assert.equal(out.info.backend, "cpu");
    assert.equal(out.info.native, false);
    assert.equal(out.info.requested, "cpu");
    assert.match(visibleStdout(result).join("\n"), /backend "cpu" \(JavaScript puro.*REDES_NEURAIS_BACKEND=cpu/);
    assert.doesNotMatch(result.stderr, /Hi, looks like you are running TensorFlow\.js/);
  });

  test("fails at import with a message naming the invalid value and the valid ones", async () => {
    const result = await runSnippet(
      `
      try { require("./tf"); ${resultLine("null")} }
      catch (error) { ${resultLine("{ name: error.name, message: error.message }")} }
    `,
      { REDES_NEURAIS_BACKEND: "gpu" },
    );
    const error = readResult<{ name: string; message: string } | null>(result);
    assert.ok(error !== null, "importing tf must throw");
    assert.equal(error.name, "InvalidBackendChoiceError");
    assert.match(error.message, /"gpu"/);
    assert.match(error.message, /"auto".*"tensorflow".*"cpu"/s);
    assert.equal(visibleStdout(result).length, 0, "nothing is announced when loading fails");
  });
  // The fallback with a really broken binding is tested end to end in ../tf.test.ts.
});
