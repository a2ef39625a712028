import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkNumberAnswer, numberAnswerProblem } from "./number-answer";

const texts = { what: "o valor de x", ok: "certo.", hint: "reveja a conta." };

describe("one-number answers", () => {
  test("undefined is not answered yet; other kinds are wrong and say what arrived", () => {
    assertNotAnswered(checkNumberAnswer(undefined, 2, texts));
    assertWrong(checkNumberAnswer(null, 2, texts), /esperava um número finito como resposta \(o valor de x\), mas chegou null/);
    assertWrong(checkNumberAnswer("2", 2, texts), /o texto "2"/);
    assertWrong(checkNumberAnswer(NaN, 2, texts), /chegou NaN/);
    assert.equal(numberAnswerProblem(2, "o valor de x"), undefined);
  });

  test("right within the tolerance, wrong with the hint outside it", () => {
    const { inside, outside } = toleranceEdge(2);
    assertRight(checkNumberAnswer(inside, 2, texts));
    assertWrong(checkNumberAnswer(outside, 2, texts), /não confere\. Dica: reveja a conta\./);
    assertWrong(checkNumberAnswer(2.001, 2, texts, 0));
  });
});
