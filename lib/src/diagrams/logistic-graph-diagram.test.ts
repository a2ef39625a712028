import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { logisticGraphDiagram } from "./logistic-graph-diagram";
import { logisticGraphValues } from "./logistic-graph";
import { formatValue } from "./diagram-text";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

describe("logisticGraphDiagram", () => {
  const input = { x: [0.42, 1.31, -0.2], t: 0, weights: [0.8, -0.5, 0.3], bias: 0.1 };

  test("each edge carries its forward value and its backward gradient", () => {
    const values = logisticGraphValues(input);
    const root = parseDiagramSvg(logisticGraphDiagram(input).svg);
    const edges = new Map(byClass(root, "aresta").map((edge) => [edge.getAttribute("data-nome"), edge]));
    assert.equal(edges.size, 3 * 3 + 3, "w, x and p for each attribute, then b, z and y");
    const expect = (name: string, forward: number, backward: number): void => {
      const edge = edges.get(name);
      assert.ok(edge, `edge ${name}`);
      assert.equal(numberAttribute(edge, "data-ida"), forward, `${name} forward`);
      assert.equal(numberAttribute(edge, "data-volta"), backward, `${name} backward`);
    };
    input.x.forEach((x, k) => {
      expect(`w${k + 1}`, input.weights[k]!, values.dLossDWeights[k]!);
      expect(`x${k + 1}`, x, values.dLossDx[k]!);
      expect(`p${k + 1}`, values.products[k]!, values.dLossDz);
    });
    expect("b", input.bias, values.dLossDBias);
    expect("z", values.z, values.dLossDz);
    expect("y", values.y, values.dLossDy);
    const texts = drawnTexts(root);
    assert.ok(texts.includes(`← ∂E/∂w₂ = ${formatValue(values.dLossDWeights[1]!)}`));
    assert.ok(texts.includes(`E = ${formatValue(values.loss)}`));
    assert.ok(texts.some((line) => line.startsWith("regra da cadeia: ∂E/∂z = ∂E/∂y · ∂y/∂z")));
  });

  test("more attributes than fit a slide are refused", () => {
    assert.throws(() => logisticGraphDiagram({ x: [1, 2, 3, 4, 5, 6, 7], t: 1, weights: [1, 1, 1, 1, 1, 1, 1], bias: 0 }), /cabem 6/);
  });
});
