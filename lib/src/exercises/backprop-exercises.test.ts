import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import {
  checkChainRuleGradient,
  checkHiddenLayerDelta,
  checkLogisticGradientFunction,
  checkWeightUpdate,
  type LogisticGradientFunction,
} from "./backprop-exercises";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
/** An independent plain-JS solution (sum over objects, then scale). */
const solution = (scale: number, dbToo = true): LogisticGradientFunction => (x, t, w, b) => {
  const dw = w.map(() => 0);
  let db = 0;
  x.forEach((row, n) => {
    const y = sigmoid(row.reduce((s, v, k) => s + v * w[k]!, b));
    row.forEach((v, k) => (dw[k]! += (-(t[n]! - y) * v * scale) / x.length));
    db += (-(t[n]! - y) * scale) / x.length;
  });
  return { dw, db: dbToo ? db : 0 };
};

describe("notebook 05 exercise checkers", () => {
  test("undefined is not answered yet", () => {
    for (const check of [checkChainRuleGradient(undefined), checkWeightUpdate(undefined), checkHiddenLayerDelta(undefined), checkLogisticGradientFunction(undefined)]) {
      assertNotAnswered(check);
    }
  });

  test("the tolerance edge of each numeric answer", () => {
    const chainRule = -(1 - sigmoid(0)) * 2;
    assertRight(checkChainRuleGradient(toleranceEdge(chainRule).inside));
    assertWrong(checkChainRuleGradient(toleranceEdge(chainRule).outside));
    const update = 0.5 * (1 - sigmoid(0)) * -1;
    assertRight(checkWeightUpdate(toleranceEdge(update).inside));
    assertWrong(checkWeightUpdate(toleranceEdge(update).outside));
    const delta = [0.05, -0.1];
    assertRight(checkHiddenLayerDelta(delta.map((v) => toleranceEdge(v).inside)));
    assertWrong(checkHiddenLayerDelta([toleranceEdge(0.05).inside, toleranceEdge(-0.1).outside]));
  });

  test("the gradient function, evaluated by the computer, allows 10⁻⁴ and no more", () => {
    const shifted = (by: number): LogisticGradientFunction => (x, t, w, b) => {
      const exact = solution(1)(x, t, w, b);
      return { dw: exact.dw.map((v) => v + by), db: exact.db + by };
    };
    assertRight(checkLogisticGradientFunction(shifted(0.9e-4)));
    assertWrong(checkLogisticGradientFunction(shifted(1.1e-4)));
  });

  test("the chain-rule value: right, wrong sign, missing factor", () => {
    // y = S(0) = 1/2; dE/dw1 = −(1 − 1/2)·2.
    assert.equal(checkChainRuleGradient(-(1 - sigmoid(0)) * 2).correct, true);
    assert.match(checkChainRuleGradient(1).message, /^✘ .*sinal/);
    assert.match(checkChainRuleGradient(-0.5).message, /dz\/dw₁ = x₁/);
    assertWrong(checkChainRuleGradient(Number.NaN), /esperava um número finito/);
  });

  test("the weight update: right, wrong direction, no α", () => {
    assert.equal(checkWeightUpdate(0.5 * (1 - sigmoid(0)) * -1).correct, true);
    assert.match(checkWeightUpdate(0.25).message, /CONTRA o gradiente/);
    assert.match(checkWeightUpdate(-0.5).message, /coeficiente de aprendizado/);
  });

  test("the hidden-layer delta: right, no derivative, wrong derivative", () => {
    const h = sigmoid(0);
    assert.equal(checkHiddenLayerDelta([0.2 * 1 * h * (1 - h), 0.2 * -2 * h * (1 - h)]).correct, true);
    assert.match(checkHiddenLayerDelta([0.2, -0.4]).message, /Faltou a derivada/);
    assert.match(checkHiddenLayerDelta([0.1, -0.2]).message, /h\(1 − h\), não h/);
    assert.match(checkHiddenLayerDelta([1] as number[]).message, /dois números/);
  });

  test("the gradient function: accepted when right, with hints for the usual mistakes", () => {
    assert.equal(checkLogisticGradientFunction(solution(1)).correct, true);
    assert.match(checkLogisticGradientFunction(solution(-1)).message, /sinal trocado/);
    assert.match(checkLogisticGradientFunction(solution(1, false)).message, /confira db/);
    assert.match(checkLogisticGradientFunction(() => { throw new Error("bug"); }).message, /lançou um erro: bug/);
    assert.match(checkLogisticGradientFunction(() => ({ dw: [0], db: 0 })).message, /um dw por atributo/);
    const summed: LogisticGradientFunction = (x, t, w, b) => {
      const mean = solution(1)(x, t, w, b);
      return { dw: mean.dw.map((v) => v * x.length), db: mean.db * x.length };
    };
    assert.match(checkLogisticGradientFunction(summed).message, /MÉDIA/);
  });
});
