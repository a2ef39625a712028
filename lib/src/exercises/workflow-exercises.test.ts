import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkNormalization, checkTrivialAccuracy } from "./workflow-exercises";

describe("notebook 10 exercise checkers", () => {
  test("normalization of 1,6 with the training statistics: z = 2 and 0–1 = 1,5", () => {
    assertRight(checkNormalization({ zscore: 2, minmax: 1.5 }));
    assertWrong(checkNormalization({ zscore: 2, minmax: 1 }), /sem cortar/);
    assertWrong(checkNormalization({ zscore: undefined, minmax: 1.5 }), /z-score/);
    assertNotAnswered(checkNormalization({ zscore: undefined, minmax: undefined }));
  });

  test("normalization: the tolerance edge", () => {
    assertRight(checkNormalization({ zscore: toleranceEdge(2).inside, minmax: toleranceEdge(1.5).inside }));
    assertWrong(checkNormalization({ zscore: toleranceEdge(2).outside, minmax: 1.5 }), /z-score/);
  });

  test("trivial accuracy 0,9, a hint for percentages, and the tolerance edge", () => {
    assertRight(checkTrivialAccuracy(0.9));
    assertWrong(checkTrivialAccuracy(90), /fração/);
    assertRight(checkTrivialAccuracy(toleranceEdge(0.9).inside));
    assertWrong(checkTrivialAccuracy(toleranceEdge(0.9).outside), /dica/);
    assertNotAnswered(checkTrivialAccuracy(undefined));
  });
});
