import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatFallbackWarning } from "./backend-messages";
import { formatBackendAnnouncement, type BackendInfo } from "./backend-info";

const native: BackendInfo = {
  backend: "tensorflow",
  native: true,
  tfjsVersion: "4.22.0",
  tensorflowVersion: "2.21.0",
  requested: "auto",
  fallbackReason: null,
};

describe("backend messages", () => {
  test("the announcement names the versions and says the native backend runs", () => {
    assert.equal(formatBackendAnnouncement(native), 'TensorFlow.js 4.22.0 · backend "tensorflow" (TensorFlow 2.21.0 nativo)');
  });

  test("the announcement for a forced cpu says it is slow and that the user chose it", () => {
    const line = formatBackendAnnouncement({ ...native, backend: "cpu", native: false, requested: "cpu" });
    assert.match(line, /backend "cpu"/);
    assert.match(line, /lento/);
    assert.match(line, /REDES_NEURAIS_BACKEND=cpu/);
    assert.doesNotMatch(line, /\n/);
  });

  test("the announcement after a fallback says the binding did not load and how to fix it", () => {
    const line = formatBackendAnnouncement({
      ...native,
      backend: "cpu",
      native: false,
      tensorflowVersion: null,
      fallbackReason: "binding ausente",
    });
    assert.match(line, /não carregou/);
    assert.match(line, /npm run setup/);
  });

  test("the fallback warning quotes the reason and both fixing commands", () => {
    const warning = formatFallbackWarning("motivo X");
    assert.match(warning, /Motivo: motivo X/);
    assert.match(warning, /npm run setup/);
    assert.match(warning, /npm run doctor/);
    assert.match(warning, /REDES_NEURAIS_BACKEND=tensorflow/);
  });
});
