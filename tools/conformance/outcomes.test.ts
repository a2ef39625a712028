import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Deviation } from "./deviations.mjs";
import { formatSummary, summarize, type SpecResult } from "./outcomes.mjs";

const deviations: Deviation[] = [
  { spec: "round test-tensorflow {} int32", cause: "integer Round kernel" },
  { spec: "conv2dTranspose test-tensorflow {} 1 channel", cause: "oneDNN", onSomeMachines: true },
];

function results(...entries: [string, SpecResult["status"], string?][]): SpecResult[] {
  return entries.map(([fullName, status, message]) => ({ fullName, status, message: message ?? "" }));
}

describe("summarize (the conformance verdict)", () => {
  test("counts executed as passed + failed + pending, and keeps excluded apart", () => {
    const summary = summarize(
      results(["a", "passed"], ["b", "passed"], ["round test-tensorflow {} int32", "failed"], ["c", "pending"], ["d", "excluded"], ["e", "excluded"]),
      deviations,
    );
    assert.deepEqual(
      [summary.executed, summary.passed, summary.failed, summary.pending, summary.excluded],
      [4, 2, 1, 1, 2],
    );
  });

  test("accepts failures of listed deviations, and only those", () => {
    const ok = summarize(results(["a", "passed"], ["round test-tensorflow {} int32", "failed", "Arrays differ"]), deviations);
    assert.equal(ok.ok, true);
    assert.deepEqual(ok.confirmedDeviations, ["round test-tensorflow {} int32"]);
    const bad = summarize(results(["round test-tensorflow {} int32", "failed"], ["abs test-tensorflow {} basic", "failed", "boom"]), deviations);
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.unexpectedFailures, [{ fullName: "abs test-tensorflow {} basic", status: "failed", message: "boom" }]);
  });

  test("matches deviations by the exact full name, not by substring", () => {
    const summary = summarize(results(["round test-tensorflow {} int32 and more", "failed"]), deviations);
    assert.equal(summary.ok, false);
    assert.equal(summary.unexpectedFailures.length, 1);
  });

  test("fails when a listed deviation passes, unless it depends on the machine", () => {
    const stale = summarize(results(["round test-tensorflow {} int32", "passed"]), deviations);
    assert.equal(stale.ok, false);
    assert.deepEqual(stale.deviationsNowPassing, ["round test-tensorflow {} int32"]);
    const machine = summarize(results(["conv2dTranspose test-tensorflow {} 1 channel", "passed"]), deviations);
    assert.equal(machine.ok, true);
    assert.deepEqual(machine.machineDeviationsPassing, ["conv2dTranspose test-tensorflow {} 1 channel"]);
  });

  test("reports deviations that did not run, without failing", () => {
    const summary = summarize(results(["round test-tensorflow {} int32", "excluded"]), deviations);
    assert.equal(summary.ok, true);
    assert.deepEqual(summary.deviationsNotRun, ["round test-tensorflow {} int32", "conv2dTranspose test-tensorflow {} 1 channel"]);
  });

  test("fails on errors outside specs even when every spec passed", () => {
    const summary = summarize(results(["a", "passed"]), deviations, ["afterAll: boom"]);
    assert.equal(summary.ok, false);
  });

  test("the printed report gives the counts and tells to remove a stale deviation", () => {
    const text = formatSummary(summarize(results(["a", "passed"], ["round test-tensorflow {} int32", "passed"]), deviations), {
      backend: "tensorflow",
      seconds: 12.34,
      filtered: false,
    });
    assert.match(text, /2 executados, 2 passaram, 0 falharam, 0 pendentes \(0 fora da execução\) em 12\.3 s/);
    assert.match(text, /remova-o de tools\/conformance\/deviations\.mjs: round test-tensorflow \{\} int32/);
    assert.match(text, /✗ conformidade: falhou$/);
  });
});
