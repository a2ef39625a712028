import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";
import { isUnanswered, notAnsweredYet, rightAnswer, showExerciseCheck, wrongAnswer } from "./exercise-check";

describe("exercise checks", () => {
  test("verdicts start with ✔ or ✘", () => {
    assert.deepEqual(rightAnswer("Isso."), { correct: true, message: "✔ Isso." });
    assert.deepEqual(wrongAnswer("Reveja o sinal."), { correct: false, message: "✘ Reveja o sinal." });
  });

  test("'not answered yet' names the answer, tells to replace undefined, and adds the hint when given", () => {
    assert.deepEqual(notAnsweredYet("a saída y"), {
      correct: false,
      message: "✘ Ainda não respondido (a saída y): troque o `undefined` da célula de resposta pela sua resposta e rode a célula de novo.",
    });
    assert.match(notAnsweredYet("a saída y", "use Math.tanh.").message, /rode a célula de novo\. Dica: use Math\.tanh\.$/);
  });

  test("only undefined is the unanswered placeholder", () => {
    assert.equal(isUnanswered(undefined), true);
    for (const answer of [null, NaN, "", 0, []]) assert.equal(isUnanswered(answer), false, String(answer));
  });

  test("in a notebook a verdict is one HTML output with a plain-text fallback, escaped", async () => {
    const sent = await withFakeTslabKernel(() => showExerciseCheck(wrongAnswer("x < 0 não vale")));
    assert.equal(sent.length, 1);
    const data = (sent[0] as (typeof sent)[number]).message.data as Record<string, string>;
    assert.match(data["text/html"] as string, /data-correct="false".*✘ x &lt; 0 não vale/s);
    assert.equal(data["text/plain"], "✘ x < 0 não vale");
  });
});
