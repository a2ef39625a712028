import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CPU_DEVIATIONS,
  LEFT_OUT_FOR_MISSING_FIXTURES,
  TENSORFLOW_DEVIATIONS,
  deviationsFor,
  leftOutReason,
  parseDeviations,
} from "./deviations.mjs";

describe("the lists of known deviations", () => {
  test("name each spec once, with a cause", () => {
    for (const list of [TENSORFLOW_DEVIATIONS, CPU_DEVIATIONS]) {
      assert.equal(new Set(list.map((d) => d.spec)).size, list.length);
      assert.ok(list.every((d) => d.cause.length > 20));
    }
    assert.equal(deviationsFor("tensorflow"), TENSORFLOW_DEVIATIONS);
    assert.equal(deviationsFor("cpu"), CPU_DEVIATIONS);
  });

  test("include the two deviations of TF 2.21 that the course meets (integer round, histograms of constants)", () => {
    const specs = TENSORFLOW_DEVIATIONS.map((d) => d.spec);
    assert.ok(specs.includes("round test-tensorflow {} int32"));
    assert.ok(specs.some((spec) => spec.startsWith("tensorboard SummaryFileWriter.histogram")));
  });

  test("have no convolution entries: the course corrects oneDNN's single-channel convolution gradients", () => {
    // lib/src/backend/corrections/single-channel-convolutions.ts, installed by run.mjs as in the course.
    assert.deepEqual(TENSORFLOW_DEVIATIONS.filter((d) => /conv/i.test(d.spec)).map((d) => d.spec), []);
  });

  test("leave out the specs that need upstream's fixture files, but keep those that need none", () => {
    assert.match(leftOutReason("decode images decode jpg") ?? "", /test_objects\/images/);
    assert.equal(leftOutReason("decode images decode png 4 channels"), undefined, "made by image-fixtures.mjs");
    assert.match(leftOutReason("SavedModel load TFSavedModel") ?? "", /test_objects\/saved_model/);
    assert.equal(leftOutReason("decode images throw error if decode invalid image type"), undefined);
    assert.equal(leftOutReason("SavedModel read non-exist file"), undefined);
    assert.equal(leftOutReason("encode images encodePng"), undefined);
    assert.equal(leftOutReason("abs test-tensorflow {} basic"), undefined);
    assert.ok(LEFT_OUT_FOR_MISSING_FIXTURES.every((entry) => entry.keep.every((name) => name.startsWith(entry.prefix))));
  });

  test("can be replaced by a JSON file, checked entry by entry", () => {
    const list = [{ spec: "round test-tensorflow {} int32", cause: "kernel", onSomeMachines: false }];
    assert.deepEqual(parseDeviations(JSON.stringify(list), "d.json"), list);
    assert.throws(() => parseDeviations(JSON.stringify([{ spec: "x" }]), "d.json"), /d\.json deve conter uma lista JSON/);
    assert.throws(() => parseDeviations("{}", "d.json"), /d\.json/);
  });
});
