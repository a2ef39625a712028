import { displayMimeBundle } from "../jupyter/display-mime-bundle";
import type { MimeBundle } from "../jupyter/mime-bundle";
import type { Figure } from "./figure";
import { figureSummary } from "./figure-summary";
import { figureToHtml } from "./figure-to-html";
import { plainFigure } from "./plain-figure";
import { assertDrawableFigure } from "./supported-traces";

/** The MIME type JupyterLab's Plotly renderer draws (also in untrusted notebooks). */
export const PLOTLY_MIME_TYPE = "application/vnd.plotly.v1+json";

/**
 * A figure in three formats for one notebook output:
 * - `application/vnd.plotly.v1+json` (`{ data, layout, config }`): JupyterLab draws it;
 * - `text/html` ({@link figureToHtml}): nbconvert's HTML handouts draw it, offline;
 * - `text/plain`: a one-line description for everything else.
 *
 * Reference: docs/arquitetura.md §6 ("What renders everywhere").
 *
 * @throws {InvalidFigureError} When `figure` is not a figure.
 * @throws {UnsupportedTraceTypeError} For a trace type the course's plotly.js does not draw.
 */
export function figureMimeBundle(figure: Figure): MimeBundle {
  assertDrawableFigure(figure);
  const plain = plainFigure(figure);
  return {
    [PLOTLY_MIME_TYPE]: { data: plain.data, layout: plain.layout ?? {}, config: plain.config ?? {} },
    "text/html": figureToHtml(plain),
    "text/plain": figureSummary(plain),
  };
}

/**
 * Shows a figure as one output of the running tslab kernel.
 *
 * @throws {NotInsideJupyterError} Outside a running tslab kernel.
 */
export function showInJupyter(figure: Figure): void {
  displayMimeBundle(figureMimeBundle(figure));
}
