/**
 * The plotly.js bundle the course uses, and how a page tells that it needs it: the one
 * place both the library and the tools (handout builder, tests) read this from.
 *
 * Importing this module loads nothing but `node:fs` (no TensorFlow): the tools import it
 * through `@redes-neurais/lib/ferramentas` (lib/src/tools-entry.ts), not the library's index.
 *
 * Figure outputs never carry the bundle (it is about 1.3 MB, and an output replaced by
 * `update_display_data` would lose it): the page that shows them loads it once, in its
 * `<head>` — the handouts do, JupyterLab draws the Plotly JSON itself.
 */
import { readFileSync } from "node:fs";

/** The plotly.js build the course uses: cartesian traces only, about 1.3 MB. */
const PLOTLY_BUNDLE_PACKAGE = "plotly.js-cartesian-dist-min";

/** The class of the `<div>` of every course figure's HTML (see `figureToHtml`). */
export const FIGURE_CLASS = "redes-neurais-figura";

/** The attribute naming the `<script>` element that carries the bundle ({@link plotlyBundleScript}). */
const PLOTLY_BUNDLE_SCRIPT_ATTRIBUTE = "data-redes-neurais-plotly";

let cachedBundle: string | null = null;

/** Absolute path of the minified plotly.js bundle in node_modules. */
export function plotlyBundlePath(): string {
  return require.resolve(PLOTLY_BUNDLE_PACKAGE);
}

/**
 * The plotly.js bundle's source, ready to sit inside an HTML `<script>` element (any
 * `</script` in it is written `<\/script`; the 3.1.0 bundle has none). Read once, then cached.
 *
 * It defines `window.Plotly` and has no AMD branch, so RequireJS on the page does not hide it.
 */
export function plotlyBundleSource(): string {
  if (cachedBundle === null) {
    cachedBundle = readFileSync(plotlyBundlePath(), "utf8").replace(/<\/(script)/gi, "<\\/$1");
  }
  return cachedBundle;
}

/**
 * The bundle as one inline `<script>` element (no `src`: the page works offline), marked
 * with {@link PLOTLY_BUNDLE_SCRIPT_ATTRIBUTE}. Put it in the page's `<head>`, once.
 */
export function plotlyBundleScript(): string {
  return `<script type="text/javascript" ${PLOTLY_BUNDLE_SCRIPT_ATTRIBUTE}>\n${plotlyBundleSource()}\n</script>`;
}

/**
 * How many course figures an HTML page shows (`<div>`s of class {@link FIGURE_CLASS}): a
 * page with one or more needs {@link plotlyBundleScript}. HTML-escaped copies of a figure's
 * HTML (printed as text) do not count.
 */
export function countCourseFigures(html: string): number {
  return html.match(new RegExp(`<div\\b[^>]*\\sclass="${FIGURE_CLASS}"`, "g"))?.length ?? 0;
}
