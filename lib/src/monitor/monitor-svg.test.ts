import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { monitorSvg } from "./monitor-svg";
import { TrainingHistory } from "./training-history";

function polylines(svg: string): string[][] {
  return [...svg.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((match) => (match[1] as string).split(" "));
}

describe("monitorSvg", () => {
  test("one curve per logged series, one point per epoch, validation dashed", () => {
    const history = new TrainingHistory();
    for (let epoch = 1; epoch <= 5; epoch++) history.record(epoch, { loss: 1 / epoch, val_loss: 1.2 / epoch, acc: epoch / 5 });
    const svg = monitorSvg(history, { title: "t", status: "s", lastPlannedEpoch: 10 });
    const curves = polylines(svg);
    assert.deepEqual(curves.map((points) => points.length), [5, 5, 5]);
    assert.equal((svg.match(/stroke-dasharray="6 4" points=/g) ?? []).length, 1, "only val_loss is dashed");
    assert.match(svg, /acurácia/);
  });

  test("the x axis spans the planned epochs: 5 of 10 epochs reach the middle of the panel", () => {
    const history = new TrainingHistory();
    for (let epoch = 1; epoch <= 5; epoch++) history.record(epoch, { loss: 1 });
    const [points] = polylines(monitorSvg(history, { title: "t", status: "s", lastPlannedEpoch: 9 }));
    const xs = (points ?? []).map((point) => Number(point.split(",")[0]));
    const first = xs[0] as number;
    const fifth = xs[4] as number;
    // Epoch 5 of 1..9 is halfway: the panel spans 1..9, so its width is 2 × (x5 − x1).
    assert.ok(fifth > first);
    assert.ok(Math.abs(first + 2 * (fifth - first) - (900 - 16)) < 1, `x1=${first}, x5=${fifth}`);
  });

  test("higher loss is drawn higher up (smaller y), also on a log axis, skipping values ≤ 0 there", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 10 });
    history.record(2, { loss: 0 });
    history.record(3, { loss: 0.1 });
    const [linear] = polylines(monitorSvg(history, { title: "t", status: "s" }));
    const ys = (linear ?? []).map((point) => Number(point.split(",")[1]));
    assert.ok((ys[0] as number) < (ys[2] as number));
    const [log] = polylines(monitorSvg(history, { title: "t", status: "s", lossAxis: "log" }));
    assert.equal(log?.length, 2, "the zero cannot be drawn on a log axis");
  });

  test("escapes the title and the status", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 1 });
    const svg = monitorSvg(history, { title: "<b>x</b>", status: "a & b" });
    assert.match(svg, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(svg, /a &amp; b/);
  });
});
