import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkSigmoidDerivative, checkSigmoidMidpoint, SIGMOID_MIDPOINT_EXERCISE } from "./activation-exercises";

const s = (z: number) => 1 / (1 + Math.exp(-z));

describe("notebook 02 exercise checkers", () => {
  test("checkSigmoidDerivative accepts σ(1 − σ) and the e^(−z)/(1 + e^(−z))² form", () => {
    assertRight(checkSigmoidDerivative((z: number) => s(z) * (1 - s(z))));
    assertRight(checkSigmoidDerivative((z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2));
  });

  test("checkSigmoidDerivative rejects wrong functions and other types without throwing", () => {
    assertWrong(checkSigmoidDerivative((z: number) => s(z) * (1 + s(z))), /Dica/);
    assertWrong(checkSigmoidDerivative(0.25), /esperava uma função/);
    assertWrong(checkSigmoidDerivative(() => { throw new Error("boom"); }), /lançou um erro em z = 0: boom/);
    assertWrong(checkSigmoidDerivative(() => NaN), /não um número finito/);
  });

  test("checkSigmoidDerivative, a function the computer evaluates, allows 10⁻⁶ and no more", () => {
    assertRight(checkSigmoidDerivative((z: number) => s(z) * (1 - s(z)) + 0.99e-6));
    assertWrong(checkSigmoidDerivative((z: number) => s(z) * (1 - s(z)) + 1.01e-6));
  });

  test("checkSigmoidMidpoint wants the x where w0 + w1·x = 0", () => {
    const { w0, w1 } = SIGMOID_MIDPOINT_EXERCISE;
    const x = -w0 / w1;
    assertRight(checkSigmoidMidpoint(x));
    assertWrong(checkSigmoidMidpoint(w0 / w1), /Dica/);
    assertWrong(checkSigmoidMidpoint("2"), /o texto "2"/);
    assertRight(checkSigmoidMidpoint(toleranceEdge(x).inside));
    assertWrong(checkSigmoidMidpoint(toleranceEdge(x).outside));
  });

  test("undefined is not answered yet", () => {
    assertNotAnswered(checkSigmoidDerivative(undefined));
    assertNotAnswered(checkSigmoidMidpoint(undefined));
  });
});
