import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { activationFigure } from "./activation-figure";
import { weightSliderFigure } from "./weight-slider-figure";
import { activationValue } from "./activation-functions";
import { assertDrawableFigure } from "../plot/supported-traces";

type Trace = { x: number[]; y: number[]; visible?: boolean; name?: string };

describe("activation figures", () => {
  test("activationFigure draws f and f′ of the named activation", () => {
    const figure = activationFigure("tanh", { range: [-2, 2], points: 5 });
    assertDrawableFigure(figure);
    const [f, df] = figure.data as unknown as Trace[];
    assert.deepEqual(f?.x, [-2, -1, 0, 1, 2]);
    assert.equal(f?.y[2], 0);
    assert.equal(df?.y[2], 1); // tanh′(0) = 1
    assert.ok(Math.abs((f?.y[4] ?? 0) - Math.tanh(2)) < 1e-12);
    assert.match(String(figure.layout?.title && (figure.layout.title as { text: string }).text), /tangente/);
  });

  test("activationFigure refuses a bad range, too few points or an unknown name", () => {
    assert.throws(() => activationFigure("relu", { range: [1, -1] }), { name: "InvalidActivationInputError" });
    assert.throws(() => activationFigure("relu", { points: 1 }), { name: "InvalidActivationInputError" });
    assert.throws(() => activationFigure("gelu" as "relu"), { name: "UnknownActivationError" });
  });

  test("weightSliderFigure has one precomputed curve per value, a slider step that shows only it", () => {
    const values = [-2, 0, 2, 4];
    const figure = weightSliderFigure({ activation: "sigmoid", vary: "w1", values, fixed: 1 });
    assertDrawableFigure(figure);
    const traces = figure.data as unknown as Trace[];
    assert.equal(traces.length, values.length);
    assert.deepEqual(traces.map((t) => t.visible), [false, false, true, false]); // the middle one first
    const trace = traces[3]!; // w1 = 4, w0 = 1
    const i = trace.x.findIndex((x) => Math.abs(x - 0.75) < 1e-9);
    assert.ok(i >= 0);
    assert.ok(Math.abs((trace.y[i] ?? 0) - activationValue("sigmoid", 1 + 4 * 0.75)) < 1e-12);
    const slider = (figure.layout?.sliders ?? [])[0] as unknown as { steps: { args: [{ visible: boolean[] }] }[] };
    assert.equal(slider.steps.length, values.length);
    slider.steps.forEach((step, k) => assert.deepEqual(step.args[0].visible, values.map((_, j) => j === k)));
  });

  test("moving w0 shifts the curve: y(x) with w0 = a equals y(x + a/w1) with w0 = 0", () => {
    const figure = weightSliderFigure({ activation: "tanh", vary: "w0", values: [0, 2], fixed: 1, range: [-4, 4] });
    const [zero, two] = figure.data as unknown as Trace[];
    const at = (trace: Trace, x: number) => trace.y[trace.x.findIndex((v) => Math.abs(v - x) < 1e-9)] ?? NaN;
    assert.ok(Math.abs(at(two!, -1) - at(zero!, 1)) < 1e-12);
  });

  test("weightSliderFigure refuses no values, NaN values or another weight", () => {
    assert.throws(() => weightSliderFigure({ activation: "relu", vary: "w0", values: [] }), /lista não vazia/);
    assert.throws(() => weightSliderFigure({ activation: "relu", vary: "w0", values: [1, NaN] }), { name: "InvalidActivationInputError" });
    assert.throws(() => weightSliderFigure({ activation: "relu", vary: "w2" as "w0", values: [1] }), { name: "InvalidActivationInputError" });
  });
});
