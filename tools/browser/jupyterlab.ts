/**
 * A notebook used in JupyterLab the way a student does: opened from the server, run with
 * Run ▸ Run All Cells, waited for, and then looked at — which cells ran, what went to
 * stderr or came out as an error, whether each Plotly figure was drawn with data, whether
 * a live training monitor is on the page.
 */
import type { Page } from "playwright-core";
import type { LabServer } from "../jupyter/lab-server";
import { DIAGRAM_CLASS } from "@redes-neurais/lib/ferramentas";

/** JupyterLab user settings for tests: every cell in the DOM, no news or update checks. */
export const testLabSettings: Record<string, unknown> = {
  // The default windowing leaves cells far from the viewport out of the DOM.
  "@jupyterlab/notebook-extension/tracker": { windowingMode: "none" },
  "@jupyterlab/apputils-extension/notification": { fetchNews: "false", checkForUpdates: false },
};

/**
 * Opens `relativePath` (from the server's root) alone — `?reset` drops the tabs a previous
 * page left in the workspace — and waits for its cells.
 */
export async function openNotebook(page: Page, server: LabServer, relativePath: string, timeoutMs = 120_000): Promise<void> {
  const encoded = relativePath.split("/").map(encodeURIComponent).join("/");
  await page.goto(server.url(`/lab/tree/${encoded}?reset`), { timeout: timeoutMs });
  await page.waitForSelector(".jp-NotebookPanel .jp-Notebook .jp-Cell", { timeout: timeoutMs });
}

/**
 * Waits until the notebook's kernel has started and is idle, as the status bar says
 * ("TypeScript (Redes neurais) | Idle"); the toolbar's indicator says "idle" also before
 * the kernel exists.
 */
export async function waitForIdleKernel(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    `(() => { const text = (document.querySelector("#jp-main-statusbar") ?? document.body).textContent ?? "";
      return /\\|\\s*Idle/.test(text) && !/No Kernel/.test(text); })()`,
    undefined,
    { timeout: timeoutMs, polling: 500 },
  );
}

const codePrompts = `[...document.querySelectorAll(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt")]`;
/** Code cells whose prompt shows `[*]` (queued or running). */
const runningPrompts = `${codePrompts}.filter((prompt) => prompt.textContent.includes("*")).length`;

/**
 * Run ▸ Run All Cells, through the menus; clicked again (up to 3 times) when no cell gets
 * queued, as when the click lands while JupyterLab is still settling the page.
 */
export async function runAllCells(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }).click();
    const queued = await page
      .waitForFunction(`${runningPrompts} > 0 || ${codePrompts}.every((prompt) => /\\[\\d+\\]/.test(prompt.textContent))`, undefined, {
        timeout: 15_000,
      })
      .then(() => true, () => false);
    if (queued) return;
    if (attempt === 3) throw new Error("Run ▸ Run All Cells, clicado 3 vezes, não pôs nenhuma célula na fila");
    await page.keyboard.press("Escape");
  }
}

/**
 * After {@link runAllCells}: waits until no cell is queued or running and the kernel is
 * idle; then for the figures to be drawn.
 *
 * @throws When the notebook does not finish within `timeoutMs`.
 */
export async function waitForRunToFinish(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    `${runningPrompts} === 0 && document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')?.getAttribute("data-status") === "idle"`,
    undefined,
    { timeout: timeoutMs, polling: 500 },
  );
  await waitForFiguresDrawn(page, 30_000);
}

/** Waits (bounded, without failing) for every Plotly graph on the page to have its SVG. */
export async function waitForFiguresDrawn(page: Page, timeoutMs: number, expected = 0): Promise<void> {
  // With `expected`, also wait until that many graphs exist: right after a notebook opens its
  // outputs are still being rendered, and "every graph drawn" holds trivially for none.
  await page
    .waitForFunction(
      `(() => { const graphs = [...document.querySelectorAll(".js-plotly-plot")];` +
        ` return graphs.length >= ${expected} && graphs.every((graph) => graph.querySelector(".main-svg")); })()`,
      undefined,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
}

/** What a notebook looks like in JupyterLab after running (or after opening). */
export interface LabNotebookReport {
  codeCells: number;
  /** Code cells with source whose prompt shows no execution count: `cell 7: "[ ]:"`. */
  notExecuted: string[];
  /** stderr streams and error outputs, with the cell they are in. */
  errors: string[];
  /** Output areas that carry a Plotly figure (JupyterLab's Plotly renderer). */
  figureOutputs: number;
  /** Of those, how many are drawn: a `.js-plotly-plot` with data traces and an SVG. */
  figuresDrawn: number;
  /** Describes each figure output that is not drawn. */
  figuresNotDrawn: string[];
  /** Diagrams of lib/src/diagrams (showDiagram's wrapper) whose SVG is drawn with a non-zero size. */
  diagramsDrawn: number;
  /** Describes each diagram output whose SVG is missing or has no size. */
  diagramsNotDrawn: string[];
  /** Visible training monitors: Plotly graphs with layout.meta.redesNeuraisMonitor, or `.redes-neurais-monitor`. */
  monitors: number;
  /** For each monitor graph, the most points any of its traces shows (1 = still its first frame). */
  monitorPoints: number[];
}

/** Reads {@link LabNotebookReport} from the open notebook. */
export async function inspectNotebook(page: Page): Promise<LabNotebookReport> {
  return (await page.evaluate(`(() => {
    const notebook = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook") ?? document.querySelector(".jp-Notebook");
    const cells = [...notebook.querySelectorAll(":scope > .jp-Cell, .jp-WindowedPanel-viewport > .jp-Cell")];
    const codeCells = cells.filter((cell) => cell.classList.contains("jp-CodeCell"));
    const notExecuted = [];
    const errors = [];
    let figureOutputs = 0, figuresDrawn = 0;
    const figuresNotDrawn = [];
    cells.forEach((cell, index) => {
      if (!cell.classList.contains("jp-CodeCell")) return;
      const prompt = (cell.querySelector(".jp-InputPrompt")?.textContent ?? "").trim();
      const source = (cell.querySelector(".jp-InputArea-editor")?.textContent ?? "").trim();
      if (source !== "" && !/\\[\\d+\\]/.test(prompt)) notExecuted.push("célula " + (index + 1) + ": " + JSON.stringify(prompt));
      for (const output of cell.querySelectorAll(".jp-OutputArea-output")) {
        const mime = output.getAttribute("data-mime-type") ?? "";
        if (mime === "application/vnd.jupyter.stderr" || mime === "application/vnd.jupyter.error" || output.classList.contains("jp-RenderedError")) {
          errors.push("célula " + (index + 1) + " (" + mime + "): " + output.textContent.trim().slice(0, 2000));
        }
        const graph = output.classList.contains("js-plotly-plot") ? output : output.querySelector(".js-plotly-plot");
        const isFigure = graph !== null || output.classList.contains("jp-RenderedPlotly") || mime === "application/vnd.plotly.v1+json";
        if (!isFigure) continue;
        figureOutputs += 1;
        const traces = Array.isArray(graph?.data) ? graph.data.length : 0;
        const svg = graph?.querySelector(".main-svg") != null;
        if (traces > 0 && svg) figuresDrawn += 1;
        else figuresNotDrawn.push("célula " + (index + 1) + ": " + (graph ? traces + " traço(s), svg " + (svg ? "sim" : "não") : "sem gráfico Plotly") + " " + JSON.stringify(output.textContent.trim().slice(0, 200)));
      }
    });
    let diagramsDrawn = 0;
    const diagramsNotDrawn = [];
    for (const wrapper of notebook.querySelectorAll(".${DIAGRAM_CLASS}")) {
      // showDiagram (lib/src/diagrams/show-diagram.ts) writes the SVG document as an <img> with a data: URL.
      const image = wrapper.querySelector("img");
      const box = image?.getBoundingClientRect();
      const loaded = image !== null && image.complete && image.naturalWidth > 0;
      if (loaded && box.width > 0 && box.height > 0) diagramsDrawn += 1;
      else diagramsNotDrawn.push(JSON.stringify(wrapper.getAttribute("title") ?? "") + ": " + (image === null ? "sem imagem" : loaded ? box.width + "×" + box.height + " px" : "imagem não carregada"));
    }
    const visible = (element) => element.getClientRects().length > 0;
    const monitorGraphs = [...notebook.querySelectorAll(".js-plotly-plot")].filter((graph) => graph.layout?.meta?.redesNeuraisMonitor === true && visible(graph));
    const monitorBoxes = [...notebook.querySelectorAll(".redes-neurais-monitor")].filter(visible);
    const monitorPoints = monitorGraphs.map((graph) => Math.max(0, ...(graph.data ?? []).map((trace) => (trace.y ?? trace.x ?? []).length)));
    return { codeCells: codeCells.length, notExecuted, errors, figureOutputs, figuresDrawn, figuresNotDrawn, diagramsDrawn, diagramsNotDrawn, monitors: Math.max(monitorGraphs.length, monitorBoxes.length), monitorPoints };
  })()`)) as LabNotebookReport;
}

/**
 * Console errors JupyterLab itself logs in normal use: the debugger's status poll on a
 * kernel without debugger support ("No active debugger session").
 */
const benignLabConsoleErrors = [/^console: No active debugger session\b/, /^No active debugger session\b/];

/** Page errors other than JupyterLab's own benign console noise. */
export function labPageErrors(errors: readonly string[]): string[] {
  return errors.filter((error) => !benignLabConsoleErrors.some((pattern) => pattern.test(error)));
}

/** Whether a notebook trains a model with the live monitor (its code calls `trainingMonitor(`). */
export function usesTrainingMonitor(codeSources: readonly string[]): boolean {
  return codeSources.some((source) => /\btrainingMonitor\s*\(/.test(source));
}

/** Whether a notebook's code shows figures (`show(` of the library). */
export function showsFigures(codeSources: readonly string[]): boolean {
  return codeSources.some((source) => /(^|[^\w.])show\s*\(/m.test(source));
}

/**
 * What is wrong with a run notebook, as sentences (empty when all is well): cells not run,
 * errors, figures or diagrams not drawn, no figure where the code shows some, fewer
 * diagrams than `minimumDiagrams`, no monitor where it trains.
 */
export function labProblems(report: LabNotebookReport, expect: { figures: boolean; monitor: boolean; minimumDiagrams?: number }): string[] {
  const problems: string[] = [];
  if (report.codeCells === 0) problems.push("nenhuma célula de código na página");
  if (report.notExecuted.length > 0) problems.push(`células não executadas: ${report.notExecuted.join("; ")}`);
  for (const error of report.errors) problems.push(`saída de erro: ${error}`);
  for (const figure of report.figuresNotDrawn) problems.push(`figura não desenhada: ${figure}`);
  if (expect.figures && report.figureOutputs === 0) problems.push("o código chama show(...), mas nenhuma figura apareceu");
  for (const diagram of report.diagramsNotDrawn) problems.push(`diagrama não desenhado: ${diagram}`);
  const minimumDiagrams = expect.minimumDiagrams ?? 0;
  if (report.diagramsDrawn < minimumDiagrams) problems.push(`${report.diagramsDrawn} diagrama(s) desenhado(s); esperava ao menos ${minimumDiagrams}`);
  if (expect.monitor && report.monitors === 0) {
    problems.push("o código chama trainingMonitor(...), mas nenhum monitor de treino visível (layout.meta.redesNeuraisMonitor ou .redes-neurais-monitor)");
  }
  return problems;
}

/**
 * Whether the live monitor moved past its first frame: some monitor graph shows a curve of
 * two or more epochs once training is over (every notebook trains at least two, also in
 * fast mode). A monitor stuck at "época 1/N" means the in-place updates never reached the page.
 */
export function monitorProblems(report: LabNotebookReport): string[] {
  if (report.monitorPoints.length === 0 || report.monitorPoints.some((points) => points >= 2)) return [];
  return [`o monitor de treino ficou no primeiro quadro (pontos por monitor: ${report.monitorPoints.join(", ")}): as atualizações ao vivo não chegaram à página`];
}

