import { createUpdatableDisplay, type UpdatableDisplay } from "../jupyter/updatable-display";
import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import { figureToHtml } from "../plot/figure-to-html";
import { PLOTLY_MIME_TYPE } from "../plot/jupyter-figure-sink";
import { plainFigure } from "../plot/plain-figure";
import type { Figure } from "../plot/figure";
import { escapeHtml } from "../html/escape-html";
import { MONITOR_CLASS } from "./monitor-figure";

/** One state of the monitor to show: the figure and its status line. */
export interface MonitorView {
  figure: Figure;
  /** The same chart as a self-contained SVG image (drawn while training; see monitor-svg.ts). */
  svg: string;
  status: string;
  finished: boolean;
}

/** Where the monitor draws: a notebook output updated in place, or a terminal line. */
export interface MonitorOutput {
  render(view: MonitorView): void;
}

/**
 * The notebook output: created at the first render and replaced in place afterwards
 * (`update_display_data`), so the saved notebook and the handout keep the final state.
 *
 * While training, the output is HTML with an SVG chart drawn in the kernel, which every
 * front end redraws on each update (JupyterLab's Plotly renderer would not: it draws a
 * figure once and ignores updates). The final state is the interactive figure: Plotly JSON
 * for JupyterLab (the change of MIME type makes JupyterLab build a new renderer), HTML for
 * nbconvert handouts; both inside a wrapper of class `redes-neurais-monitor`, and the
 * status line as plain text for anything else.
 */
function jupyterMonitorOutput(): MonitorOutput {
  let display: UpdatableDisplay | undefined;
  return {
    render(view) {
      display ??= createUpdatableDisplay();
      const wrapperStart = `<div class="${MONITOR_CLASS}" data-finished="${view.finished}" title="${escapeHtml(view.status)}">\n`;
      if (!view.finished) {
        display.show({ "text/html": `${wrapperStart}${view.svg}\n</div>`, "text/plain": view.status });
        return;
      }
      const plain = plainFigure(view.figure);
      display.show({
        [PLOTLY_MIME_TYPE]: { data: plain.data, layout: plain.layout ?? {}, config: plain.config ?? {} },
        "text/html": `${wrapperStart}${figureToHtml(plain)}\n</div>`,
        "text/plain": view.status,
      });
    },
  };
}

/** What the terminal output writes to (stdout by default; never stderr). */
export interface LineWriter {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The terminal output of a plain Node script: on a terminal, one line rewritten in place
 * (`\r`); otherwise (a log file, a pipe) one line per render. Writes only to stdout.
 */
export function terminalMonitorOutput(stream: LineWriter = process.stdout): MonitorOutput {
  let width = 0;
  return {
    render(view) {
      if (stream.isTTY === true) {
        const line = view.status.padEnd(width);
        width = Math.max(width, view.status.length);
        stream.write(`\r${line}${view.finished ? "\n" : ""}`);
      } else {
        stream.write(`${view.status}\n`);
      }
    },
  };
}

/** The output for where the code runs: the notebook inside tslab, the terminal elsewhere. */
export function defaultMonitorOutput(): MonitorOutput {
  return isInsideTslabKernel() ? jupyterMonitorOutput() : terminalMonitorOutput();
}
