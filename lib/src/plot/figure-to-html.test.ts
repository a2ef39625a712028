import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml } from "../html/escape-html";
import { figureToHtml, PLOTLY_MISSING_NOTE } from "./figure-to-html";
import { FIGURE_CLASS, countCourseFigures, plotlyBundleScript } from "./plotly-bundle";
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
  test("never carries plotly.js unless asked: the page loads it once", () => {
    const html = figureToHtml(figure);
    assert.ok(!html.includes(bundleMarker));
    assert.ok(html.length < 10_000, `a figure is small (${html.length} characters)`);
    assert.ok(html.startsWith(`<div id="${FIGURE_CLASS}-`), "the figure's div comes first");
    assert.equal(countCourseFigures(html), 1, "a page with it is recognized as needing plotly.js");
  });

  test("with includePlotly: true carries the bundle before the figure (a standalone page)", () => {
    const html = figureToHtml(figure, { includePlotly: true });
    assert.ok(html.includes(plotlyBundleScript()));
    assert.ok(html.indexOf(bundleMarker) < html.indexOf("<div"), "the bundle comes before the figure");
    assert.ok(!figureToHtml(figure, { includePlotly: false }).includes(bundleMarker));
  });

  test("without plotly.js on the page the div says how to see the figure, in Portuguese", () => {
    const html = figureToHtml(figure);
    assert.ok(html.includes(jsonForHtmlScript(PLOTLY_MISSING_NOTE)));
    assert.match(PLOTLY_MISSING_NOTE, /precisa do plotly\.js/);
    assert.match(PLOTLY_MISSING_NOTE, /npm run handouts/);
    assert.match(PLOTLY_MISSING_NOTE, /JupyterLab/);
  });

  test("loads nothing from the network", () => {
    for (const html of [figureToHtml(figure), figureToHtml(figure, { includePlotly: true })]) {
      assert.doesNotMatch(html, /<script[^>]*\bsrc\s*=/i);
      assert.doesNotMatch(html, /\bsrc\s*=\s*["']?(https?:)?\/\//i);
      assert.doesNotMatch(html, /<link[^>]*href/i);
    }
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
    const html = figureToHtml({ data: [{ type: "bar", x: [1], y: [1], name }] });
    assert.equal(html.match(/<\/script>/g)?.length, 1, "only the figure's own closing tag");
    assert.ok(!html.includes("<script>alert"));
    const [data] = newPlotArguments(html) as [Array<{ name: string }>];
    assert.equal(data[0]?.name, name, "the text survives the escaping unchanged");
  });

  test("turns typed arrays into plain arrays", () => {
    const html = figureToHtml({ data: [{ type: "scatter", x: new Float32Array([0.5, 1.5]) as unknown as number[], y: [1, 2] }] });
    const [data] = newPlotArguments(html) as [Array<{ x: unknown }>];
    assert.deepEqual(data[0]?.x, [0.5, 1.5]);
  });

  test("rejects an unsupported trace type", () => {
    assert.throws(() => figureToHtml({ data: [{ type: "scattergl" } as Figure["data"][number]] }), UnsupportedTraceTypeError);
  });

  test("a page needs plotly.js only when it shows a figure, not when it prints one's HTML as text", () => {
    const html = figureToHtml(figure);
    assert.equal(countCourseFigures(`<html><body><p>x</p>${html}${figureToHtml(figure)}</body></html>`), 2);
    assert.equal(countCourseFigures(`<pre>${escapeHtml(html)}</pre>`), 0);
    assert.equal(countCourseFigures('<div class="outra"></div><script>var id = "redes-neurais-figura-1";</script>'), 0);
  });

  test("jsonForHtmlScript output is still the same JSON", () => {
    const value = { a: "</script>", b: [1, 2.5, null], c: "é & <b>" };
    assert.deepEqual(JSON.parse(jsonForHtmlScript(value)), value);
  });
});
