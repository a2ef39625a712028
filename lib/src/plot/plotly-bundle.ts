import { readFileSync } from "node:fs";

/** The plotly.js build the course inlines: cartesian traces only, about 1.3 MB. */
export const PLOTLY_BUNDLE_PACKAGE = "plotly.js-cartesian-dist-min";

let cachedBundle: string | null = null;
let includedInThisProcess = false;

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
 * Whether an HTML figure of this process already carried the bundle. In a notebook the
 * outputs share one page, so only the first figure needs it.
 */
export function isPlotlyBundleIncluded(): boolean {
  return includedInThisProcess;
}

/**
 * Claims the bundle for the figure being rendered.
 *
 * @returns `true` the first time in the process (this figure must inline the bundle),
 *   `false` afterwards.
 */
export function claimPlotlyBundleInclusion(): boolean {
  const first = !includedInThisProcess;
  includedInThisProcess = true;
  return first;
}

/**
 * Forgets that the bundle was included, so the next HTML figure inlines it again: for tests,
 * and for tools that write several independent HTML pages in one process.
 */
export function resetPlotlyBundleInclusion(): void {
  includedInThisProcess = false;
}
