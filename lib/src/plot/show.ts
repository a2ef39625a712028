import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import type { Figure } from "./figure";
import type { FigureSink } from "./figure-sink";
import { showInJupyter } from "./jupyter-figure-sink";
import { createNodeplotlibSink } from "./nodeplotlib-sink";
import { assertDrawableFigure } from "./supported-traces";

/** Where {@link show} sends figures; the defaults suit real use, tests replace them. */
export interface ShowOptions {
  /** Used inside a tslab kernel. Default: one output with Plotly JSON, HTML and text. */
  jupyterSink?: FigureSink;
  /** Used outside Jupyter (plain Node scripts). Default: nodeplotlib in the browser. */
  scriptSink?: FigureSink;
}

/**
 * Shows a figure where the code runs:
 * - in a notebook (tslab kernel): one output that JupyterLab draws from its Plotly JSON and
 *   nbconvert handouts draw, offline, from its HTML;
 * - in a plain Node script: nodeplotlib, which opens the figure in the browser.
 *
 * @example
 * show({ data: [{ type: "histogram", x: magnitudes }], layout: { title: { text: "Magnitudes r" } } });
 *
 * @param figure The figure.
 * @param options Replacement sinks (tests).
 * @throws {InvalidFigureError} When `figure` is not a figure.
 * @throws {UnsupportedTraceTypeError} For a trace type the course's plotly.js does not draw.
 */
export function show(figure: Figure, options: ShowOptions = {}): void {
  assertDrawableFigure(figure);
  const sink = isInsideTslabKernel()
    ? (options.jupyterSink ?? showInJupyter)
    : (options.scriptSink ?? defaultScriptSink());
  sink(figure);
}

let nodeplotlibSink: FigureSink | null = null;

function defaultScriptSink(): FigureSink {
  nodeplotlibSink ??= createNodeplotlibSink();
  return nodeplotlibSink;
}
