import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CourseError, describeThrown, isCourseError } from "./errors";

class ExampleError extends CourseError {
  override name = "ExampleError";
}

describe("CourseError", () => {
  test("keeps the message, the subclass name and the cause", () => {
    const cause = new Error("causa original");
    const error = new ExampleError("mensagem", { cause });
    assert.equal(error.message, "mensagem");
    assert.equal(error.name, "ExampleError");
    assert.equal(error.cause, cause);
    assert.ok(error instanceof CourseError);
    assert.ok(error instanceof Error);
  });

  test("isCourseError accepts course errors and rejects every other value", () => {
    assert.equal(isCourseError(new ExampleError("x")), true);
    assert.equal(isCourseError(new CourseError("x")), true);
    assert.equal(isCourseError(new Error("x")), false);
    assert.equal(isCourseError("CourseError"), false);
    assert.equal(isCourseError(null), false);
    assert.equal(isCourseError({ name: "CourseError", message: "x" }), false);
  });

  test("describeThrown quotes the message of an error and stringifies anything else", () => {
    assert.equal(describeThrown(new Error("  falhou  ")), "falhou");
    assert.equal(describeThrown(new TypeError("")), "TypeError");
    assert.equal(describeThrown(42), "42");
  });
});
