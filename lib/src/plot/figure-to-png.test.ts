import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { figureToPng } from "./figure-to-png";
import { figureToHtml, PLOTLY_MISSING_NOTE } from "./figure-to-html";
import { withHeadlessChromiumPage } from "./headless-chromium";
import { InvalidImageSizeError, PngRenderError, UnsupportedTraceTypeError } from "./plot-errors";
import { plotlyBundleScript } from "./plotly-bundle";
import type { Figure } from "./figure";
import { PNG_SIGNATURE, readPngSize } from "../test-support/png";
import { chromiumSkipReason } from "../test-support/chromium-availability";

const skip = chromiumSkipReason();
const figure: Figure = {
  data: [
    { type: "scatter", mode: "lines+markers", x: [1, 2, 3, 4], y: [10, 15, 13, 17], name: "treino" },
    { type: "bar", x: [1, 2, 3, 4], y: [5, 7, 6, 8], name: "validação" },
  ],
  layout: { title: { text: "Perda por época" } },
};

describe("figureToPng", () => {
  test("renders a real PNG whose size is the requested size times the scale", { skip }, async () => {
    const png = await figureToPng(figure, { width: 320, height: 200, scale: 1.5 });
    assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature");
    assert.deepEqual(readPngSize(png), { width: 480, height: 300 });
    assert.ok(png.length > 2_000, `a drawn figure, not an empty image (${png.length} bytes)`);
  });

  test("uses scale 1 by default", { skip }, async () => {
    assert.deepEqual(readPngSize(await figureToPng(figure, { width: 250, height: 150 })), { width: 250, height: 150 });
  });

  test("rejects a bad size, an unsupported trace and a broken Chromium with typed errors", async () => {
    await assert.rejects(figureToPng(figure, { width: 0, height: 100 }), InvalidImageSizeError);
    await assert.rejects(figureToPng(figure, { width: 100.5, height: 100 }), /width deve ser um inteiro/);
    await assert.rejects(figureToPng(figure, { width: 100, height: 100, scale: Number.NaN }), /scale/);
    await assert.rejects(
      figureToPng({ data: [{ type: "scatter3d" } as Figure["data"][number]] }, { width: 100, height: 100 }),
      UnsupportedTraceTypeError,
    );
    await assert.rejects(
      figureToPng(figure, { width: 100, height: 100, chromiumPath: "/bin/false", timeoutMs: 20_000 }),
      (error: unknown) => error instanceof PngRenderError && /"\/bin\/false" não iniciou/.test(error.message),
    );
  });
});

describe("figure HTML in a browser", () => {
  test("draws figures offline with plotly.js once in the page's head, standalone with includePlotly, and explains when it is missing", { skip }, async () => {
    const heatmap: Figure = { data: [{ type: "heatmap", z: [[1, 2], [3, 4]] }] };
    const page = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
    const drawnFigures = "[...document.querySelectorAll('.redes-neurais-figura')].filter((e) => e.querySelector('.main-svg')).length";
    const seen = await withHeadlessChromiumPage({}, async (browserPage) => {
      const requests: string[] = [];
      await browserPage.context().route("**/*", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await browserPage.setContent(page(plotlyBundleScript(), `${figureToHtml(figure)}\n${figureToHtml(heatmap)}`));
      await browserPage.waitForFunction(`${drawnFigures} === 2`);
      const inHead = await browserPage.evaluate(drawnFigures);
      // A fresh page for each (window.Plotly would survive setContent on the same page).
      const standalone = await browserPage.context().newPage();
      await standalone.setContent(page("", figureToHtml(heatmap, { includePlotly: true })));
      await standalone.waitForFunction(`${drawnFigures} === 1`);
      const withoutPlotly = await browserPage.context().newPage();
      await withoutPlotly.setContent(page("", figureToHtml(figure)));
      const note = await withoutPlotly.evaluate("document.querySelector('.redes-neurais-figura').textContent");
      return { requests, inHead, note };
    });
    assert.equal(seen.inHead, 2);
    assert.equal(seen.note, PLOTLY_MISSING_NOTE, "without plotly.js the figure says why it is not drawn");
    assert.deepEqual(seen.requests, [], "nothing is fetched from the network");
  });
});
