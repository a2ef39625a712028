import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConformanceArgs } from "./args.mjs";

describe("npm run conformance arguments", () => {
  test("default to the native backend and no filter", () => {
    assert.deepEqual(parseConformanceArgs([]), { backend: "tensorflow", withSpeedups: false, filter: undefined, deviationsFile: undefined });
  });

  test("accept --backend cpu and --filter, with a space or an equals sign", () => {
    const parsed = parseConformanceArgs(["--backend", "cpu", "--filter=^round |conv2d"]);
    assert.equal(parsed.backend, "cpu");
    assert.equal(parsed.filter?.test("round cpu {} int32"), true);
    assert.equal(parsed.filter?.test("xround"), false);
    assert.equal(parseConformanceArgs(["--backend=tensorflow"]).backend, "tensorflow");
    assert.equal(parseConformanceArgs(["--deviations", "desvios/d.json"]).deviationsFile, "desvios/d.json");
  });

  test("--com-aceleracoes: a flag without value, native backend only", () => {
    const parsed = parseConformanceArgs(["--com-aceleracoes", "--filter", "relu"]);
    assert.equal(parsed.withSpeedups, true);
    assert.equal(parsed.filter?.test("relu test-tensorflow {} gradient"), true);
    assert.throws(() => parseConformanceArgs(["--com-aceleracoes=1"]), /não recebe valor/);
    assert.throws(() => parseConformanceArgs(["--backend", "cpu", "--com-aceleracoes"]), /só para o backend nativo/);
  });

  test("refuse unknown backends, missing values and unknown flags, in Portuguese", () => {
    assert.throws(() => parseConformanceArgs(["--backend", "wasm"]), /espera "tensorflow" ou "cpu", recebeu "wasm"/);
    assert.throws(() => parseConformanceArgs(["--backend"]), /recebeu nada/);
    assert.throws(() => parseConformanceArgs(["--filter"]), /--filter espera/);
    assert.throws(() => parseConformanceArgs(["--deviations="]), /--deviations espera/);
    assert.throws(() => parseConformanceArgs(["--grep", "x"]), /argumento desconhecido "--grep"/);
  });
});
