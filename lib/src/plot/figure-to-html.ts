import { randomUUID } from "node:crypto";
import type { Figure } from "./figure";
import { jsonForHtmlScript } from "./json-for-html-script";
import { plainFigure } from "./plain-figure";
import { FIGURE_CLASS, plotlyBundleScript } from "./plotly-bundle";
import { assertDrawableFigure } from "./supported-traces";

/** Options of {@link figureToHtml}. */
export interface FigureHtmlOptions {
  /**
   * `true` puts the whole plotly.js bundle (about 1.3 MB) before the figure, for a
   * standalone page with one figure. Default `false`: the page loads plotly.js once, in its
   * `<head>` (the course's handouts do).
   */
  includePlotly?: boolean;
}

/** What a figure shows when its page has no plotly.js (e.g. a notebook opened outside JupyterLab). */
export const PLOTLY_MISSING_NOTE =
  "Esta figura interativa precisa do plotly.js, que esta página não carregou. " +
  "As apostilas do curso (npm run handouts) o incluem, e o JupyterLab desenha a figura a partir do JSON do Plotly.";

/**
 * The HTML that draws `figure`: a `<div>` of class `redes-neurais-figura` with a unique id
 * and a `<script>` calling `Plotly.newPlot(id, data, layout, config)` with the page's
 * `window.Plotly`. The figure never carries plotly.js itself (unless `includePlotly`): a
 * notebook output stays small, and one replaced in place (`update_display_data`) draws
 * like the others. Without plotly.js on the page, the div shows a short note instead
 * ({@link PLOTLY_MISSING_NOTE}). No `<script src>`: nothing is fetched from the network.
 *
 * @throws {InvalidFigureError} When `figure` is not a figure.
 * @throws {UnsupportedTraceTypeError} For a trace type the bundle does not draw.
 */
export function figureToHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  assertDrawableFigure(figure);
  const { data, layout, config } = plainFigure(figure);
  const id = `${FIGURE_CLASS}-${randomUUID()}`;
  const parts: string[] = [];
  if (options.includePlotly === true) {
    parts.push(plotlyBundleScript());
  }
  parts.push(
    `<div id="${id}" class="${FIGURE_CLASS}"></div>`,
    `<script type="text/javascript">`,
    `(function () {`,
    `  var element = document.getElementById(${jsonForHtmlScript(id)});`,
    `  if (!element) return;`,
    `  if (!window.Plotly) { element.textContent = ${jsonForHtmlScript(PLOTLY_MISSING_NOTE)}; element.style.fontStyle = "italic"; return; }`,
    `  window.Plotly.newPlot(element, ${jsonForHtmlScript(data)}, ${jsonForHtmlScript(layout ?? {})}, ` +
      `${jsonForHtmlScript({ responsive: true, ...config })});`,
    `})();`,
    `</script>`,
  );
  return parts.join("\n");
}
