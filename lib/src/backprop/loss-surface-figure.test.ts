import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { seededRandom } from "../random/seeded-random";
import { assertDrawableFigure } from "../plot/supported-traces";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { readStarGalaxyCatalogue } from "../photometry/read-catalogue";
import { colourFeatures } from "../photometry/colour-features";
import { fitScaler } from "../data-preparation/scaler";
import { pickRows } from "../data-preparation/pick-rows";
import { splitIndices } from "../data-preparation/split-indices";
import type { Figure } from "../plot/figure";
import { lossSurfaceFigure } from "./loss-surface-figure";

type Contour = { x: number[]; y: number[]; z: number[][] };
type Path = { x: number[]; y: number[]; name: string };
type Step = { method: string; args: [{ x: number[][]; y: number[][] }, { "title.text": string }, number[]] };

/** The mean cross-entropy written out in plain numbers (y clipped to [1e-7, 1 − 1e-7] as the course's). */
function meanCrossEntropy(x: number[][], t: number[], w1: number, w2: number, b: number): number {
  const sum = x.reduce((acc, [x1, x2], k) => {
    const y = Math.min(Math.max(1 / (1 + Math.exp(-(w1 * x1! + w2 * x2! + b))), 1e-7), 1 - 1e-7);
    return acc + t[k]! * Math.log(y) + (1 - t[k]!) * Math.log(1 - y);
  }, 0);
  return -sum / x.length;
}

/** Gradient descent on (w₁, w₂) with b fixed, plain numbers: w ← w + α·mean((t − y)·x). */
function plainDescent(x: number[][], t: number[], alpha: number, start: [number, number], b: number, steps: number): [number, number][] {
  const path: [number, number][] = [start];
  let [w1, w2] = start;
  for (let s = 0; s < steps; s++) {
    let [g1, g2] = [0, 0];
    x.forEach(([x1, x2], k) => {
      const error = t[k]! - 1 / (1 + Math.exp(-(w1 * x1! + w2 * x2! + b)));
      g1 += error * x1!;
      g2 += error * x2!;
    });
    [w1, w2] = [w1 + (alpha * g1) / x.length, w2 + (alpha * g2) / x.length];
    path.push([w1, w2]);
  }
  return path;
}

function parts(figure: Figure) {
  const [contour, ...paths] = figure.data as unknown as [Contour, ...Path[]];
  const steps = ((figure.layout?.sliders ?? [])[0] as unknown as { steps: Step[] }).steps;
  return { contour, paths, steps };
}

/** Two overlapping classes in two attributes (not separable: the loss has a finite minimum). */
function twoClasses(n: number, seed: number): { x: number[][]; t: number[] } {
  const random = seededRandom(seed);
  const t = Array.from({ length: n }, (_, k) => k % 2);
  const x = t.map((label) => [random.normal(label ? 0.8 : -0.8, 1), random.normal(label ? -0.4 : 0.4, 1)]);
  return { x, t };
}

describe("loss surface of logistic regression with gradient-descent paths", () => {
  const { x, t } = twoClasses(200, 4);

  test("the contours are the mean cross-entropy at every (w₁, w₂) of the grid, with b fixed", () => {
    const figure = lossSurfaceFigure(x, t, { learningRates: [1], steps: 3, bias: 0.3, range: [-2, 2], resolution: 9 });
    assertDrawableFigure(figure);
    const { contour } = parts(figure);
    assert.deepEqual(contour.x, [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    contour.y.forEach((w2, i) =>
      contour.x.forEach((w1, j) => assert.ok(Math.abs(contour.z[i]![j]! - meanCrossEntropy(x, t, w1, w2, 0.3)) < 1e-5, `(${w1}, ${w2})`)),
    );
  });

  test("each α's path is plain gradient descent on w, and the slider's step k shows the first k steps", () => {
    const alphas = [0.5, 5, 40];
    const figure = lossSurfaceFigure(x, t, { learningRates: alphas, steps: 12, start: [2, 2], resolution: 5 });
    const { paths, steps } = parts(figure);
    assert.deepEqual(paths.map((path) => path.name), ["α = 0,5", "α = 5", "α = 40"]);
    paths.forEach((path, p) => {
      const expected = plainDescent(x, t, alphas[p]!, [2, 2], 0, 12);
      expected.forEach(([w1, w2], k) => {
        assert.ok(Math.abs(path.x[k]! - w1) < 1e-3 * (1 + Math.abs(w1)) && Math.abs(path.y[k]! - w2) < 1e-3 * (1 + Math.abs(w2)), `α = ${alphas[p]}, passo ${k}`);
      });
    });
    assert.equal(steps.length, 13, "steps 0 to 12");
    steps.forEach((step, k) => {
      assert.equal(step.method, "update");
      assert.deepEqual(step.args[2], [1, 2, 3], "the step redraws the three paths, not the contours");
      paths.forEach((path, p) => {
        assert.deepEqual(step.args[0].x[p], path.x.slice(0, k + 1));
        assert.deepEqual(step.args[0].y[p], path.y.slice(0, k + 1));
      });
      assert.match(step.args[1]["title.text"], new RegExp(`passo ${k}<br>E = `));
    });
  });

  test("on the course's catalogue (u−g and g−r standardised): α = 0,1 crawls, α = 10 converges, α = 100 diverges", () => {
    const catalogue = readStarGalaxyCatalogue();
    const train = pickRows(catalogue, splitIndices(catalogue.length, { validation: 0.2, test: 0.2, seed: 42 }).train);
    const colours = colourFeatures(train, ["u-g", "g-r"]);
    const xs = fitScaler(colours.x, "zscore").transform(colours.x);
    const figure = lossSurfaceFigure(xs, colours.labels, { learningRates: [0.1, 10, 100], steps: 40, resolution: 41 });
    const { contour, paths } = parts(figure);
    const lowest = Math.min(...contour.z.flat());
    const loss = (path: Path, k: number) => meanCrossEntropy(xs, colours.labels, path.x[k]!, path.y[k]!, 0);
    const [slow, good, wild] = paths as [Path, Path, Path];
    assert.ok(loss(slow, 40) > 2 * lowest, `α = 0,1 ainda longe do mínimo: E = ${loss(slow, 40)}, mínimo da grade ${lowest}`);
    assert.ok(Math.abs(loss(good, 40) - lowest) < 0.005, `α = 10 chega ao fundo do vale: E = ${loss(good, 40)}, mínimo da grade ${lowest}`);
    const moved = Math.hypot(good.x[40]! - good.x[39]!, good.y[40]! - good.y[39]!);
    assert.ok(moved < 0.01, `α = 10 parou: o último passo mede ${moved}`);
    assert.ok(loss(wild, 40) > loss(wild, 0), `α = 100 sobe: E de ${loss(wild, 0)} para ${loss(wild, 40)}`);
    assert.ok(Math.hypot(wild.x[40]!, wild.y[40]!) > 10, "α = 100 sai do quadro");
  });

  test("leaves no tensor behind", async () => {
    await expectNoLeakedTensors(tf, () => lossSurfaceFigure(x, t, { learningRates: [1, 10], steps: 5, resolution: 5 }));
  });

  test("x without two attributes, α ≤ 0, bad steps or targets get a Portuguese error and leave no tensor behind", async () => {
    await expectNoLeakedTensors(tf, () => {
      assert.throws(() => lossSurfaceFigure(x.map((row) => [...row, 1]), t, { learningRates: [1] }), { name: "TrainingInputError", message: /2 atributos/ });
      assert.throws(() => lossSurfaceFigure(x, t, { learningRates: [0] }), { name: "TrainingInputError", message: /α deve ser um número positivo/ });
      assert.throws(() => lossSurfaceFigure(x, t, { learningRates: [] }), { name: "TrainingInputError", message: /lista não vazia/ });
      assert.throws(() => lossSurfaceFigure(x, t, { learningRates: [1], steps: 0 }), { name: "TrainingInputError", message: /passos/ });
      assert.throws(() => lossSurfaceFigure(x, t.map(() => 2), { learningRates: [1] }), { name: "TrainingInputError", message: /entre 0 e 1/ });
    });
  });
});
