import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { attentionDiagram } from "./attention-diagram";
import { causalMask, scaledDotProductAttention } from "../attention/scaled-dot-product-attention";
import { InvalidAttentionInputError } from "../attention/attention-errors";
import { InvalidDiagramInputError } from "./diagram-errors";
import { byClass, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

describe("attentionDiagram", () => {
  test("the grid holds the weights scaledDotProductAttention computes; masked keys are grey", () => {
    const q = tf.randomNormal([5, 4], 0, 1, "float32", 1);
    const k = tf.randomNormal([5, 4], 0, 1, "float32", 2);
    const v = tf.randomNormal([5, 3], 0, 1, "float32", 3);
    const mask = causalMask(5);
    const before = tf.memory().numTensors;
    const diagram = attentionDiagram({ queries: q, keys: k, values: v, mask });
    assert.equal(tf.memory().numTensors, before, "no tensor left behind");
    const root = parseDiagramSvg(diagram.svg);
    const cells = byClass(root, "peso");
    assert.equal(cells.length, 25);
    const expected = scaledDotProductAttention(q, k, v, mask);
    const weights = expected.weights.arraySync() as number[][];
    for (const cell of cells) {
      const i = numberAttribute(cell, "data-consulta");
      const j = numberAttribute(cell, "data-chave");
      assert.ok(Math.abs(numberAttribute(cell, "data-peso") - weights[i]![j]!) < 1e-7);
      assert.equal((cell.getAttribute("class") ?? "").includes("mascarado"), j > i, `cell ${i},${j} masked only above the diagonal`);
    }
    for (let i = 0; i < 5; i++) {
      const row = cells.filter((cell) => numberAttribute(cell, "data-consulta") === i).reduce((sum, cell) => sum + numberAttribute(cell, "data-peso"), 0);
      assert.ok(Math.abs(row - 1) < 1e-5, `row ${i} sums to 1`);
    }
    assert.deepEqual(byClass(root, "tensor").map((t) => t.getAttribute("data-forma")), ["5,4", "5,4", "5,3", "5,3"]);
    assert.match(diagram.description, /com máscara/);
    tf.dispose([q, k, v, mask, expected.output, expected.weights]);
  });

  test("without a mask no cell is grey, and the scale shows √d_k", () => {
    const q = tf.ones([2, 9]);
    const v = tf.ones([3, 2]);
    const k = tf.ones([3, 9]);
    const root = parseDiagramSvg(attentionDiagram({ queries: q, keys: k, values: v }).svg);
    assert.equal(byClass(root, "mascarado").length, 0);
    assert.equal(byClass(root, "peso").length, 6);
    assert.ok(Array.from(root.getElementsByTagName("text")).some((node) => node.textContent === "÷ √d_k = √9 = 3"));
    tf.dispose([q, k, v]);
  });

  test("tensors that cannot be drawn are refused in Portuguese", () => {
    const batch = tf.ones([2, 3, 4]);
    assert.throws(() => attentionDiagram({ queries: batch, keys: batch, values: batch }), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /posto 2/);
      assert.match(error.message, /\[2, 3, 4\]/);
      return true;
    });
    const long = tf.ones([13, 2]);
    assert.throws(() => attentionDiagram({ queries: long, keys: long, values: long }), /até 12/);
    const q = tf.ones([2, 3]);
    const k = tf.ones([2, 4]);
    const before = tf.memory().numTensors;
    assert.throws(() => attentionDiagram({ queries: q, keys: k, values: k }), InvalidAttentionInputError);
    assert.equal(tf.memory().numTensors, before);
    tf.dispose([batch, long, q, k]);
  });
});
