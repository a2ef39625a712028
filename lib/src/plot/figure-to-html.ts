import { randomUUID } from "node:crypto";
import type { Figure } from "./figure";
import { jsonForHtmlScript } from "./json-for-html-script";
import { plainFigure } from "./plain-figure";
import { claimPlotlyBundleInclusion, plotlyBundleSource } from "./plotly-bundle";
import { assertDrawableFigure } from "./supported-traces";

/**
 * When the HTML of a figure carries plotly.js itself:
 * - `once-per-process` (default): the first figure of the process does, later ones rely on it
 *   (notebook outputs share one page);
 * - `always`: every time (a standalone page);
 * - `never`: never (the page loads plotly.js in another way).
 */
export type PlotlyInclusion = "once-per-process" | "always" | "never";

/** Options of {@link figureToHtml}. */
export interface FigureHtmlOptions {
  includePlotly?: PlotlyInclusion;
}

/**
 * The HTML that draws `figure`: a `<div>` with a unique id and a `<script>` calling
 * `Plotly.newPlot(id, data, layout, config)`, preceded, for the first figure of the
 * process, by the whole plotly.js cartesian bundle inline. No `<script src>`: an nbconvert
 * HTML handout works offline.
 *
 * @throws {InvalidFigureError} When `figure` is not a figure.
 * @throws {UnsupportedTraceTypeError} For a trace type the bundle does not draw.
 */
export function figureToHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  assertDrawableFigure(figure);
  const inclusion = options.includePlotly ?? "once-per-process";
  const includeBundle = inclusion === "always" || (inclusion === "once-per-process" && claimPlotlyBundleInclusion());
  const { data, layout, config } = plainFigure(figure);
  const id = `redes-neurais-figura-${randomUUID()}`;
  const missingPlotly = "plotly.js não foi carregado nesta página: reexecute o notebook desde a primeira célula com gráfico.";
  const parts: string[] = [];
  if (includeBundle) {
    parts.push(`<script type="text/javascript">\n${plotlyBundleSource()}\n</script>`);
  }
  parts.push(
    `<div id="${id}" class="redes-neurais-figura"></div>`,
    `<script type="text/javascript">`,
    `(function () {`,
    `  var element = document.getElementById(${jsonForHtmlScript(id)});`,
    `  if (!window.Plotly) { element.textContent = ${jsonForHtmlScript(missingPlotly)}; return; }`,
    `  window.Plotly.newPlot(element, ${jsonForHtmlScript(data)}, ${jsonForHtmlScript(layout ?? {})}, ` +
      `${jsonForHtmlScript({ responsive: true, ...config })});`,
    `})();`,
    `</script>`,
  );
  return parts.join("\n");
}
