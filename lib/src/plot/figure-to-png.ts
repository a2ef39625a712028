import type { Page } from "playwright-core";
import { describeThrown } from "../errors";
import type { Figure } from "./figure";
import { withDeadline, withHeadlessChromiumPage } from "./headless-chromium";
import { plainFigure } from "./plain-figure";
import { InvalidImageSizeError, PngRenderError } from "./plot-errors";
import { plotlyBundleScript } from "./plotly-bundle";
import { assertDrawableFigure } from "./supported-traces";

/** Size of a PNG export. The image has `width × scale` by `height × scale` pixels. */
export interface PngOptions {
  /** Layout width in CSS pixels (integer from 1 to 10 000). */
  width: number;
  /** Layout height in CSS pixels (integer from 1 to 10 000). */
  height: number;
  /** Pixel density: 2 gives a sharp image for print. Default 1; from 0.1 to 10. */
  scale?: number;
  /** The Chromium executable; default: see `findChromium` (`CHROMIUM_PATH`, /usr/bin/chromium, ...). */
  chromiumPath?: string;
  /** Give up after this many milliseconds: bounds the launch, the page load and the drawing, each. Default 60 000. */
  timeoutMs?: number;
}

/** The largest side accepted, in CSS pixels. */
const MAX_SIDE = 10_000;

/** plotly.js as the rendering page sees it. */
interface PlotlyInPage {
  newPlot(id: string, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
  toImage(id: string, options: { format: "png"; width: number; height: number; scale: number }): Promise<string>;
}

/**
 * Renders a figure to PNG with headless Chromium (driven by playwright-core) and plotly.js's
 * `Plotly.toImage`, offline: the page carries the plotly.js bundle inline. Chromium starts
 * with a fresh profile folder, removed afterwards, and is always closed.
 *
 * @example
 * const png = await figureToPng(fig, { width: 640, height: 400, scale: 2 }); // 1280×800 pixels
 *
 * Reference: docs/arquitetura.md §6 (static PNG for PDFs).
 * @throws {InvalidFigureError} When `figure` is not a figure.
 * @throws {UnsupportedTraceTypeError} For a trace type the course's plotly.js does not draw.
 * @throws {InvalidImageSizeError} For a width, height or scale out of range.
 * @throws {ChromiumNotFoundError} When no Chromium is installed (the message says how to install it).
 * @throws {PngRenderError} When Chromium does not start, or the page or plotly.js fails or times out.
 */
export async function figureToPng(figure: Figure, options: PngOptions): Promise<Buffer> {
  assertDrawableFigure(figure);
  const image = { format: "png" as const, ...checkedSize(options) };
  const payload = { ...plainFigure(figure), image };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const chromium = { timeoutMs, ...(options.chromiumPath === undefined ? {} : { chromiumPath: options.chromiumPath }) };

  const dataUrl = await withHeadlessChromiumPage(chromium, (page) => drawPngDataUrl(page, renderingPage(), payload, timeoutMs));
  return decodePngDataUrl(dataUrl);
}

/** What the rendering page draws: the figure and the image's format and size. */
export interface PngPayload {
  data: unknown;
  layout?: unknown;
  config?: unknown;
  image: { format: "png"; width: number; height: number; scale: number };
}

/**
 * Loads `html` (a page defining `window.Plotly`, with a `<div id="figura">`) into `page`,
 * draws the figure there and returns `Plotly.toImage`'s data URL. Every step is bounded by
 * `timeoutMs`, and any failure (a timeout, a page that does not load, plotly.js refusing the
 * figure) becomes a {@link PngRenderError}.
 *
 * @throws {PngRenderError} When the page does not load or plotly.js does not draw in time.
 */
export async function drawPngDataUrl(page: Page, html: string, payload: PngPayload, timeoutMs: number): Promise<string> {
  let step = "carregar a página de desenho (com o plotly.js)";
  try {
    await page.setContent(html, { timeout: timeoutMs });
    step = "desenhar a figura com o plotly.js";
    return await withDeadline(
      page.evaluate(async (input) => {
        const plotly = (globalThis as unknown as { Plotly?: PlotlyInPage }).Plotly;
        if (plotly === undefined) throw new Error("window.Plotly não existe na página");
        await plotly.newPlot("figura", input.data, input.layout ?? {}, { ...(input.config ?? {}), staticPlot: true });
        return plotly.toImage("figura", input.image);
      }, payload),
      timeoutMs,
    );
  } catch (error) {
    throw new PngRenderError(
      `Não consegui gerar o PNG da figura no Chromium (etapa: ${step}): ${describeThrown(error).split("\n")[0]}. ` +
        `Se a figura é muito grande, aumente timeoutMs (agora ${timeoutMs} ms).`,
      { cause: error },
    );
  }
}

function renderingPage(): string {
  return [
    `<!doctype html><html><head><meta charset="utf-8">`,
    plotlyBundleScript(),
    `</head><body style="margin:0"><div id="figura"></div></body></html>`,
  ].join("\n");
}

function checkedSize(options: PngOptions): { width: number; height: number; scale: number } {
  const scale = options.scale ?? 1;
  const problems: string[] = [];
  for (const [name, value] of [
    ["width", options.width],
    ["height", options.height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_SIDE) {
      problems.push(`${name} deve ser um inteiro de 1 a ${MAX_SIDE} (pixels), mas chegou ${String(value)}`);
    }
  }
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale < 0.1 || scale > 10) {
    problems.push(`scale deve ser um número de 0,1 a 10, mas chegou ${String(scale)}`);
  }
  if (problems.length > 0) {
    throw new InvalidImageSizeError(
      `Tamanho de PNG inválido: ${problems.join("; ")}. Exemplo: { width: 640, height: 400, scale: 2 }.`,
    );
  }
  return { width: options.width, height: options.height, scale };
}

function decodePngDataUrl(dataUrl: string): Buffer {
  const prefix = "data:image/png;base64,";
  if (typeof dataUrl !== "string" || !dataUrl.startsWith(prefix)) {
    throw new PngRenderError(`O plotly.js devolveu "${String(dataUrl).slice(0, 40)}…" em vez de uma imagem PNG.`);
  }
  return Buffer.from(dataUrl.slice(prefix.length), "base64");
}
