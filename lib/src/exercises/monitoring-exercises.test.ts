import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkDropoutScale, checkEarlyStopping, earlyStoppingEpochs } from "./monitoring-exercises";

describe("notebook 09 exercise checkers", () => {
  test("early stopping: the rule itself", () => {
    assert.deepEqual(earlyStoppingEpochs([1, 0.5, 0.6, 0.7], 2), { bestEpoch: 2, stopEpoch: 4 });
    assert.deepEqual(earlyStoppingEpochs([3, 2, 1], 2), { bestEpoch: 3, stopEpoch: 3 });
  });

  test("early stopping: right, wrong by one epoch (epochs are exact), not answered", () => {
    assertRight(checkEarlyStopping({ bestEpoch: 6, stopEpoch: 9 }));
    assertWrong(checkEarlyStopping({ bestEpoch: 4, stopEpoch: 9 }), /MENOR perda/);
    assertWrong(checkEarlyStopping({ bestEpoch: 6, stopEpoch: 10 }), /épocas seguidas/);
    assertWrong(checkEarlyStopping({ bestEpoch: 6, stopEpoch: undefined }));
    assertNotAnswered(checkEarlyStopping({ bestEpoch: undefined, stopEpoch: undefined }));
  });

  test("dropout factor 1/(1 − 0,25), with a specific hint for 0,75, and the tolerance edge", () => {
    assertRight(checkDropoutScale(4 / 3));
    assertRight(checkDropoutScale(1.33));
    assertWrong(checkDropoutScale(0.75), /inverso/);
    assertRight(checkDropoutScale(toleranceEdge(4 / 3).inside));
    assertWrong(checkDropoutScale(toleranceEdge(4 / 3).outside), /dica/);
    assertNotAnswered(checkDropoutScale(undefined));
  });
});
