import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { denseNetworkDiagram } from "./dense-network-diagram";
import { InvalidDiagramInputError } from "./diagram-errors";
import { countMlpParameters } from "../mlp/count-parameters";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

const layerNumbers = (svg: string, attribute: string): number[] =>
  byClass(parseDiagramSvg(svg), "camada").map((layer) => numberAttribute(layer, attribute));
const drawnUnits = (svg: string): number[] => byClass(parseDiagramSvg(svg), "camada").map((layer) => byClass(layer, "unidade").length);

describe("denseNetworkDiagram", () => {
  test("from layer sizes: one column per layer, every unit drawn, parameters per layer", () => {
    const diagram = denseNetworkDiagram([4, 8, 8, 1]);
    assert.deepEqual(layerNumbers(diagram.svg, "data-unidades"), [4, 8, 8, 1]);
    assert.deepEqual(drawnUnits(diagram.svg), [4, 8, 8, 1]);
    const parameters = layerNumbers(diagram.svg, "data-parametros");
    assert.deepEqual(parameters, [0, 5 * 8, 9 * 8, 9 * 1]);
    assert.equal(parameters.reduce((a, b) => a + b, 0), countMlpParameters([4, 8, 8, 1]));
    const edges = parseDiagramSvg(diagram.svg).getElementsByTagName("line").length;
    assert.equal(edges, 4 * 8 + 8 * 8 + 8 * 1, "every unit joined to every unit of the next layer");
  });

  test("from a model: units, activations and the parameter counts of model.summary()", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 16, activation: "relu", inputShape: [4] }),
        tf.layers.dropout({ rate: 0.2 }),
        tf.layers.dense({ units: 1, activation: "sigmoid" }),
      ],
    });
    const before = tf.memory().numTensors;
    const diagram = denseNetworkDiagram(model);
    assert.equal(tf.memory().numTensors, before, "no tensor left behind");
    assert.deepEqual(layerNumbers(diagram.svg, "data-unidades"), [4, 16, 1]);
    const dense = model.layers.filter((layer) => layer.getClassName() === "Dense");
    assert.deepEqual(layerNumbers(diagram.svg, "data-parametros"), [0, ...dense.map((layer) => layer.countParams())]);
    const texts = drawnTexts(parseDiagramSvg(diagram.svg));
    assert.ok(texts.includes("ReLU") && texts.includes("sigmoide"));
    assert.match(diagram.description, new RegExp(`${model.countParams()} parâmetros`));
    model.dispose();
  });

  test("wide layers are drawn with their first units, ⋮ and the last; the count stays exact", () => {
    const diagram = denseNetworkDiagram([784, 128, 10], { maximumUnitsDrawn: 10 });
    assert.deepEqual(drawnUnits(diagram.svg), [9, 9, 10]);
    assert.equal(byClass(parseDiagramSvg(diagram.svg), "reticencias").length, 2);
    assert.ok(drawnTexts(parseDiagramSvg(diagram.svg)).includes("100.480 parâmetros"));
  });

  test("a layer size that is not a positive integer is refused with what arrived and what to do", () => {
    assert.throws(() => denseNetworkDiagram([4, 0, 1]), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /camada 1 deve ser um inteiro positivo/);
      assert.match(error.message, /chegou 0/);
      assert.match(error.message, /\[4,0,1\]/);
      return true;
    });
    assert.throws(() => denseNetworkDiagram([4, 2.5]), /inteiro positivo/);
    assert.throws(() => denseNetworkDiagram([4]), /ao menos 2 tamanhos/);
    assert.throws(() => denseNetworkDiagram("4, 8" as unknown as number[]), /tf\.LayersModel/);
    assert.throws(() => denseNetworkDiagram([4, 8], { maximumUnitsDrawn: 2 }), /maximumUnitsDrawn/);
  });

  test("a model with convolutions is sent to convnetDiagram", () => {
    const model = tf.sequential({ layers: [tf.layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [8, 8, 1] }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] });
    assert.throws(() => denseNetworkDiagram(model), /convnetDiagram/);
    model.dispose();
  });
});
