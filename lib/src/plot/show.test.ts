import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { show } from "./show";
import { PLOTLY_MIME_TYPE } from "./jupyter-figure-sink";
import { createNodeplotlibSink } from "./nodeplotlib-sink";
import { UnsupportedTraceTypeError } from "./plot-errors";
import type { Figure } from "./figure";
import type { MimeBundle } from "../jupyter/mime-bundle";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";

const figure: Figure = {
  data: [{ type: "scatter", mode: "lines", x: [0, 1, 2], y: [0, 1, 4], name: "y = x²" }],
  layout: { title: { text: "Parábola" } },
  config: { displaylogo: false },
};
const bundleMarker = "plotly.js (cartesian - minified)";

describe("show", () => {
  test("outside Jupyter sends the figure to the script sink (nodeplotlib by default)", () => {
    const toScript: Figure[] = [];
    const toJupyter: Figure[] = [];
    show(figure, { scriptSink: (f) => toScript.push(f), jupyterSink: (f) => toJupyter.push(f) });
    assert.deepEqual(toScript, [figure]);
    assert.deepEqual(toJupyter, []);
  });

  test("inside a tslab kernel sends one output with Plotly JSON, HTML and plain text", async () => {
    const sent = await withFakeTslabKernel(() => show(figure, { scriptSink: () => assert.fail("not the script sink") }));
    assert.equal(sent.length, 1);
    const data: MimeBundle = sent[0]?.message.data ?? {};
    assert.deepEqual(Object.keys(data).sort(), [PLOTLY_MIME_TYPE, "text/html", "text/plain"].sort());
    assert.deepEqual(data[PLOTLY_MIME_TYPE], { data: figure.data, layout: figure.layout, config: figure.config });
    const html = data["text/html"];
    assert.equal(typeof html, "string");
    assert.ok(!(html as string).includes(bundleMarker), "the output does not carry plotly.js (the page loads it)");
    assert.match(html as string, /<div id="redes-neurais-figura-[^"]+" class="redes-neurais-figura"><\/div>/);
    assert.doesNotMatch(html as string, /\bsrc\s*=\s*["']?(https?:)?\/\//i);
    assert.match(data["text/plain"] as string, /Figura Plotly "Parábola": 1 traço \(scatter\)/);
    assert.equal(sent[0]?.update, false);
  });

  test("every output is alike and small: none carries plotly.js, the first included", async () => {
    const sent = await withFakeTslabKernel(() => {
      show(figure);
      show(figure);
      show(figure);
    });
    const sizes = sent.map((s) => (s.message.data["text/html"] as string).length);
    assert.equal(sizes.length, 3);
    for (const size of sizes) assert.ok(size < 10_000, `an output of ${size} characters`);
  });

  test("rejects an unsupported trace type before reaching any sink", async () => {
    const bad = { data: [{ type: "scatter3d", x: [1], y: [1], z: [1] }] } as Figure;
    const reached: string[] = [];
    const sinks = { scriptSink: () => reached.push("script"), jupyterSink: () => reached.push("jupyter") };
    assert.throws(() => show(bad, sinks), UnsupportedTraceTypeError);
    const sent = await withFakeTslabKernel(() => assert.throws(() => show(bad), UnsupportedTraceTypeError));
    assert.deepEqual(reached, []);
    assert.deepEqual(sent, []);
  });

  test("the nodeplotlib sink calls plot(data, layout, config) with plain arrays", () => {
    const calls: unknown[][] = [];
    const sink = createNodeplotlibSink(() => (...args: unknown[]) => calls.push(args));
    sink({ data: [{ type: "bar", x: ["a", "b"], y: new Int32Array([3, 4]) as unknown as number[] }], layout: { width: 300 } });
    assert.deepEqual(calls, [[[{ type: "bar", x: ["a", "b"], y: [3, 4] }], { width: 300 }, undefined]]);
  });
});
