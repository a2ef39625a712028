import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isFastMode, pickForMode } from "./fast-mode";

describe("fast mode", () => {
  test("is on only when REDES_NEURAIS_FAST is 1 or true", () => {
    assert.equal(isFastMode({ REDES_NEURAIS_FAST: "1" }), true);
    assert.equal(isFastMode({ REDES_NEURAIS_FAST: " TRUE " }), true);
    assert.equal(isFastMode({ REDES_NEURAIS_FAST: "0" }), false);
    assert.equal(isFastMode({ REDES_NEURAIS_FAST: "" }), false);
    assert.equal(isFastMode({}), false);
  });

  test("pickForMode returns the fast value in fast mode and the full value otherwise", () => {
    assert.equal(pickForMode(50, 2, { REDES_NEURAIS_FAST: "1" }), 2);
    assert.equal(pickForMode(50, 2, {}), 50);
  });

  test("pickForMode reads process.env when no environment is given", () => {
    const saved = process.env["REDES_NEURAIS_FAST"];
    try {
      process.env["REDES_NEURAIS_FAST"] = "1";
      assert.equal(pickForMode("full", "fast"), "fast");
      delete process.env["REDES_NEURAIS_FAST"];
      assert.equal(pickForMode("full", "fast"), "full");
    } finally {
      if (saved === undefined) delete process.env["REDES_NEURAIS_FAST"];
      else process.env["REDES_NEURAIS_FAST"] = saved;
    }
  });
});
