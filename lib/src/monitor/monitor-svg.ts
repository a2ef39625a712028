import { escapeHtml } from "../html/escape-html";
import { quantityLabel } from "./monitor-figure";
import { VALIDATION_PREFIX, type TrainingHistory } from "./training-history";
import { formatNumber } from "./training-progress";

/**
 * The monitor's chart as a self-contained SVG image, drawn in the kernel: no script, no
 * plotly.js. While training, the notebook output shows this chart and each epoch replaces
 * it — JupyterLab's Plotly renderer draws a figure once and ignores later updates of the
 * same output (jupyterlab-plotly's `renderModel` returns early when a graph exists;
 * plotly/plotly.py#3053), whereas HTML outputs are redrawn on every update.
 */

const WIDTH = 900;
const HEIGHT = 300;
const MARGIN = { top: 58, right: 16, bottom: 42, left: 62 };
const PANEL_GAP = 56;
const TRAINING_COLOUR = "#1f77b4";
const VALIDATION_COLOUR = "#d62728";

/** Options of {@link monitorSvg}. */
export interface MonitorSvgOptions {
  title: string;
  status: string;
  lastPlannedEpoch?: number;
  lossAxis?: "linear" | "log";
}

/**
 * Draws one panel per quantity (loss first), training solid and validation dashed, with
 * the title and the status line on top.
 */
export function monitorSvg(history: TrainingHistory, options: MonitorSvgOptions): string {
  const quantities = history.quantities();
  const panels = Math.max(1, quantities.length);
  const panelWidth = (WIDTH - MARGIN.left - MARGIN.right - PANEL_GAP * (panels - 1)) / panels;
  const epochs = history.toRecord().epoch;
  const lastEpoch = Math.max(options.lastPlannedEpoch ?? 1, history.lastEpoch(), 2);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" style="max-width:${WIDTH}px;font-family:sans-serif" role="img" aria-label="${escapeHtml(options.status)}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="16" font-weight="bold">${escapeHtml(options.title)}</text>`,
    `<text x="${WIDTH / 2}" y="40" text-anchor="middle" font-size="12" fill="#444">${escapeHtml(options.status)}</text>`,
  ];
  quantities.forEach((quantity, index) => {
    const left = MARGIN.left + index * (panelWidth + PANEL_GAP);
    const series = [quantity, `${VALIDATION_PREFIX}${quantity}`].filter((name) => history.names().includes(name));
    const logScale = quantity === "loss" && options.lossAxis === "log";
    const values = series.flatMap((name) => history.values(name)).filter((value) => Number.isFinite(value) && (!logScale || value > 0));
    const transform = (value: number): number => (logScale ? Math.log10(value) : value);
    let low = values.length === 0 ? 0 : Math.min(...values.map(transform));
    let high = values.length === 0 ? 1 : Math.max(...values.map(transform));
    if (high - low < 1e-12) {
      low -= 0.5;
      high += 0.5;
    }
    const x = (epoch: number): number => left + ((epoch - 1) / (lastEpoch - 1)) * panelWidth;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const y = (value: number): number => MARGIN.top + (1 - (transform(value) - low) / (high - low)) * plotHeight;
    parts.push(
      `<rect x="${left}" y="${MARGIN.top}" width="${panelWidth}" height="${plotHeight}" fill="none" stroke="#ccc"/>`,
      `<text x="${left + panelWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle" font-size="12">época</text>`,
      `<text x="${left - 48}" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${left - 48} ${MARGIN.top + plotHeight / 2})">${escapeHtml(quantityLabel(quantity))}</text>`,
    );
    for (const tick of [low, (low + high) / 2, high]) {
      const label = formatNumber(logScale ? 10 ** tick : tick, 3);
      const tickY = MARGIN.top + (1 - (tick - low) / (high - low)) * plotHeight;
      parts.push(`<text x="${left - 4}" y="${tickY + 4}" text-anchor="end" font-size="10" fill="#555">${label}</text>`);
    }
    for (const epoch of [1, Math.round((1 + lastEpoch) / 2), lastEpoch]) {
      parts.push(`<text x="${x(epoch)}" y="${HEIGHT - MARGIN.bottom + 14}" text-anchor="middle" font-size="10" fill="#555">${epoch}</text>`);
    }
    for (const name of series) {
      const validation = name.startsWith(VALIDATION_PREFIX);
      const points = history
        .values(name)
        .map((value, i) => [epochs[i] as number, value] as const)
        .filter(([, value]) => Number.isFinite(value) && (!logScale || value > 0))
        .map(([epoch, value]) => `${x(epoch).toFixed(1)},${y(value).toFixed(1)}`);
      if (points.length === 0) continue;
      parts.push(
        `<polyline fill="none" stroke-width="2" stroke="${validation ? VALIDATION_COLOUR : TRAINING_COLOUR}"` +
          `${validation ? ' stroke-dasharray="6 4"' : ""} points="${points.join(" ")}"><title>${validation ? "validação" : "treino"}</title></polyline>`,
      );
    }
  });
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + 24}" y1="50" y2="50" stroke="${TRAINING_COLOUR}" stroke-width="2"/>`,
    `<text x="${MARGIN.left + 28}" y="54" font-size="11">treino</text>`,
  );
  if (history.names().some((name) => name.startsWith(VALIDATION_PREFIX))) {
    parts.push(
      `<line x1="${MARGIN.left + 80}" x2="${MARGIN.left + 104}" y1="50" y2="50" stroke="${VALIDATION_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="${MARGIN.left + 108}" y="54" font-size="11">validação</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}
