import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { autoencoderDiagram } from "./autoencoder-diagram";
import { InvalidDiagramInputError } from "./diagram-errors";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

describe("autoencoderDiagram", () => {
  test("from sizes: one bar per layer and the narrowest one marked as the bottleneck", () => {
    const diagram = autoencoderDiagram([784, 128, 32, 128, 784]);
    const root = parseDiagramSvg(diagram.svg);
    const layers = byClass(root, "camada");
    assert.deepEqual(layers.map((layer) => numberAttribute(layer, "data-unidades")), [784, 128, 32, 128, 784]);
    assert.deepEqual(layers.map((layer) => numberAttribute(layer, "data-parametros")), [0, 785 * 128, 129 * 32, 33 * 128, 129 * 784]);
    const bottleneck = byClass(root, "gargalo");
    assert.equal(bottleneck.length, 1);
    assert.equal(numberAttribute(bottleneck[0]!, "data-unidades"), 32);
    assert.ok(drawnTexts(root).includes("gargalo: 32"));
    assert.match(diagram.description, /código de 32/);
  });

  test("from a model: the sizes and parameter counts of its Dense layers, reshapes skipped", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [28, 28, 1] }),
        tf.layers.dense({ units: 64, activation: "relu" }),
        tf.layers.dense({ units: 8, activation: "relu" }),
        tf.layers.dense({ units: 64, activation: "relu" }),
        tf.layers.dense({ units: 784, activation: "sigmoid" }),
        tf.layers.reshape({ targetShape: [28, 28, 1] }),
      ],
    });
    const before = tf.memory().numTensors;
    const root = parseDiagramSvg(autoencoderDiagram(model).svg);
    assert.equal(tf.memory().numTensors, before);
    const layers = byClass(root, "camada");
    assert.deepEqual(layers.map((layer) => numberAttribute(layer, "data-unidades")), [784, 64, 8, 64, 784]);
    const dense = model.layers.filter((layer) => layer.getClassName() === "Dense").map((layer) => layer.countParams());
    assert.deepEqual(layers.slice(1).map((layer) => numberAttribute(layer, "data-parametros")), dense);
    assert.ok(drawnTexts(root).includes("28×28×1"), "the output keeps the reshaped shape");
    model.dispose();
  });

  test("from an encoder and a decoder nested in one tf.sequential (notebook 11): every layer of both, not one bar per sub-model", () => {
    const encoder = tf.sequential({
      layers: [tf.layers.dense({ units: 64, activation: "relu", inputShape: [256] }), tf.layers.dense({ units: 2 })],
    });
    const decoder = tf.sequential({
      layers: [tf.layers.dense({ units: 64, activation: "relu", inputShape: [2] }), tf.layers.dense({ units: 256, activation: "sigmoid" })],
    });
    const model = tf.sequential({ layers: [encoder, decoder] });
    const root = parseDiagramSvg(autoencoderDiagram(model).svg);
    const layers = byClass(root, "camada");
    assert.deepEqual(layers.map((layer) => numberAttribute(layer, "data-unidades")), [256, 64, 2, 64, 256]);
    assert.deepEqual(
      layers.slice(1).map((layer) => numberAttribute(layer, "data-parametros")),
      [...encoder.layers, ...decoder.layers].map((layer) => layer.countParams()),
    );
    assert.equal(numberAttribute(byClass(root, "gargalo")[0]!, "data-unidades"), 2);
    model.dispose();
  });

  test("a network without a narrow middle, or with a bad size, is refused in Portuguese", () => {
    assert.throws(() => autoencoderDiagram([32, 128, 784]), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /a camada mais estreita é a entrada/);
      return true;
    });
    assert.throws(() => autoencoderDiagram([784, -3, 784]), /camada 1 deve ser um inteiro positivo.*chegou -3/);
    assert.throws(() => autoencoderDiagram([784, 32]), /ao menos 3/);
  });
});
