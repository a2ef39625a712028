import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { BUMP_EXERCISE, checkBumpOutput, checkStepPosition, STEP_EXERCISE } from "./universality-exercises";

describe("notebook 04 exercise checkers", () => {
  test("checkStepPosition wants −b/w", () => {
    const s = -STEP_EXERCISE.bias / STEP_EXERCISE.weight;
    assertRight(checkStepPosition(s));
    assertWrong(checkStepPosition(-s), /Dica/);
    assertRight(checkStepPosition(toleranceEdge(s).inside));
    assertWrong(checkStepPosition(toleranceEdge(s).outside));
    assertNotAnswered(checkStepPosition(undefined));
  });

  test("checkBumpOutput wants bump height plus output bias inside the bump, reading the sigmoids as 0 or 1", () => {
    const { net } = BUMP_EXERCISE;
    const inside = (net.outputWeights[0] ?? 0) + net.outputBias;
    assertRight(checkBumpOutput(inside));
    assertWrong(checkBumpOutput(net.outputBias), /Dica/);
    assertRight(checkBumpOutput(toleranceEdge(inside).inside));
    assertWrong(checkBumpOutput(toleranceEdge(inside).outside));
    assertNotAnswered(checkBumpOutput(undefined));
  });
});
