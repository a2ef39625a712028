import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkSigmoidDerivative, checkSigmoidMidpoint, SIGMOID_MIDPOINT_EXERCISE } from "./activation-exercises";

describe("notebook 02 exercise checkers", () => {
  test("checkSigmoidDerivative accepts σ(1 − σ) and the e^(−z)/(1 + e^(−z))² form", () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    assert.equal(checkSigmoidDerivative((z: number) => s(z) * (1 - s(z))).correct, true);
    assert.equal(checkSigmoidDerivative((z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2).correct, true);
    assert.match(checkSigmoidDerivative((z: number) => s(z) * (1 - s(z))).message, /^✔/);
  });

  test("checkSigmoidDerivative rejects wrong functions, other types and the placeholder without throwing", () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const wrongOne = checkSigmoidDerivative((z: number) => s(z) * (1 + s(z)));
    assert.equal(wrongOne.correct, false);
    assert.match(wrongOne.message, /^✘ .*Dica/);
    assert.match(checkSigmoidDerivative(null).message, /^✘ Ainda não respondido/);
    assert.equal(checkSigmoidDerivative(0.25).correct, false);
    assert.match(checkSigmoidDerivative(() => { throw new Error("boom"); }).message, /lançou um erro/);
    assert.equal(checkSigmoidDerivative(() => NaN).correct, false);
  });

  test("checkSigmoidMidpoint wants the x where w0 + w1·x = 0", () => {
    const { w0, w1 } = SIGMOID_MIDPOINT_EXERCISE;
    assert.equal(checkSigmoidMidpoint(2).correct, w0 + w1 * 2 === 0);
    assert.equal(checkSigmoidMidpoint(-w0 / w1).correct, true);
    assert.equal(checkSigmoidMidpoint(w0 / w1).correct, false);
    assert.match(checkSigmoidMidpoint(null).message, /Ainda não respondido/);
    assert.equal(checkSigmoidMidpoint("2").correct, false);
  });
});
