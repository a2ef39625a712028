import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong } from "../test-support/exercise-verdicts";
import { checkParameterCount } from "./mlp-exercises";

describe("notebook 03 exercise checkers", () => {
  const sizes = [5, 16, 8, 3];
  const count = (5 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 3;

  test("checkParameterCount recognises the count, and weights without biases", () => {
    assertRight(checkParameterCount(sizes, count));
    assertWrong(checkParameterCount(sizes, 5 * 16 + 16 * 8 + 8 * 3), /faltaram os vieses/);
    assertWrong(checkParameterCount(sizes, 100), /Dica/);
  });

  test("a count is exact: one parameter off is wrong", () => {
    assertWrong(checkParameterCount(sizes, count + 1));
    assertWrong(checkParameterCount(sizes, count - 1));
  });

  test("undefined is not answered yet", () => {
    assertNotAnswered(checkParameterCount(sizes, undefined));
  });
});
