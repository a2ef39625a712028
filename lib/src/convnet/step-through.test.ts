import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { seededRandom } from "../random/seeded-random";
import { assertDrawableFigure } from "../plot/supported-traces";
import { expectNoLeakedTensors } from "../test-support/tensors";
import type { Figure } from "../plot/figure";
import { convolutionStepThroughFigure } from "./convolution-step-through";
import { maxPoolingStepThroughFigure } from "./max-pooling-step-through";

type Shape = { xref: string; x0: number; x1: number; y0: number; y1: number };
type SliderStep = {
  method: string;
  args: [{ z: [number[][], (number | null)[][]]; text: [string[][], string[][]] }, { shapes: Shape[]; "title.text": string }, number[]];
};

function sliderSteps(figure: Figure): SliderStep[] {
  const slider = (figure.layout?.sliders ?? [])[0] as unknown as { steps: SliderStep[] };
  return slider.steps;
}

function integerImage(rows: number, cols: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => random.integer(10) - 3));
}

/** tf's answer for a [rows, cols] image as a [1, rows, cols, 1] batch, back to rows. */
function tfMap(image: number[][], op: (x: tf.Tensor4D) => tf.Tensor4D): number[][] {
  return tf.tidy(() => {
    const out = op(tf.tensor4d(image.flat(), [1, image.length, image[0]!.length, 1]));
    return (out.squeeze([0, 3]).arraySync() as number[][]);
  });
}

/** The window at the red rectangle drawn on the image (xref "x"), read back from the shape. */
function windowCorner(step: SliderStep): [number, number] {
  const rect = step.args[1].shapes.find((shape) => shape.xref === "x")!;
  return [rect.y0 + 0.5, rect.x0 + 0.5];
}

describe("convolution step-through", () => {
  const image = integerImage(7, 7, 3);
  const filter = [[1, 0, -1], [2, 0, -2], [1, 0, -1]];

  test("each slider step shows the window's nine products and the output map so far, equal to tf.conv2d's", () => {
    const figure = convolutionStepThroughFigure(image, filter);
    assertDrawableFigure(figure);
    const expected = tfMap(image, (x) => tf.conv2d(x, tf.tensor4d(filter.flat(), [3, 3, 1, 1]), 1, "valid"));
    assert.equal(expected.length, 5);
    const steps = sliderSteps(figure);
    assert.equal(steps.length, 25, "one step per position of a 3×3 filter on a 7×7 image");
    steps.forEach((step, k) => {
      assert.equal(step.method, "update");
      assert.deepEqual(step.args[2], [1, 2], "the step changes the products and the output map");
      const [outRow, outCol] = [Math.floor(k / 5), k % 5];
      const [row, col] = windowCorner(step);
      assert.deepEqual([row, col], [outRow, outCol], "the rectangle is on the window of this step");
      const [products, output] = step.args[0].z;
      const expectedProducts = [0, 1, 2].map((i) => [0, 1, 2].map((j) => image[row + i]![col + j]! * filter[i]![j]!));
      assert.deepEqual(products, expectedProducts);
      output.forEach((line, r) =>
        line.forEach((value, c) => {
          const done = r * 5 + c <= k;
          if (done) assert.ok(value !== null && Math.abs(value - expected[r]![c]!) < 1e-4, `saída (${r}, ${c}) no passo ${k}`);
          else assert.equal(value, null, `(${r}, ${c}) ainda não calculada no passo ${k}`);
        }),
      );
    });
    // The initial drawing is the first step.
    const first = steps[0]!.args[0].z;
    assert.deepEqual((figure.data[1] as { z: unknown }).z, first[0]);
    assert.deepEqual((figure.data[2] as { z: unknown }).z, first[1]);
  });

  test("with stride 2 the filter jumps two pixels and the output is 3×3, as tf.conv2d with strides 2", () => {
    const figure = convolutionStepThroughFigure(image, filter, { stride: 2 });
    const expected = tfMap(image, (x) => tf.conv2d(x, tf.tensor4d(filter.flat(), [3, 3, 1, 1]), 2, "valid"));
    const steps = sliderSteps(figure);
    assert.equal(steps.length, 9);
    assert.deepEqual(windowCorner(steps[4]!), [2, 2]);
    const last = steps[8]!.args[0].z[1] as number[][];
    last.forEach((line, r) => line.forEach((value, c) => assert.ok(Math.abs(value - expected[r]![c]!) < 1e-4)));
  });

  test("a malformed image or filter, a filter larger than the image or a bad stride get a Portuguese error", () => {
    assert.throws(() => convolutionStepThroughFigure([], filter), { name: "InvalidStepThroughError", message: /lista não vazia de linhas/ });
    assert.throws(() => convolutionStepThroughFigure([[1, 2], [3]], [[1]]), { name: "InvalidStepThroughError", message: /linha 1 de A imagem tem 1 colunas/ });
    assert.throws(() => convolutionStepThroughFigure([[1, NaN]], [[1]]), { name: "InvalidStepThroughError", message: /número finito/ });
    assert.throws(() => convolutionStepThroughFigure([[1, 2], [3, 4]], filter), { name: "InvalidStepThroughError", message: /maior que a imagem/ });
    assert.throws(() => convolutionStepThroughFigure(image, filter, { stride: 0 }), { name: "InvalidStepThroughError", message: /stride/ });
  });

  test("leaves no tensor behind", async () => {
    await expectNoLeakedTensors(tf, () => convolutionStepThroughFigure(image, filter));
  });
});

describe("max-pooling step-through", () => {
  const image = integerImage(6, 6, 8);

  test("each slider step shows the window's values with the maximum outlined and the output so far, equal to tf.maxPool's", () => {
    const figure = maxPoolingStepThroughFigure(image);
    assertDrawableFigure(figure);
    const expected = tfMap(image, (x) => tf.maxPool(x, 2, 2, "valid"));
    const steps = sliderSteps(figure);
    assert.equal(steps.length, 9, "2×2 windows side by side on 6×6: 3×3 positions");
    steps.forEach((step, k) => {
      const [outRow, outCol] = [Math.floor(k / 3), k % 3];
      const [row, col] = windowCorner(step);
      assert.deepEqual([row, col], [2 * outRow, 2 * outCol]);
      const [values, output] = step.args[0].z;
      assert.deepEqual(values, [image[row]!.slice(col, col + 2), image[row + 1]!.slice(col, col + 2)]);
      const mark = step.args[1].shapes.find((shape) => shape.xref === "x2")!;
      assert.equal(values[mark.y0 + 0.5]![mark.x0 + 0.5], expected[outRow]![outCol], "the outlined cell holds the maximum");
      output.forEach((line, r) =>
        line.forEach((value, c) => assert.equal(value, r * 3 + c <= k ? expected[r]![c] : null)),
      );
    });
  });

  test("a 3×3 window with stride 1 matches tf.maxPool(3, 1)", () => {
    const figure = maxPoolingStepThroughFigure(image, { poolSize: 3, stride: 1 });
    const expected = tfMap(image, (x) => tf.maxPool(x, 3, 1, "valid"));
    const steps = sliderSteps(figure);
    assert.equal(steps.length, 16);
    assert.deepEqual(steps[15]!.args[0].z[1], expected);
  });

  test("a window larger than the image or a bad pool size gets a Portuguese error", () => {
    assert.throws(() => maxPoolingStepThroughFigure([[1]], { poolSize: 2 }), { name: "InvalidStepThroughError", message: /maior que a imagem/ });
    assert.throws(() => maxPoolingStepThroughFigure(image, { poolSize: 1.5 }), { name: "InvalidStepThroughError", message: /poolSize/ });
  });
});
