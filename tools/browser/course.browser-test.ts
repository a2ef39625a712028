/**
 * `npm run test:browser`: the course used the way people use it, in a real browser
 * (Debian's Chromium driven by playwright-core).
 *
 * 1. Handouts: every course notebook (notebooks/NN_*.ipynb, found at run time) is built in
 *    fast mode into a scratch folder, with the index; each page is opened with the network
 *    cut off and must ask nothing of the outside, draw its figures and its math, and show
 *    its code highlighted as TypeScript; notebooks 01–11 show at least one diagram
 *    (lib/src/diagrams), each drawn with its <title> and <desc>, and screenshotted alone;
 *    on every figure with a slider, the first, a middle and the last step are clicked as a
 *    reader would, with no kernel behind the page: each must draw something else, and going
 *    back must draw the initial step again (tools/browser/interactive-figures.ts);
 *    the index links every handout in course order.
 * 2. JupyterLab: the course's JupyterLab (tools/lab.ts) on 127.0.0.1 with a token, serving
 *    a scratch copy of notebooks/ (the originals are never touched), the kernel in fast mode
 *    on the native backend. Each notebook is opened, run with Run ▸ Run All Cells, waited
 *    for; no cell may be left unrun, nothing may go to stderr, every Plotly figure must be
 *    drawn with data, every diagram drawn (at least one in 01–11), and where the code
 *    calls trainingMonitor( the live monitor must show.
 * 3. Reopened: each notebook executed for its handout (so saved with outputs, never
 *    trusted) is opened in JupyterLab without running anything: its figures and diagrams must show.
 *
 * Screenshots and timings go to artifacts/browser/. The server and every kernel are stopped
 * whatever happens. `REDES_NEURAIS_NOTEBOOKS="00 05"` limits the run to some notebooks.
 */
import assert from "node:assert/strict";
import { cp, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DIAGRAM_CLASS, findProcesses } from "@redes-neurais/lib/ferramentas";
import { findChromium } from "./chromium";
import { withHeadlessChromiumPage } from "./headless-chromium";
import { chromiumSkipReason } from "./chromium-availability";
import { buildHandout, type HandoutResult } from "../handouts/build-handout";
import { writeHandoutIndex } from "../handouts/handout-index";
import { isNotebookExecutionError } from "../jupyter/execute-notebook";
import { type LabServer, shutdownAllKernels, startLabServer } from "../jupyter/lab-server";
import { listCourseNotebooksSync, readTitle, selectNotebooks } from "../notebooks/course-notebooks";
import { readNotebook, textOf } from "../notebooks/notebook-format";
import { paths } from "../project.mjs";
import { projectTemporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";
import { screenshotFile, Timings } from "./artifacts";
import { handoutProblems, indexLinks, inspectHandout, waitForHandoutFigures } from "./handout";
import { exerciseSliders, sliderFigureCalls, sliderProblems } from "./interactive-figures";
import {
  inspectNotebook,
  type LabNotebookReport,
  labPageErrors,
  labProblems,
  monitorProblems,
  openNotebook,
  runAllCells,
  showsFigures,
  testLabSettings,
  usesTrainingMonitor,
  waitForFiguresDrawn,
  waitForIdleKernel,
  waitForRunToFinish,
} from "./jupyterlab";
import { blockNetwork, collectPageErrors } from "./offline";

const skip = chromiumSkipReason();
const requested = (process.env.REDES_NEURAIS_NOTEBOOKS ?? "").split(/[\s,]+/).filter(Boolean);
const fastKernel = { REDES_NEURAIS_FAST: "1", REDES_NEURAIS_BACKEND: "tensorflow" };
/** Bounds, generous for a busy 2-core machine: fast-mode notebooks aim at 45 s. */
const cellTimeoutSeconds = 300;
const notebookRunTimeoutMs = 12 * 60_000;
const pageTimeoutMs = 120_000;
const viewport = { width: 1400, height: 1000 };

const timings = new Timings();
const all = listCourseNotebooksSync();
const notebooks = selectNotebooks(all, requested);

async function codeOf(file: string): Promise<string[]> {
  const notebook = await readNotebook(file);
  return notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => textOf(cell.source));
}

/** An SVG document as the data: URL showDiagram puts in its <img> (lib/src/diagrams/show-diagram.ts). */
function svgImage(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** Notebooks 01–11 follow the lecture's slides and must show at least one diagram of lib/src/diagrams each; 00 (the setup) none. */
function minimumDiagramsOf(notebookName: string): number {
  const number = Number.parseInt(notebookName.slice(0, 2), 10);
  return number >= 1 && number <= 11 ? 1 : 0;
}

function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  return withHeadlessChromiumPage({ chromiumPath: findChromium(), timeoutMs: pageTimeoutMs }, async (page) => {
    await page.setViewportSize(viewport);
    return use(page);
  });
}

/** Scrolls a JupyterLab notebook to its training monitor, else its first figure, else its first diagram, for the screenshot. */
async function scrollToHighlight(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const graphs = [...document.querySelectorAll(".jp-NotebookPanel .js-plotly-plot")];
    const target = graphs.find((graph) => graph.layout?.meta?.redesNeuraisMonitor === true)
      ?? document.querySelector(".jp-NotebookPanel .redes-neurais-monitor") ?? graphs[0]
      ?? document.querySelector(".jp-NotebookPanel .${DIAGRAM_CLASS}");
    target?.scrollIntoView({ block: "center" });
  })()`);
  await page.waitForTimeout(500);
}

describe("o curso no navegador (Chromium)", { skip }, () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  const handoutFolder = () => path.join(folder, "apostilas");
  const executedFolder = () => path.join(folder, "executados");
  const built = new Map<string, HandoutResult>();
  const buildFailures = new Map<string, string>();

  before(async () => {
    // Inside the project (the notebooks import "@redes-neurais/lib"), at the depth of
    // notebooks/, so that paths relative to a notebook mean the same in the copy.
    ({ folder, remove } = await projectTemporaryFolder("browser"));
    await cp(paths.notebooks, folder, {
      recursive: true,
      filter: (source) => !source.includes(".ipynb_checkpoints"),
    });
  });
  after(async () => {
    await timings.write();
    await remove();
  });

  test("há notebooks do curso em notebooks/", () => {
    assert.ok(notebooks.length > 0, "nenhum notebooks/NN_nome.ipynb encontrado");
  });

  describe("apostilas HTML (modo rápido), abertas sem rede", () => {
    before(async () => {
      for (const notebook of notebooks) {
        try {
          const result = await timings.time(`apostila: construção ${notebook.name}`, () =>
            buildHandout(notebook, {
              outputFolder: handoutFolder(),
              executedNotebookFolder: executedFolder(),
              env: fastKernel,
              cellTimeoutSeconds,
            }),
          );
          built.set(notebook.name, result);
        } catch (error) {
          buildFailures.set(notebook.name, isNotebookExecutionError(error) || error instanceof Error ? error.message : String(error));
        }
      }
      await writeHandoutIndex(all, handoutFolder());
    }, { timeout: notebooks.length * 15 * 60_000 + 60_000 });

    for (const notebook of notebooks) {
      test(`${notebook.name}: nenhum pedido para fora, figuras e fórmulas desenhadas, código realçado`, { timeout: 5 * 60_000 }, async () => {
        const result = built.get(notebook.name);
        if (!result) assert.fail(`a apostila não foi construída:\n${buildFailures.get(notebook.name)}`);
        const seen = await timings.time(`apostila: navegador ${notebook.name}`, () =>
          withPage(async (page) => {
            const requests = await blockNetwork(page.context());
            const errors = collectPageErrors(page);
            await page.goto(pathToFileURL(result.file).href, { waitUntil: "load" });
            await waitForHandoutFigures(page, 30_000);
            const report = await inspectHandout(page);
            await page.screenshot({ path: screenshotFile(`apostila-${notebook.name}`), fullPage: true });
            const diagrams = page.locator(`.${DIAGRAM_CLASS} img`);
            for (let index = 0; index < report.diagrams.length; index++) {
              await diagrams.nth(index).screenshot({ path: screenshotFile(`apostila-${notebook.name}-diagrama-${index + 1}`) });
            }
            const sliders = await exerciseSliders(page, (figure, step) => screenshotFile(`apostila-${notebook.name}-figura-${figure + 1}-passo-${step}`));
            return { requests: [...requests], errors: [...errors], report, sliders };
          }),
        );
        assert.deepEqual(seen.requests, [], "pedidos que sairiam da máquina");
        assert.deepEqual(seen.errors, [], "erros na página");
        assert.deepEqual(
          handoutProblems(seen.report, { figures: result.figureCount, formulas: result.formulaCount, minimumDiagrams: minimumDiagramsOf(notebook.name) }),
          [],
        );
        assert.deepEqual(sliderProblems(seen.sliders), [], "controles deslizantes, sem kernel");
        const expectedSliders = sliderFigureCalls(await codeOf(notebook.file));
        assert.ok(seen.sliders.length >= expectedSliders, `${notebook.name}: ${seen.sliders.length} figuras com controle deslizante; o código chama ${expectedSliders}`);
      });
    }

    test("o índice liga cada apostila, na ordem do curso, e cada link abre a sua", { timeout: 5 * 60_000 }, async () => {
      const expected = notebooks.filter((notebook) => built.has(notebook.name));
      const seen = await withPage(async (page) => {
        const requests = await blockNetwork(page.context());
        const errors = collectPageErrors(page);
        const index = pathToFileURL(path.join(handoutFolder(), "index.html")).href;
        await page.goto(index, { waitUntil: "load" });
        await page.screenshot({ path: screenshotFile("apostila-indice"), fullPage: true });
        const links = await indexLinks(page);
        const opened: string[] = [];
        for (const link of links) {
          await page.goto(index, { waitUntil: "load" });
          await page.locator(`ol.apostilas a[href="${link.href}"]`).click();
          await page.waitForLoadState("load");
          opened.push(`${path.basename(new URL(page.url()).pathname)} · ${await page.title()}`);
        }
        return { links, opened, requests: [...requests], errors: [...errors] };
      });
      assert.deepEqual(seen.requests, [], "pedidos que sairiam da máquina");
      assert.deepEqual(seen.errors, [], "erros na página");
      assert.deepEqual(
        seen.links.map((link) => link.href),
        expected.map((notebook) => `${notebook.name}.html`),
        "um link por apostila, na ordem dos números",
      );
      const titles = await Promise.all(expected.map(async (notebook) => (await readTitle(notebook.file)) ?? notebook.name));
      assert.deepEqual(
        seen.opened,
        expected.map((notebook, index) => `${notebook.name}.html · ${titles[index]} · Redes neurais`),
        "cada link abre a apostila certa",
      );
    });

    test("o inspetor das apostilas acusa TeX cru, código sem realce, figura não desenhada e diagrama sem descrição ou sem tamanho", { timeout: 2 * 60_000 }, async () => {
      const report = await withPage(async (page) => {
        await page.setContent(`<body>
          <div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedMarkdown"><p>A perda é $L = -\\log p$ e <code>$ npm test</code>.</p></div></div>
          <div class="jp-Cell jp-CodeCell"><div class="jp-InputArea-editor"><div class="highlight"><pre>const x = 1;</pre></div></div></div>
          <div class="redes-neurais-figura" id="f1">sem gráfico</div>
          <div class="${DIAGRAM_CLASS}"><img src="${svgImage('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><title>Bom</title><desc>Um retângulo.</desc><rect width="200" height="100"/></svg>')}"></div>
          <div class="${DIAGRAM_CLASS}"><img src="${svgImage('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"><title>Sem descrição</title></svg>')}"></div>
        </body>`);
        await waitForHandoutFigures(page, 10_000);
        return inspectHandout(page);
      });
      const problems = handoutProblems(report, { figures: 1, formulas: 0, minimumDiagrams: 3 });
      assert.deepEqual(report.diagrams[0], { title: "Bom", description: "Um retângulo.", width: 200, height: 100 });
      assert.ok(problems.includes("2 diagrama(s) na página; esperava ao menos 3 (showDiagram de lib/src/diagrams)"), problems.join("\n"));
      assert.ok(problems.includes('diagrama 2 ("Sem descrição") sem <desc>'), problems.join("\n"));
      assert.ok(problems.includes('diagrama 2 ("Sem descrição") não desenhado: 0×0 px'), problems.join("\n"));
      assert.ok(!problems.some((problem) => problem.includes('"Bom"')), problems.join("\n"));
      assert.ok(problems.some((problem) => problem.startsWith("TeX não desenhado") && problem.includes("$L = -")), problems.join("\n"));
      assert.ok(!problems.some((problem) => problem.includes("npm test")), "texto dentro de <code> não é TeX");
      assert.ok(problems.some((problem) => problem.startsWith("código sem realce")), problems.join("\n"));
      assert.ok(problems.some((problem) => problem.includes("nenhum realçado como palavra-chave")), problems.join("\n"));
      assert.ok(problems.some((problem) => problem.startsWith("figura não desenhada: f1")), problems.join("\n"));
    });
  });

  describe("JupyterLab com o kernel do curso", () => {
    let server: LabServer | undefined;

    before(async () => {
      server = await timings.time("jupyterlab: início do servidor", () =>
        startLabServer({ rootDir: folder, stateDir: path.join(folder, ".estado-jupyterlab"), env: fastKernel, settings: testLabSettings }),
      );
    }, { timeout: 3 * 60_000 });
    after(async () => {
      await server?.stop();
    });

    /** Opens a notebook of the scratch folder, runs every cell, inspects and photographs it. */
    async function runInLab(relativePath: string, screenshot: string) {
      const lab = server;
      assert.ok(lab, "o JupyterLab não iniciou");
      try {
        return await withPage(async (page) => {
          const errors = collectPageErrors(page);
          try {
            await openNotebook(page, lab, relativePath, pageTimeoutMs);
            await waitForIdleKernel(page, pageTimeoutMs);
            await runAllCells(page);
            await waitForRunToFinish(page, notebookRunTimeoutMs);
          } catch (error) {
            // What the page looked like when it went wrong.
            await page.screenshot({ path: screenshotFile(`${screenshot}-falha`) }).catch(() => undefined);
            throw error;
          }
          const report = await inspectNotebook(page);
          await scrollToHighlight(page);
          await page.screenshot({ path: screenshotFile(screenshot) });
          return { report, pageErrors: labPageErrors(errors) };
        });
      } finally {
        await shutdownAllKernels(lab);
      }
    }

    const labReports = new Map<string, LabNotebookReport>();
    for (const notebook of notebooks) {
      test(`${notebook.name}: Run All Cells sem erros, figuras e diagramas desenhados, monitor de treino visível`, { timeout: notebookRunTimeoutMs + 5 * 60_000 }, async () => {
        const code = await codeOf(notebook.file);
        const expect = { figures: showsFigures(code), monitor: usesTrainingMonitor(code), minimumDiagrams: minimumDiagramsOf(notebook.name) };
        const seen = await timings.time(`jupyterlab: executar ${notebook.name}`, () =>
          runInLab(path.basename(notebook.file), `jupyterlab-${notebook.name}`),
        );
        labReports.set(notebook.name, seen.report);
        assert.deepEqual(labProblems(seen.report, expect), []);
        assert.deepEqual(seen.pageErrors, [], "erros no console do JupyterLab");
      });
    }

    // The monitor's in-place updates must reach the live page: its final figure has every epoch.
    for (const notebook of notebooks) {
      test(`${notebook.name}: o monitor de treino se atualiza ao vivo`, (t) => {
        const report = labReports.get(notebook.name);
        if (!report) return assert.fail("o notebook não rodou no JupyterLab");
        if (report.monitorPoints.length === 0) return t.skip("sem monitor de treino");
        assert.deepEqual(monitorProblems(report), []);
      });
    }

    for (const notebook of notebooks) {
      test(`${notebook.name}: salvo com saídas e reaberto, sem confiança, mostra as figuras e os diagramas`, { timeout: 5 * 60_000 }, async () => {
        const lab = server;
        assert.ok(lab, "o JupyterLab não iniciou");
        if (!built.has(notebook.name)) assert.fail("sem notebook executado: a construção da apostila falhou");
        const relativePath = `executados/${notebook.name}.ipynb`;
        const saved = await readNotebook(path.join(executedFolder(), `${notebook.name}.ipynb`));
        const figureOutputs = saved.cells
          .flatMap((cell) => (cell.outputs ?? []) as { data?: Record<string, unknown> }[])
          .filter((output) => output.data?.["application/vnd.plotly.v1+json"] !== undefined).length;
        const diagramOutputs = saved.cells
          .flatMap((cell) => (cell.outputs ?? []) as { data?: Record<string, unknown> }[])
          .filter((output) => String(output.data?.["text/html"] ?? "").includes(`class="${DIAGRAM_CLASS}"`)).length;
        // The server computes trust from its signature database: a notebook it never signed is untrusted.
        const model = (await (await fetch(lab.url(`/api/contents/${relativePath}`))).json()) as {
          content: { cells: { cell_type: string; outputs?: unknown[]; metadata: { trusted?: boolean } }[] };
        };
        const withOutputs = model.content.cells.filter((cell) => cell.cell_type === "code" && (cell.outputs ?? []).length > 0);
        assert.ok(withOutputs.length > 0, "o notebook executado tem saídas");
        assert.ok(withOutputs.every((cell) => cell.metadata.trusted === false), "o servidor não confia no notebook");

        const seen = await timings.time(`jupyterlab: reabrir ${notebook.name}`, async () => {
          try {
            return await withPage(async (page) => {
              const errors = collectPageErrors(page);
              await openNotebook(page, lab, relativePath, pageTimeoutMs);
              await waitForFiguresDrawn(page, 60_000, figureOutputs);
              const report = await inspectNotebook(page);
              await scrollToHighlight(page);
              await page.screenshot({ path: screenshotFile(`reaberto-${notebook.name}`) });
              return { report, pageErrors: labPageErrors(errors) };
            });
          } finally {
            await shutdownAllKernels(lab);
          }
        });
        assert.equal(seen.report.figureOutputs, figureOutputs, "cada figura salva tem sua saída na página");
        assert.equal(seen.report.figuresDrawn, figureOutputs, `figuras não desenhadas: ${seen.report.figuresNotDrawn.join("; ")}`);
        assert.equal(seen.report.diagramsDrawn, diagramOutputs, `cada diagrama salvo é desenhado; não desenhados: ${seen.report.diagramsNotDrawn.join("; ")}`);
        assert.deepEqual(seen.report.errors, [], "saídas de erro");
        assert.deepEqual(seen.pageErrors, [], "erros no console do JupyterLab");
      });
    }

    test("a checagem vê um monitor de treino e acusa stderr, erro e a célula que não rodou depois dele", { timeout: notebookRunTimeoutMs + 5 * 60_000 }, async () => {
      const checks = path.join(folder, "verificacao");
      await mkdir(checks, { recursive: true });
      await writeFixtureNotebook(checks, "falhas.ipynb", [
        { code: 'import { show } from "@redes-neurais/lib";\n// desenha como trainingMonitor( desenha: layout.meta.redesNeuraisMonitor' },
        { code: 'const layout: any = { meta: { redesNeuraisMonitor: true }, title: { text: "monitor" } };\nshow({ data: [{ type: "scatter", y: [3, 2, 1] }], layout });' },
        { code: 'console.error("saída de erro de propósito");' },
        { code: 'throw new Error("falha de propósito");' },
        { code: 'show({ data: [{ type: "bar", y: [1, 2] }] });' },
      ]);
      const seen = await runInLab("verificacao/falhas.ipynb", "verificacao-falhas");
      assert.equal(seen.report.monitors, 1, "o gráfico com layout.meta.redesNeuraisMonitor conta como monitor");
      assert.deepEqual(seen.report.monitorPoints, [3]);
      assert.deepEqual(monitorProblems(seen.report), []);
      assert.equal(seen.report.figuresDrawn, 1);
      const problems = labProblems(seen.report, { figures: true, monitor: true });
      assert.ok(problems.some((problem) => problem.includes("saída de erro de propósito")), problems.join("\n"));
      assert.ok(problems.some((problem) => problem.includes("falha de propósito")), problems.join("\n"));
      assert.ok(problems.some((problem) => problem.startsWith("células não executadas") && problem.includes("célula 5")), problems.join("\n"));
      assert.ok(!problems.some((problem) => problem.includes("trainingMonitor")), problems.join("\n"));
    });

    test("ao parar, o servidor e todos os kernels que ele iniciou terminam", { timeout: 2 * 60_000 }, async () => {
      const lab = server;
      assert.ok(lab, "o JupyterLab não iniciou");
      // A kernel left running on purpose: stop() must end it too.
      const started = await fetch(lab.url("/api/kernels"), { method: "POST", body: JSON.stringify({ name: "redes-neurais" }) });
      assert.equal(started.status, 201);
      const kernel = (await started.json()) as { id: string };
      const kernelProcess = () => {
        const marked = new Set(lab.processes());
        return findProcesses({ commandLineIncludes: kernel.id }).filter((found) => marked.has(found.pid));
      };
      assert.equal(kernelProcess().length, 1, "o processo do kernel iniciado tem a marca do servidor");
      assert.ok(lab.processes().length >= 3, "node (tools/lab.ts), jupyter e o kernel");
      await lab.stop();
      assert.deepEqual(lab.processes(), [], "nenhum processo do servidor sobrou");
      await assert.rejects(fetch(lab.url("/api/status")), "o servidor não responde mais");
    });
  });
});
