import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { mlpForward } from "../mlp/mlp-forward";
import { mlpFromWeights } from "../mlp/mlp-model";
import { approximationError, bumpApproximator } from "./bump-approximator";
import { evaluateOneHiddenLayer, oneHiddenLayerAsDenseLayers, stepPosition } from "./one-hidden-layer";

const target = (x: number) => 0.2 + 0.4 * x * x + 0.3 * x * Math.sin(15 * x) + 0.05 * Math.cos(50 * x);

describe("universality: the constructive approximator", () => {
  test("a sigmoid with a large weight is a step at s = −b/w", () => {
    const w = 1000;
    const s = stepPosition(w, -400);
    assert.equal(s, 0.4);
    const [before, at, after] = evaluateOneHiddenLayer(
      { hiddenWeights: [w], hiddenBiases: [-400], outputWeights: [1], outputBias: 0 }, [0.39, 0.4, 0.41]);
    assert.ok((before ?? 1) < 1e-4 && Math.abs((at ?? 0) - 0.5) < 1e-12 && (after ?? 0) > 1 - 1e-4);
    assert.throws(() => stepPosition(0, 1), { name: "InvalidApproximationError" });
  });

  test("has 2 hidden neurons per bump, stepping at the bump edges, heights f(middle)", () => {
    const net = bumpApproximator(target, 5, { interval: [-1, 1] });
    assert.equal(net.hiddenWeights.length, 10);
    assert.deepEqual(net.edges.map((e) => Number(e.toFixed(12))), [-1, -0.6, -0.2, 0.2, 0.6, 1]);
    const steps = net.hiddenWeights.map((w, j) => stepPosition(w, net.hiddenBiases[j] ?? 0));
    assert.ok(Math.abs((steps[2] ?? 0) - -0.6) < 1e-12 && Math.abs((steps[3] ?? 0) - -0.2) < 1e-12);
    assert.ok(Math.abs((net.heights[2] ?? 0) - target(0)) < 1e-12);
    // Inside a bump, far from its edges, the net equals the bump's height.
    const [inside] = evaluateOneHiddenLayer(net, [0]);
    assert.ok(Math.abs((inside ?? 0) - target(0)) < 1e-3);
  });

  test("the error falls as the number of bumps grows, below 1 % at 400 bumps", () => {
    const errors = [5, 20, 80, 400].map((n) => approximationError(target, bumpApproximator(target, n)).maxError);
    for (let i = 1; i < errors.length; i++) assert.ok((errors[i] ?? 1) < (errors[i - 1] ?? 0), `errors ${errors}`);
    assert.ok((errors[3] ?? 1) < 0.01, `errors ${errors}`);
  });

  test("is a real network: tf.layers and mlpForward with its weights agree with it", () => {
    const net = bumpApproximator(target, 10);
    const xs = [0.03, 0.31, 0.5, 0.77, 0.98];
    const byHand = evaluateOneHiddenLayer(net, xs);
    const layers = oneHiddenLayerAsDenseLayers(net);
    const model = mlpFromWeights(layers);
    const [byModel, byForward] = tf.tidy(() => {
      const x = tf.tensor2d(xs, [xs.length, 1]);
      return [Array.from((model.predict(x) as tf.Tensor).dataSync()), Array.from(mlpForward(x, layers).dataSync())];
    });
    model.dispose();
    byHand.forEach((y, i) => {
      assert.ok(Math.abs(y - (byModel[i] ?? NaN)) < 1e-4);
      assert.ok(Math.abs(y - (byForward[i] ?? NaN)) < 1e-4);
    });
  });

  test("refuses a bad number of bumps, interval, steepness or a non-finite f", () => {
    for (const n of [0, -3, 2.5, NaN]) assert.throws(() => bumpApproximator(target, n), { name: "InvalidApproximationError" });
    assert.throws(() => bumpApproximator(target, 3, { interval: [1, 0] }), { message: /a < b/ });
    assert.throws(() => bumpApproximator(target, 3, { steepness: -1 }), { message: /positivo/ });
    assert.throws(() => bumpApproximator((x) => 1 / (x - 0.5), 1), { message: /f\(0.5\)/ });
    assert.throws(() => approximationError(target, bumpApproximator(target, 2), { samples: 1 }), { message: /2 pontos/ });
    assert.throws(() => evaluateOneHiddenLayer({ hiddenWeights: [], hiddenBiases: [], outputWeights: [], outputBias: 0 }, [0]), {
      name: "InvalidApproximationError",
    });
    assert.throws(() => evaluateOneHiddenLayer(bumpApproximator(target, 2), [NaN]), { message: /NaN/ });
  });
});
