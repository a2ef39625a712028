import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { mlpForward } from "../mlp/mlp-forward";
import { assertDrawableFigure } from "../plot/supported-traces";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { towerNetworkAsDenseLayers, towerNetworkOutput, type Tower } from "./tower-network";
import { towerSliderFigure } from "./tower-slider-figure";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Nielsen's tower, written out: h·σ(k(σ(w(x−x₁)) − σ(w(x−x₂)) + σ(w(y−y₁)) − σ(w(y−y₂)) − 3/2)). */
function towerFormula(tower: Tower, x: number, y: number, w = 60, k = 20): number {
  const s = sigmoid(w * (x - tower.x[0])) - sigmoid(w * (x - tower.x[1])) + sigmoid(w * (y - tower.y[0])) - sigmoid(w * (y - tower.y[1]));
  return tower.height * sigmoid(k * (s - 1.5));
}

const towers: Tower[] = [
  { x: [0.2, 0.4], y: [0.3, 0.7], height: 1.5 },
  { x: [0.6, 0.9], y: [0.1, 0.4], height: -0.8 },
];

type Heatmap = { x: number[]; y: number[]; z: number[][]; visible: boolean };
type Step = { method: string; args: [{ visible: boolean[] }, { "title.text": string }] };

describe("towers: universality in two dimensions", () => {
  test("the output is the sum of the towers' formula; ≈ height inside a tower, ≈ 0 on its bands and outside", () => {
    for (const [x, y] of [[0.3, 0.5], [0.75, 0.25], [0.3, 0.9], [0.9, 0.5], [0.05, 0.05], [0.41, 0.5]] as const) {
      const expected = towers.reduce((sum, tower) => sum + towerFormula(tower, x, y), 0);
      assert.ok(Math.abs(towerNetworkOutput(towers, x, y) - expected) < 1e-12, `(${x}, ${y})`);
    }
    assert.ok(Math.abs(towerNetworkOutput(towers, 0.3, 0.5) - 1.5) < 0.02, "inside tower 0");
    assert.ok(Math.abs(towerNetworkOutput(towers, 0.75, 0.25) + 0.8) < 0.02, "inside tower 1 (negative height)");
    assert.ok(Math.abs(towerNetworkOutput(towers, 0.3, 0.9)) < 0.02, "on tower 0's band in x only");
    assert.ok(Math.abs(towerNetworkOutput(towers, 0.05, 0.05)) < 0.02, "outside");
  });

  test("as three dense layers (4 step neurons and 1 tower neuron per tower), tf computes the same output", async () => {
    const layers = towerNetworkAsDenseLayers(towers);
    assert.deepEqual(layers.map((layer) => [layer.kernel.length, layer.kernel[0]!.length]), [[2, 8], [8, 2], [2, 1]]);
    const points = [[0.3, 0.5], [0.75, 0.25], [0.3, 0.9], [0.5, 0.5], [0.21, 0.31]];
    await expectNoLeakedTensors(tf, () => {
      const out = tf.tidy(() => mlpForward(tf.tensor2d(points), layers).dataSync());
      points.forEach(([x, y], i) => assert.ok(Math.abs(out[i]! - towerNetworkOutput(towers, x!, y!)) < 1e-5, `(${x}, ${y})`));
    });
  });

  test("the slider over a tower's x position: one heatmap per value, equal to the formula with the tower moved", () => {
    const values = [0.2, 0.5, 0.8];
    const figure = towerSliderFigure({ towers, moving: 0, vary: "x", values, resolution: 21 });
    assertDrawableFigure(figure);
    const frames = figure.data as unknown as Heatmap[];
    assert.equal(frames.length, 3);
    assert.deepEqual(frames.map((frame) => frame.visible), [false, true, false]);
    frames.forEach((frame, index) => {
      const moved: Tower = { x: [values[index]! - 0.1, values[index]! + 0.1], y: [0.3, 0.7], height: 1.5 };
      for (const [i, j] of [[10, 4], [10, 10], [3, 15], [20, 0]] as const) {
        const [x, y] = [frame.x[j]!, frame.y[i]!];
        const expected = towerFormula(moved, x, y) + towerFormula(towers[1]!, x, y);
        assert.ok(Math.abs(frame.z[i]![j]! - expected) < 1e-9, `frame ${index} at (${x}, ${y})`);
      }
    });
    // The tower really moves: the peak of the moving tower follows the slider.
    const peakColumn = (frame: Heatmap) => frame.z[10]!.indexOf(Math.max(...frame.z[10]!));
    assert.deepEqual(frames.map((frame) => frame.x[peakColumn(frame)]!.toFixed(1)), ["0.2", "0.5", "0.8"]);
    const steps = ((figure.layout?.sliders ?? [])[0] as unknown as { steps: Step[] }).steps;
    steps.forEach((step, k) => assert.deepEqual(step.args[0].visible, values.map((_, j) => j === k)));
    assert.match(steps[2]!.args[1]["title.text"], /x ∈ \[0,7; 0,9\]/);
    assert.match(steps[2]!.args[1]["title.text"], /1ª torre \(moving = 0\)/);
  });

  test("the slider over the height scales the tower; all frames share one colour range", () => {
    const figure = towerSliderFigure({ towers: [towers[0]!], vary: "height", values: [0.5, 1, 2], resolution: 11 });
    const frames = figure.data as unknown as (Heatmap & { zmax: number; zmin: number })[];
    const centre = (frame: Heatmap) => frame.z[5]![3]!; // (0.3, 0.5), inside
    assert.deepEqual(frames.map((frame) => Math.round(10 * centre(frame)) / 10), [0.5, 1, 2]);
    assert.ok(frames.every((frame) => frame.zmax === frames[0]!.zmax && frame.zmin === 0));
  });

  test("bad towers, a missing tower index, no values or a bad steepness get a Portuguese error", () => {
    assert.throws(() => towerNetworkOutput([], 0, 0), { name: "InvalidApproximationError", message: /pelo menos uma torre/ });
    assert.throws(() => towerNetworkOutput([{ x: [0.5, 0.2], y: [0, 1], height: 1 }], 0, 0), { name: "InvalidApproximationError", message: /início < fim/ });
    assert.throws(() => towerNetworkOutput(towers, 0, 0, { step: -1 }), { name: "InvalidApproximationError", message: /número positivo/ });
    assert.throws(() => towerSliderFigure({ towers, moving: 2, vary: "x", values: [0.5] }), { name: "InvalidApproximationError", message: /índice de uma das 2 torres/ });
    assert.throws(() => towerSliderFigure({ towers, vary: "x", values: [] }), { name: "InvalidApproximationError", message: /lista não vazia/ });
    assert.throws(() => towerSliderFigure({ towers, vary: "z" as "x", values: [1] }), { name: "InvalidApproximationError", message: /"x", "y" ou "height"/ });
  });
});
