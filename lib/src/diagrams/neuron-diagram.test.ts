import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { neuronDiagram } from "./neuron-diagram";
import { neuronOutput } from "../neuron/neuron-output";
import { InvalidNeuronInputError } from "../neuron/neuron-errors";
import { InvalidDiagramInputError } from "./diagram-errors";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

describe("neuronDiagram", () => {
  const neuron = { weights: [0.5, -0.25, 1.2], bias: 0.1, activation: "sigmoid" as const };

  test("draws one input per weight, the weights on the edges, the bias and the activation", () => {
    const diagram = neuronDiagram(neuron);
    const root = parseDiagramSvg(diagram.svg);
    const inputs = byClass(root, "entrada");
    assert.deepEqual(inputs.map((input) => numberAttribute(input, "data-peso")), neuron.weights);
    const texts = drawnTexts(root);
    for (const label of ["w₁ = 0,5", "w₂ = −0,25", "w₃ = 1,2", "b = 0,1", "sigmoide", "x₃", "y = f(z)"]) {
      assert.ok(texts.includes(label), `draws "${label}"`);
    }
    assert.equal(byClass(root, "ativacao")[0]?.getAttribute("data-ativacao"), "sigmoid");
    assert.equal(diagram.title, "Um neurônio artificial");
    assert.match(diagram.description, /3 entradas/);
  });

  test("with inputs, shows z and y as neuronOutput computes them", () => {
    const inputs = [1, 2, -0.5];
    const expected = neuronOutput(inputs, neuron);
    const root = parseDiagramSvg(neuronDiagram(neuron, inputs).svg);
    const values = root.getElementsByTagName("text");
    const drawn = Array.from(values).filter((node) => node.getAttribute("data-valor") !== null).map((node) => Number(node.getAttribute("data-valor")));
    assert.deepEqual(drawn, [expected.z, expected.y]);
    assert.ok(drawnTexts(root).includes("z = −0,5"));
    assert.ok(drawnTexts(root).includes(`y = ${String(Number(expected.y.toPrecision(4))).replace(".", ",")}`));
  });

  test("a neuron with many inputs draws the first ones, ⋮ and the last", () => {
    const weights = Array.from({ length: 12 }, (_, i) => i / 10);
    const root = parseDiagramSvg(neuronDiagram({ weights, bias: 0, activation: "relu" }).svg);
    const drawn = byClass(root, "entrada").map((input) => numberAttribute(input, "data-indice"));
    assert.deepEqual(drawn, [1, 2, 3, 4, 5, 6, 12]);
    assert.equal(byClass(root, "reticencias").length, 1);
  });

  test("bad input gets a Portuguese error that says what to pass", () => {
    assert.throws(() => neuronDiagram({ weights: [], bias: 0, activation: "relu" }), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /ao menos um peso/);
      assert.match(error.message, /Exemplo/);
      return true;
    });
    assert.throws(() => neuronDiagram(neuron, [1, 2]), InvalidNeuronInputError);
    assert.throws(() => neuronDiagram({ ...neuron, bias: Number.NaN }), InvalidNeuronInputError);
  });
});
