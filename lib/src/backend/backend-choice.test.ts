import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BACKEND_CHOICES, readBackendChoice } from "./backend-choice";
import { InvalidBackendChoiceError } from "./backend-errors";
import { isCourseError } from "../errors";

describe("readBackendChoice", () => {
  test("answers auto when REDES_NEURAIS_BACKEND is unset or blank", () => {
    assert.equal(readBackendChoice({}), "auto");
    assert.equal(readBackendChoice({ REDES_NEURAIS_BACKEND: "  " }), "auto");
  });

  test("accepts every documented value, ignoring case and spaces", () => {
    for (const choice of BACKEND_CHOICES) {
      assert.equal(readBackendChoice({ REDES_NEURAIS_BACKEND: ` ${choice.toUpperCase()} ` }), choice);
    }
  });

  test("rejects an unknown value with a message naming it and the valid ones", () => {
    assert.throws(
      () => readBackendChoice({ REDES_NEURAIS_BACKEND: "webgl" }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidBackendChoiceError);
        assert.ok(isCourseError(error));
        assert.equal(error.received, "webgl");
        assert.match(error.message, /"webgl"/);
        for (const choice of BACKEND_CHOICES) {
          assert.match(error.message, new RegExp(`"${choice}"`));
        }
        return true;
      },
    );
  });
});
