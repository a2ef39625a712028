/**
 * The course's interactive figures in a handout, opened in Chromium with the network cut
 * off and no kernel behind the page: each slider, clicked as a reader would, changes what
 * is drawn, and going back to a step draws that step again (the figures carry every frame;
 * lib/src/activations/weight-slider-figure.ts shows the pattern). Part of `npm run
 * test:browser`; screenshots of each figure at two steps go to artifacts/browser/.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { findChromium } from "./chromium";
import { withHeadlessChromiumPage } from "./headless-chromium";
import { chromiumSkipReason } from "./chromium-availability";
import { blockNetwork, collectPageErrors } from "./offline";
import { screenshotFile } from "./artifacts";
import { handoutProblems, inspectHandout, waitForHandoutFigures } from "./handout";
import { drawnState, moveSlider, screenshotFigure, sliderTickPositions } from "./interactive-figures";
import { buildHandout, type HandoutResult } from "../handouts/build-handout";
import { projectTemporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";

const skip = chromiumSkipReason();

/** The figures of the fixture handout, in page order, with how many slider steps each has. */
const FIGURES = [
  { name: "torre-posicao", steps: 5 },
  { name: "torre-altura", steps: 4 },
  { name: "superficie-de-perda", steps: 41 },
  { name: "convolucao", steps: 25 },
  { name: "max-pooling", steps: 9 },
  { name: "dropout", steps: 6 },
] as const;

const CELLS = [
  { markdown: "# 99 · Figuras interativas\n\nCada figura tem um controle deslizante que funciona sem kernel." },
  {
    code: [
      "import { show, towerSliderFigure, lossSurfaceFigure, convolutionStepThroughFigure, maxPoolingStepThroughFigure,",
      '  dropoutMaskFigure, readStarGalaxyCatalogue, colourFeatures, fitScaler } from "@redes-neurais/lib";',
      "const torres = [{ x: [0.2, 0.4] as const, y: [0.3, 0.6] as const, height: 1 }, { x: [0.6, 0.8] as const, y: [0.6, 0.9] as const, height: 0.5 }];",
      'show(towerSliderFigure({ towers: torres, vary: "x", values: [0.2, 0.35, 0.5, 0.65, 0.8] }));',
    ].join("\n"),
  },
  { code: 'show(towerSliderFigure({ towers: torres, vary: "height", values: [-1, 0.5, 1, 2] }));' },
  {
    code: [
      "const catalogo = readStarGalaxyCatalogue().slice(0, 1500);",
      'const cores = colourFeatures(catalogo, ["u-g", "g-r"]);',
      "show(lossSurfaceFigure(fitScaler(cores.x, \"zscore\").transform(cores.x), cores.labels, { learningRates: [0.1, 1, 10, 30, 100], steps: 40, attributes: [\"u−g\", \"g−r\"] }));",
    ].join("\n"),
  },
  {
    code: [
      "const imagem = Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => (j >= 3 ? 9 : 1) + ((i + j) % 3)));",
      "show(convolutionStepThroughFigure(imagem, [[1, 0, -1], [1, 0, -1], [1, 0, -1]]));",
    ].join("\n"),
  },
  { code: "show(maxPoolingStepThroughFigure(Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (7 * i + 3 * j) % 10))));" },
  { code: "show(dropoutMaskFigure({ rate: 0.5, steps: 6, seed: 1 }));" },
];

describe("figuras interativas numa apostila, sem rede e sem kernel", { skip }, () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  let handout: HandoutResult | undefined;

  before(async () => {
    ({ folder, remove } = await projectTemporaryFolder("interactive-figures"));
    const notebook = await writeFixtureNotebook(folder, "99_figuras_interativas.ipynb", CELLS);
    handout = await buildHandout(
      { file: notebook, name: "99_figuras_interativas", number: 99, displayPath: "99_figuras_interativas.ipynb" },
      { outputFolder: path.join(folder, "apostilas"), env: { REDES_NEURAIS_FAST: "1", REDES_NEURAIS_BACKEND: "tensorflow" }, cellTimeoutSeconds: 300 },
    );
  }, { timeout: 10 * 60_000 });
  after(() => remove());

  test("cada controle deslizante muda o desenho, e voltar a um passo o desenha de novo", { timeout: 5 * 60_000 }, async () => {
    const built = handout;
    assert.ok(built, "a apostila não foi construída");
    assert.equal(built.figureCount, FIGURES.length);
    const seen = await withHeadlessChromiumPage({ chromiumPath: findChromium(), timeoutMs: 120_000 }, async (page) => {
      await page.setViewportSize({ width: 1400, height: 1000 });
      const requests = await blockNetwork(page.context());
      const errors = collectPageErrors(page);
      await page.goto(pathToFileURL(built.file).href, { waitUntil: "load" });
      await waitForHandoutFigures(page, 30_000);
      const report = await inspectHandout(page);
      const figures = [];
      for (const [index, figure] of FIGURES.entries()) {
        const ticks = (await sliderTickPositions(page, index)).length;
        const initial = await drawnState(page, index);
        const targets = [0, Math.floor(figure.steps / 3), figure.steps - 1].filter((step) => step !== initial.active);
        const visits = [];
        for (const step of targets) {
          await moveSlider(page, index, step);
          visits.push({ step, ...(await drawnState(page, index)) });
          if (step === targets[targets.length - 1]) await screenshotFigure(page, index, screenshotFile(`interativa-${figure.name}-passo-${step}`));
        }
        await moveSlider(page, index, initial.active ?? 0);
        const back = await drawnState(page, index);
        await screenshotFigure(page, index, screenshotFile(`interativa-${figure.name}-passo-${initial.active ?? 0}`));
        figures.push({ name: figure.name, expectedSteps: figure.steps, ticks, initial, visits, back });
      }
      return { requests: [...requests], errors: [...errors], report, figures };
    });
    assert.deepEqual(seen.requests, [], "pedidos que sairiam da máquina");
    assert.deepEqual(seen.errors, [], "erros na página");
    assert.deepEqual(handoutProblems(seen.report, { figures: built.figureCount, formulas: built.formulaCount }), []);
    for (const figure of seen.figures) {
      assert.equal(figure.ticks, figure.expectedSteps, `${figure.name}: um passo do controle por quadro`);
      assert.deepEqual(figure.visits.map((visit) => visit.active), figure.visits.map((visit) => visit.step), `${figure.name}: o clique chegou ao passo`);
      const drawings = [figure.initial.drawing, ...figure.visits.map((visit) => visit.drawing)];
      assert.equal(new Set(drawings).size, drawings.length, `${figure.name}: cada passo desenha outra coisa (${JSON.stringify(figure.visits)})`);
      assert.equal(figure.back.drawing, figure.initial.drawing, `${figure.name}: de volta ao passo inicial, o mesmo desenho`);
      assert.equal(figure.back.title, figure.initial.title);
    }
  });
});
