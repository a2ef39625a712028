import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { lstmCellDiagram, lstmParameterCount } from "./lstm-cell-diagram";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

describe("lstmCellDiagram", () => {
  test("draws the three gates, the candidate and the cell's operations", () => {
    const root = parseDiagramSvg(lstmCellDiagram().svg);
    assert.deepEqual(byClass(root, "porta").map((gate) => gate.getAttribute("data-porta")), ["f", "i", "o"]);
    assert.deepEqual(byClass(root, "candidato").map((gate) => gate.getAttribute("data-porta")), ["c̃"]);
    assert.deepEqual(byClass(root, "operacao").map((op) => op.getAttribute("data-operacao")), ["esquecer", "escrever", "somar", "mostrar"]);
    const texts = drawnTexts(root);
    for (const label of ["cₜ₋₁", "cₜ", "hₜ₋₁", "xₜ", "esquecimento", "candidato"]) assert.ok(texts.includes(label), label);
    assert.equal(byClass(root, "parametros").length, 0, "no sizes, no parameter count");
  });

  test("with sizes, the parameter count equals tf.layers.lstm's", () => {
    for (const [inputSize, units] of [
      [1, 16],
      [3, 8],
    ] as const) {
      const model = tf.sequential({ layers: [tf.layers.lstm({ units, inputShape: [10, inputSize] })] });
      assert.equal(lstmParameterCount(inputSize, units), model.countParams());
      const root = parseDiagramSvg(lstmCellDiagram({ inputSize, units }).svg);
      assert.equal(numberAttribute(byClass(root, "parametros")[0]!, "data-parametros"), model.countParams());
      const sizes = `xₜ: ${inputSize} ${inputSize === 1 ? "número" : "números"} · hₜ e cₜ: ${units} números cada`;
      assert.ok(drawnTexts(root).includes(sizes), `${sizes} (one number, "1 número", in the singular)`);
      model.dispose();
    }
  });

  test("a size that is not a positive integer is refused in Portuguese", () => {
    assert.throws(() => lstmCellDiagram({ units: 0 }), /units deve ser um inteiro positivo.*chegou 0/);
    assert.throws(() => lstmCellDiagram({ inputSize: 1.5 }), /inputSize/);
  });
});
