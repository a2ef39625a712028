import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { figureToHtml } from "./figure-to-html";
import { isPlotlyBundleIncluded, plotlyBundleSource, resetPlotlyBundleInclusion } from "./plotly-bundle";
import { jsonForHtmlScript } from "./json-for-html-script";
import type { Figure } from "./figure";
import { UnsupportedTraceTypeError } from "./plot-errors";

const figure: Figure = { data: [{ type: "scatter", x: [1, 2, 3], y: [2, 1, 3] }], layout: { title: { text: "Teste" } } };
const bundleMarker = "plotly.js (cartesian - minified)";

/** The arguments of the Plotly.newPlot call in a figure's HTML. */
function newPlotArguments(html: string): unknown[] {
  const match = /window\.Plotly\.newPlot\(element, (.*)\);\n/.exec(html);
  assert.ok(match?.[1], "the HTML calls Plotly.newPlot");
  return JSON.parse(`[${match[1]}]`) as unknown[];
}

describe("figureToHtml", () => {
  beforeEach(() => resetPlotlyBundleInclusion());

  test("inlines plotly.js in the first figure of the process only", () => {
    assert.equal(isPlotlyBundleIncluded(), false);
    const first = figureToHtml(figure);
    const second = figureToHtml(figure);
    assert.ok(first.includes(bundleMarker));
    assert.ok(first.includes(plotlyBundleSource()));
    assert.ok(first.indexOf(bundleMarker) < first.indexOf("<div"), "the bundle comes before the figure");
    assert.ok(!second.includes(bundleMarker));
    assert.ok(second.length < 10_000, `a later figure is small (${second.length} characters)`);
    assert.equal(isPlotlyBundleIncluded(), true);
  });

  test("inlines plotly.js again after a reset, always with 'always' and never with 'never'", () => {
    figureToHtml(figure);
    resetPlotlyBundleInclusion();
    assert.ok(figureToHtml(figure).includes(bundleMarker));
    assert.ok(figureToHtml(figure, { includePlotly: "always" }).includes(bundleMarker));
    resetPlotlyBundleInclusion();
    assert.ok(!figureToHtml(figure, { includePlotly: "never" }).includes(bundleMarker));
    assert.equal(isPlotlyBundleIncluded(), false, "'never' does not use up the first inclusion");
  });

  test("loads nothing from the network", () => {
    const html = figureToHtml(figure);
    assert.doesNotMatch(html, /<script[^>]*\bsrc\s*=/i);
    assert.doesNotMatch(html, /\bsrc\s*=\s*["']?(https?:)?\/\//i);
    assert.doesNotMatch(html, /<link[^>]*href/i);
  });

  test("gives every figure its own div id and draws it with the figure's data", () => {
    const htmls = [figureToHtml(figure), figureToHtml(figure)];
    const ids = htmls.map((html) => /<div id="([^"]+)"/.exec(html)?.[1]);
    assert.ok(ids[0] && ids[1]);
    assert.notEqual(ids[0], ids[1]);
    const [data, layout, config] = newPlotArguments(htmls[1] ?? "");
    assert.deepEqual(data, figure.data);
    assert.deepEqual(layout, figure.layout);
    assert.deepEqual(config, { responsive: true });
  });

  test("keeps </script> in the data from closing the script element", () => {
    const name = "</script><script>alert('x')</script> & <!-- \u2028";
    const html = figureToHtml({ data: [{ type: "bar", x: [1], y: [1], name }] }, { includePlotly: "never" });
    assert.equal(html.match(/<\/script>/g)?.length, 1, "only the figure's own closing tag");
    assert.ok(!html.includes("<script>alert"));
    const [data] = newPlotArguments(html) as [Array<{ name: string }>];
    assert.equal(data[0]?.name, name, "the text survives the escaping unchanged");
  });

  test("turns typed arrays into plain arrays", () => {
    const html = figureToHtml(
      { data: [{ type: "scatter", x: new Float32Array([0.5, 1.5]) as unknown as number[], y: [1, 2] }] },
      { includePlotly: "never" },
    );
    const [data] = newPlotArguments(html) as [Array<{ x: unknown }>];
    assert.deepEqual(data[0]?.x, [0.5, 1.5]);
  });

  test("rejects an unsupported trace type before using up the bundle", () => {
    assert.throws(() => figureToHtml({ data: [{ type: "scattergl" } as Figure["data"][number]] }), UnsupportedTraceTypeError);
    assert.equal(isPlotlyBundleIncluded(), false);
  });

  test("jsonForHtmlScript output is still the same JSON", () => {
    const value = { a: "</script>", b: [1, 2.5, null], c: "é & <b>" };
    assert.deepEqual(JSON.parse(jsonForHtmlScript(value)), value);
  });
});
