import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";
import { notAnsweredYet, rightAnswer, showExerciseCheck, wrongAnswer } from "./exercise-check";

describe("exercise checks", () => {
  test("verdicts start with ✔ or ✘", () => {
    assert.deepEqual(rightAnswer("Isso."), { correct: true, message: "✔ Isso." });
    assert.deepEqual(wrongAnswer("Reveja o sinal."), { correct: false, message: "✘ Reveja o sinal." });
    assert.equal(notAnsweredYet("Troque o undefined.").correct, false);
  });

  test("in a notebook a verdict is one HTML output with a plain-text fallback, escaped", async () => {
    const sent = await withFakeTslabKernel(() => showExerciseCheck(wrongAnswer("x < 0 não vale")));
    assert.equal(sent.length, 1);
    const data = (sent[0] as (typeof sent)[number]).message.data as Record<string, string>;
    assert.match(data["text/html"] as string, /data-correct="false".*✘ x &lt; 0 não vale/s);
    assert.equal(data["text/plain"], "✘ x < 0 não vale");
  });
});
