import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { convnetDiagram } from "./convnet-diagram";
import { InvalidDiagramInputError } from "./diagram-errors";
import { buildVgg16, VGG16_BLOCKS } from "../pretrained/vgg16";
import { buildConvnet } from "../convnet/build-convnet";
import { byClass, drawnTexts, numberAttribute, parseDiagramSvg } from "../test-support/parse-svg";

interface Row {
  name: string;
  shape: number[];
  parameters: number;
  layers: number;
}

function rowsOf(svg: string): Row[] {
  return byClass(parseDiagramSvg(svg), "linha").map((row) => ({
    name: row.getAttribute("data-nome") ?? "",
    shape: (row.getAttribute("data-forma") ?? "").split(",").map(Number),
    parameters: numberAttribute(row, "data-parametros"),
    layers: numberAttribute(row, "data-camadas"),
  }));
}

describe("convnetDiagram", () => {
  test("VGG16: one row per block with the shapes and parameter counts of the model", () => {
    const model = buildVgg16({ inputShape: [64, 64, 3] });
    const before = tf.memory().numTensors;
    const diagram = convnetDiagram(model);
    assert.equal(tf.memory().numTensors, before, "no tensor left behind");
    const rows = rowsOf(diagram.svg);
    assert.deepEqual(rows.map((row) => row.name), ["entrada", "block1", "block2", "block3", "block4", "block5"]);
    assert.deepEqual(rows[0]?.shape, [64, 64, 3]);
    let channels = 3;
    VGG16_BLOCKS.forEach(({ convolutions, filters }, index) => {
      const row = rows[index + 1] as Row;
      // Independent count: each 3×3 convolution has (3·3·c_in + 1)·filters parameters.
      let expected = 0;
      for (let c = 0; c < convolutions; c++) {
        expected += (9 * channels + 1) * filters;
        channels = filters;
      }
      const pool = model.getLayer(`block${index + 1}_pool`);
      assert.equal(row.parameters, expected, `block${index + 1} parameters`);
      assert.deepEqual(row.shape, pool.outputShape.slice(1), `block${index + 1} output shape`);
      assert.equal(row.layers, convolutions + 1);
      const fromSummary = model.layers.filter((layer) => layer.name.startsWith(`block${index + 1}_`)).reduce((sum, layer) => sum + layer.countParams(), 0);
      assert.equal(row.parameters, fromSummary);
    });
    const root = parseDiagramSvg(diagram.svg);
    assert.equal(numberAttribute(byClass(root, "total")[0]!, "data-parametros"), model.countParams());
    assert.ok(drawnTexts(root).includes("14.714.688 parâmetros"));
    assert.ok(drawnTexts(root).includes("2 × Conv2D + MaxPooling2D"));
    assert.ok(drawnTexts(root).includes("2×2×512"));
    model.dispose();
  });

  test("without grouping, one row per layer with layer.countParams() and layer.outputShape", () => {
    const model = buildConvnet({
      inputShape: [28, 28, 1],
      layers: [
        { type: "conv2d", filters: 8, kernelSize: 3 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "dense", units: 10, activation: "softmax" },
      ],
    });
    const rows = rowsOf(convnetDiagram(model, { groupBlocks: false }).svg).slice(1);
    assert.equal(rows.length, model.layers.length);
    rows.forEach((row, index) => {
      const layer = model.layers[index]!;
      assert.equal(row.name, layer.name);
      assert.equal(row.parameters, layer.countParams());
      assert.deepEqual(row.shape, (layer.outputShape as number[]).slice(1));
    });
    model.dispose();
  });

  test("the model's name is escaped (tfjs keeps layer names to letters, digits, . _ - /, but not model names)", () => {
    const model = tf.sequential({ name: 'm<&>"x"', layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    const diagram = convnetDiagram(model);
    const root = parseDiagramSvg(diagram.svg);
    assert.equal(root.getElementsByTagName("title")[0]?.textContent, 'Rede convolucional “m<&>"x"”');
    assert.ok(diagram.svg.includes("m&lt;&amp;&gt;&quot;x&quot;"));
    model.dispose();
  });

  test("something that is not a model is refused in Portuguese", () => {
    assert.throws(() => convnetDiagram([3, 4] as unknown as tf.LayersModel), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /esperava um modelo tf\.LayersModel/);
      assert.match(error.message, /chegou uma lista de 2 elementos/);
      return true;
    });
  });
});
