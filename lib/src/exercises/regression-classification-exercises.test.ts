import { describe, test } from "node:test";
import { assertNotAnswered, assertRight, assertWrong, toleranceEdge } from "../test-support/exercise-verdicts";
import { checkGalaxyPrecisionRecall, checkOutputChoices } from "./regression-classification-exercises";

describe("notebook 08 exercise checkers", () => {
  test("output choices: accepts the usual spellings and names the wrong problem", () => {
    assertRight(
      checkOutputChoices({
        redshift: { activation: "linear", loss: "meanSquaredError" },
        estrelaGalaxia: { activation: "sigmoid", loss: "binaryCrossentropy" },
        morfologia: { activation: "softmax", loss: "categorical_crossentropy" },
      }),
    );
    const bad = checkOutputChoices({
      redshift: { activation: "linear", loss: "mae" },
      estrelaGalaxia: { activation: "softmax", loss: "binaryCrossentropy" },
      morfologia: { activation: "softmax", loss: "categoricalCrossentropy" },
    });
    assertWrong(bad, /estrelaGalaxia: reveja a ativação/);
    assertWrong(bad, /^(?!.*redshift:)/s);
  });

  test("output choices: undefined everywhere is not answered yet; a part left undefined is wrong", () => {
    const blank = { activation: undefined, loss: undefined };
    assertNotAnswered(checkOutputChoices({ redshift: blank, estrelaGalaxia: blank, morfologia: blank }));
    assertNotAnswered(checkOutputChoices({}));
    assertWrong(checkOutputChoices({ redshift: { activation: "linear", loss: "mse" }, estrelaGalaxia: blank, morfologia: blank }), /2 certos|1 de 3 certos/);
  });

  test("precision and recall of the galaxy class: 75/115 and 75/100", () => {
    assertRight(checkGalaxyPrecisionRecall({ precision: 75 / 115, recall: 0.75 }));
    assertRight(checkGalaxyPrecisionRecall({ precision: 0.652, recall: 0.75 }));
    assertWrong(checkGalaxyPrecisionRecall({ precision: 0.75, recall: 75 / 115 }), /coluna.*linha/);
  });

  test("precision and recall: not answered, half answered, and the tolerance edge", () => {
    assertNotAnswered(checkGalaxyPrecisionRecall({ precision: undefined, recall: undefined }));
    assertWrong(checkGalaxyPrecisionRecall({ precision: 75 / 115, recall: undefined }), /revocação/);
    assertRight(checkGalaxyPrecisionRecall({ precision: toleranceEdge(75 / 115).inside, recall: toleranceEdge(0.75).inside }));
    assertWrong(checkGalaxyPrecisionRecall({ precision: toleranceEdge(75 / 115).outside, recall: 0.75 }), /precisão/);
  });
});
