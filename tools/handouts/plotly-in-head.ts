/**
 * Gives a handout the plotly.js its figures draw with: the bundle, once, as a plain
 * inline `<script>` at the end of the page's `<head>` (no `src`: the handout stays
 * offline), and only when the page shows at least one course figure.
 *
 * Figure outputs never carry plotly.js themselves (see lib/src/plot/figure-to-html.ts):
 * an output replaced by `update_display_data`, or a re-run cell, would lose it.
 * Which bundle, and how a figure is recognized, come from the library's
 * `plot/plotly-bundle` module, imported through `@redes-neurais/lib/ferramentas`, which loads no TensorFlow.
 */
import { countCourseFigures, plotlyBundleScript } from "@redes-neurais/lib/ferramentas";

export interface PageWithPlotly {
  html: string;
  /** How many course figures the page shows (0: the page was left as it was). */
  figureCount: number;
}

/** The handout page had no `</head>` to put plotly.js before. */
class PageWithoutHeadError extends Error {
  override name = "PageWithoutHeadError";
}

export function includePlotlyInHead(html: string): PageWithPlotly {
  const figureCount = countCourseFigures(html);
  if (figureCount === 0) return { html, figureCount };
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd < 0) {
    throw new PageWithoutHeadError(
      `A apostila tem ${figureCount} figura(s) mas nenhum </head> onde pôr o plotly.js: ` +
        "o modelo tools/jupyter/templates/redes-neurais foi alterado?",
    );
  }
  // Slices, not String.replace: the bundle contains "$&", which replace would expand.
  return { html: `${html.slice(0, headEnd)}${plotlyBundleScript()}\n${html.slice(headEnd)}`, figureCount };
}
