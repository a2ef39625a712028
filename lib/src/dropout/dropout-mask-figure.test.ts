import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { setRandomSeed } from "../random/set-random-seed";
import { assertDrawableFigure } from "../plot/supported-traces";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { dropoutMaskFigure, dropoutMasks } from "./dropout-mask-figure";

type Heatmap = { z: number[][]; visible: boolean };
type Step = { args: [{ visible: boolean[] }, { "title.text": string }] };

describe("dropout masks from one training step to the next", () => {
  test("the masks are tf.layers.dropout's in training mode under setRandomSeed: 0 or 1/(1 − rate)", () => {
    const masks = dropoutMasks({ rate: 0.25, steps: 4, grid: [8, 8], seed: 7 });
    // The same draws, made here by hand: a fresh layer without seed, setRandomSeed(7), four calls.
    const random = Math.random;
    setRandomSeed(7);
    const layer = tf.layers.dropout({ rate: 0.25 });
    const expected = [0, 1, 2, 3].map(() => tf.tidy(() => Array.from((layer.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync())));
    Math.random = random;
    assert.deepEqual(masks.map((mask) => mask.flat()), expected);
    assert.deepEqual([...new Set(masks.flat(2))].sort(), [0, 1 / 0.75].map((v) => Math.fround(v)));
  });

  test("a new mask at every step, about 1 − rate of the units kept, the same masks for the same seed", () => {
    const masks = dropoutMasks({ rate: 0.5, steps: 10, seed: 1 });
    const keys = masks.map((mask) => mask.flat().map((v) => (v === 0 ? 0 : 1)).join(""));
    assert.equal(new Set(keys).size, 10, "ten different masks");
    const kept = masks.flat(2).filter((v) => v !== 0).length / (10 * 256);
    assert.ok(Math.abs(kept - 0.5) < 0.03, `fração mantida ${kept}, esperava ≈ 0,5`);
    const rare = dropoutMasks({ rate: 0.1, steps: 10, seed: 2 }).flat(2).filter((v) => v !== 0).length / 2560;
    assert.ok(Math.abs(rare - 0.9) < 0.02, `fração mantida ${rare}, esperava ≈ 0,9`);
    assert.deepEqual(dropoutMasks({ rate: 0.5, steps: 10, seed: 1 }), masks, "same seed, same masks");
    assert.notDeepEqual(dropoutMasks({ rate: 0.5, steps: 10, seed: 2 }), masks, "another seed, other masks");
  });

  test("the caller's Math.random is given back and no tensor is left behind", async () => {
    const before = Math.random;
    await expectNoLeakedTensors(tf, () => dropoutMaskFigure({ rate: 0.5, steps: 3 }));
    assert.equal(Math.random, before);
  });

  test("the figure: one heatmap per step, the slider shows only that step's and says how many were kept", () => {
    const figure = dropoutMaskFigure({ rate: 0.5, steps: 5, grid: [10, 10], seed: 3 });
    assertDrawableFigure(figure);
    const masks = dropoutMasks({ rate: 0.5, steps: 5, grid: [10, 10], seed: 3 });
    const frames = figure.data as unknown as Heatmap[];
    assert.deepEqual(frames.map((frame) => frame.z), masks);
    assert.deepEqual(frames.map((frame) => frame.visible), [true, false, false, false, false]);
    const steps = ((figure.layout?.sliders ?? [])[0] as unknown as { steps: Step[] }).steps;
    steps.forEach((step, k) => {
      assert.deepEqual(step.args[0].visible, masks.map((_, j) => j === k));
      const kept = masks[k]!.flat().filter((v) => v !== 0).length;
      assert.match(step.args[1]["title.text"], new RegExp(`passo ${k + 1}: ${kept} de 100 neurônios mantidos`));
    });
  });

  test("a rate outside [0, 1), bad steps, grid or seed get a Portuguese error", () => {
    assert.throws(() => dropoutMasks({ rate: 1 }), { name: "InvalidDropoutRequestError", message: /\[0, 1\)/ });
    assert.throws(() => dropoutMasks({ rate: -0.1 }), { name: "InvalidDropoutRequestError" });
    assert.throws(() => dropoutMasks({ rate: 0.5, steps: 0 }), { name: "InvalidDropoutRequestError", message: /passos/ });
    assert.throws(() => dropoutMasks({ rate: 0.5, grid: [0, 4] }), { name: "InvalidDropoutRequestError", message: /grid/ });
    assert.throws(() => dropoutMasks({ rate: 0.5, seed: 1.5 }), { name: "InvalidDropoutRequestError", message: /semente/ });
  });
});
