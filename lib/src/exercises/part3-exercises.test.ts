import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkGalaxyPrecisionRecall, checkOutputChoices } from "./regression-classification-exercises";
import { checkDropoutScale, checkEarlyStopping, earlyStoppingEpochs } from "./monitoring-exercises";
import { checkNormalization, checkTrivialAccuracy } from "./workflow-exercises";
import { checkAttentionWeights, checkAutoencoderParameters } from "./fauna-exercises";
import type { ExerciseCheck } from "./part3-check";

const isRight = (check: ExerciseCheck) => check.correct && check.message.startsWith("✔");
const isWrong = (check: ExerciseCheck) => !check.correct && check.message.startsWith("✘");
const unanswered = (check: ExerciseCheck) => isWrong(check) && /ainda não respondido/i.test(check.message);

describe("exercise checkers of notebooks 08–11", () => {
  test("every checker says 'not answered yet' for its placeholder, without throwing", () => {
    assert.ok(unanswered(checkOutputChoices({ redshift: { activation: "", loss: "" }, estrelaGalaxia: { activation: "", loss: "" }, morfologia: { activation: "", loss: "" } })));
    assert.ok(unanswered(checkGalaxyPrecisionRecall({ precision: NaN, recall: NaN })));
    assert.ok(unanswered(checkEarlyStopping({ bestEpoch: NaN, stopEpoch: NaN })));
    assert.ok(unanswered(checkDropoutScale(NaN)));
    assert.ok(unanswered(checkNormalization({ zscore: NaN, minmax: NaN })));
    assert.ok(unanswered(checkTrivialAccuracy(NaN)));
    assert.ok(unanswered(checkAttentionWeights([NaN, NaN])));
    assert.ok(unanswered(checkAutoencoderParameters(NaN)));
  });

  test("output choices: accepts the usual spellings and names the wrong problem", () => {
    const good = checkOutputChoices({
      redshift: { activation: "linear", loss: "meanSquaredError" },
      estrelaGalaxia: { activation: "sigmoid", loss: "binaryCrossentropy" },
      morfologia: { activation: "softmax", loss: "categorical_crossentropy" },
    });
    assert.ok(isRight(good), good.message);
    const bad = checkOutputChoices({
      redshift: { activation: "linear", loss: "mae" },
      estrelaGalaxia: { activation: "softmax", loss: "binaryCrossentropy" },
      morfologia: { activation: "softmax", loss: "categoricalCrossentropy" },
    });
    assert.ok(isWrong(bad) && /estrelaGalaxia: reveja a ativação/.test(bad.message) && !/redshift:/.test(bad.message), bad.message);
  });

  test("precision and recall of the galaxy class: 75/115 and 75/100", () => {
    assert.ok(isRight(checkGalaxyPrecisionRecall({ precision: 75 / 115, recall: 0.75 })));
    const swapped = checkGalaxyPrecisionRecall({ precision: 0.75, recall: 75 / 115 });
    assert.ok(isWrong(swapped) && /coluna/.test(swapped.message) && /linha/.test(swapped.message));
  });

  test("early stopping: the rule itself and the checker", () => {
    assert.deepEqual(earlyStoppingEpochs([1, 0.5, 0.6, 0.7], 2), { bestEpoch: 2, stopEpoch: 4 });
    assert.deepEqual(earlyStoppingEpochs([3, 2, 1], 2), { bestEpoch: 3, stopEpoch: 3 });
    assert.ok(isRight(checkEarlyStopping({ bestEpoch: 6, stopEpoch: 9 })));
    assert.ok(isWrong(checkEarlyStopping({ bestEpoch: 4, stopEpoch: 9 })));
  });

  test("dropout factor 1/(1 − 0,25), with a specific hint for 0,75", () => {
    assert.ok(isRight(checkDropoutScale(4 / 3)));
    assert.match(checkDropoutScale(0.75).message, /inverso/);
  });

  test("normalization of 1,6 with the training statistics: z = 2 and 0–1 = 1,5", () => {
    assert.ok(isRight(checkNormalization({ zscore: 2, minmax: 1.5 })));
    assert.match(checkNormalization({ zscore: 2, minmax: 1 }).message, /sem cortar/);
  });

  test("trivial accuracy 0,9 and a hint for percentages", () => {
    assert.ok(isRight(checkTrivialAccuracy(0.9)));
    assert.match(checkTrivialAccuracy(90).message, /fração/);
  });

  test("attention weights softmax([1/√2, 0]) and the missing-scale hint", () => {
    const e = Math.exp(Math.SQRT1_2);
    assert.ok(isRight(checkAttentionWeights([e / (e + 1), 1 / (e + 1)])));
    const unscaled = Math.E / (Math.E + 1);
    assert.match(checkAttentionWeights([unscaled, 1 - unscaled]).message, /√d_k/);
    assert.ok(isWrong(checkAttentionWeights([0.5, 0.5, 0])));
  });

  test("autoencoder parameters 256·8 + 8 + 8·256 + 256, with a hint for forgotten biases", () => {
    assert.ok(isRight(checkAutoencoderParameters(4360)));
    assert.match(checkAutoencoderParameters(4096).message, /vieses/);
  });
});
