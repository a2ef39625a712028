/**
 * Figures in a handout: the page carries plotly.js once, in its head, and every figure
 * draws offline — also one shown through an updatable display and then replaced in place
 * (update_display_data, as a live training monitor does), whose final output has no
 * bundle of its own. The real check opens the handout in headless Chromium with every
 * request that would leave the machine aborted.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { FIGURE_CLASS, plotlyBundleScript, plotlyBundleSource } from "@redes-neurais/lib/ferramentas";
import { findChromium } from "../browser/chromium";
import { withHeadlessChromiumPage } from "../browser/headless-chromium";
import { chromiumSkipReason } from "../browser/chromium-availability";
import { blockNetwork, collectPageErrors } from "../browser/offline";
import { projectTemporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";
import { buildHandout } from "./build-handout";
import { includePlotlyInHead } from "./plotly-in-head";

/** The first line of the bundle's licence comment: one per copy of plotly.js in a page. */
const bundleBanner = "plotly.js (cartesian - minified)";

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("plotly.js no <head> da página", () => {
  const figureDiv = `<div id="${FIGURE_CLASS}-1" class="${FIGURE_CLASS}"></div><script>/* desenha */</script>`;

  test("uma página sem figuras fica como estava", () => {
    const page = "<html><head><title>t</title></head><body><p>texto</p></body></html>";
    assert.deepEqual(includePlotlyInHead(page), { html: page, figureCount: 0 });
  });

  test("uma página com figuras recebe o bundle uma vez, inteiro, no fim do <head>", () => {
    const page = `<html><head><title>t</title></head><body>${figureDiv}${figureDiv}</body></html>`;
    const result = includePlotlyInHead(page);
    assert.equal(result.figureCount, 2);
    assert.equal(occurrences(result.html, bundleBanner), 1);
    assert.ok(result.html.includes(`${plotlyBundleScript()}\n</head>`), "o bundle intacto (com seus $&) antes de </head>");
    assert.ok(plotlyBundleSource().includes("$&"), "o bundle tem $&, que String.replace expandiria");
    assert.doesNotMatch(result.html, /<script[^>]*\ssrc=/i);
  });

  test("uma página com figuras e sem </head> é recusada com uma explicação", () => {
    assert.throws(() => includePlotlyInHead(`<body>${figureDiv}</body>`), /nenhum <\/head>/);
  });
});

const skip = chromiumSkipReason();

describe("apostila com figuras, aberta no Chromium sem rede", () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  let file = "";
  let html = "";
  before(async () => {
    // Inside the project: the notebook imports "@redes-neurais/lib".
    ({ folder, remove } = await projectTemporaryFolder("handout-figures"));
    const notebook = await writeFixtureNotebook(folder, "03_figuras.ipynb", [
      { markdown: "# 03 · Figuras\n\nUm monitor que se atualiza e um gráfico de barras." },
      {
        code: [
          'import { show } from "@redes-neurais/lib";',
          'import { createUpdatableDisplay, figureMimeBundle } from "@redes-neurais/lib/ferramentas";',
          "const monitor = createUpdatableDisplay();",
          "const perda: number[] = [];",
          "for (const valor of [1, 0.6, 0.4]) {",
          "  perda.push(valor);",
          '  monitor.show(figureMimeBundle({ data: [{ type: "scatter", y: perda }], layout: { title: { text: `perda, época ${perda.length}` } } }));',
          "}",
        ].join("\n"),
      },
      {
        code: [
          "perda.push(0.3);",
          'monitor.show(figureMimeBundle({ data: [{ type: "scatter", y: perda }], layout: { title: { text: "perda final" } } }));',
        ].join("\n"),
      },
      { code: 'show({ data: [{ type: "bar", x: ["a", "b", "c"], y: [3, 1, 2] }], layout: { title: { text: "barras" } } });' },
    ]);
    const result = await buildHandout(
      { file: notebook, name: "03_figuras", number: 3, displayPath: "03_figuras.ipynb" },
      { outputFolder: path.join(folder, "apostilas"), env: { REDES_NEURAIS_BACKEND: "tensorflow" } },
    );
    assert.equal(result.figureCount, 2, "o monitor (uma saída, atualizada) e as barras");
    file = result.file;
    html = await readFile(file, "utf8");
  }, { timeout: 240_000 });
  after(() => remove());

  test("o HTML tem o plotly.js uma vez, no <head>, e cada figura só a sua última versão", () => {
    assert.equal(occurrences(html, bundleBanner), 1);
    assert.ok(html.indexOf(bundleBanner) < html.search(/<\/head>/i), "o bundle está no <head>");
    assert.ok(html.includes("perda final") && html.includes("barras"));
    assert.doesNotMatch(html, /perda, época \d/, "as versões intermediárias do monitor foram substituídas");
  });

  test("no Chromium, sem rede: nenhum pedido sai da máquina, nenhum erro, toda figura desenhada", { skip, timeout: 120_000 }, async () => {
    const seen = await withHeadlessChromiumPage({ chromiumPath: findChromium(), timeoutMs: 60_000 }, async (page) => {
      const requests = await blockNetwork(page.context());
      const errors = collectPageErrors(page);
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const figures = `document.querySelectorAll(".${FIGURE_CLASS}")`;
      // On a timeout the assertions below say which figures were not drawn, and why.
      await page
        .waitForFunction(`[...${figures}].every((figure) => figure.querySelector(".main-svg"))`, undefined, { timeout: 20_000 })
        .catch(() => undefined);
      return {
        requests,
        errors,
        figures: await page.evaluate(`${figures}.length`),
        drawn: await page.evaluate(`[...${figures}].filter((figure) => figure.querySelector(".main-svg")).length`),
        notDrawn: await page.evaluate(`[...${figures}].filter((figure) => !figure.querySelector(".main-svg")).map((figure) => figure.textContent)`),
        bundles: await page.evaluate(`[...document.scripts].filter((script) => script.text.includes(${JSON.stringify(bundleBanner)})).length`),
        bundlesInHead: await page.evaluate(`document.head.querySelectorAll("script[data-redes-neurais-plotly]").length`),
        titles: await page.evaluate(`[...document.querySelectorAll(".gtitle")].map((title) => title.textContent)`),
      };
    });
    assert.deepEqual(seen.requests, [], "pedidos para fora da máquina");
    assert.deepEqual(seen.errors, [], "erros na página");
    assert.equal(seen.figures, 2);
    assert.equal(seen.drawn, 2, `cada figura tem um gráfico desenhado (.main-svg); sem: ${JSON.stringify(seen.notDrawn)}`);
    assert.equal(seen.bundles, 1, "um único script com o plotly.js");
    assert.equal(seen.bundlesInHead, 1, "e ele está no <head>");
    assert.deepEqual(seen.titles, ["perda final", "barras"]);
  });
});
