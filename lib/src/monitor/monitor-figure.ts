import { escapeHtml } from "../html/escape-html";
import type { Figure } from "../plot/figure";
import { VALIDATION_PREFIX, type TrainingHistory } from "./training-history";

/** Marks the monitor's figures (`layout.meta.redesNeuraisMonitor`), for browser checks and tools. */
export const MONITOR_META_KEY = "redesNeuraisMonitor";

/** The CSS class of the monitor's HTML output. */
export const MONITOR_CLASS = "redes-neurais-monitor";

const TRAINING_COLOUR = "#1f77b4";
const VALIDATION_COLOUR = "#d62728";

/** Portuguese labels of the names TensorFlow.js logs most often. */
const QUANTITY_LABELS: Readonly<Record<string, string>> = {
  loss: "perda (loss)",
  acc: "acurácia",
  accuracy: "acurácia",
  binaryAccuracy: "acurácia",
  categoricalAccuracy: "acurácia",
  mse: "erro quadrático médio",
  meanSquaredError: "erro quadrático médio",
  mae: "erro absoluto médio",
  meanAbsoluteError: "erro absoluto médio",
};

/** The label of a logged quantity (`acc` → `acurácia`). */
export function quantityLabel(name: string): string {
  return QUANTITY_LABELS[name] ?? name;
}

/**
 * The monitor's figure: one panel per quantity (loss first, then each metric), training
 * as a solid line and validation dashed, the x axis fixed to the planned epochs so the
 * chart does not jump while it grows; the status line as the title.
 *
 * @param history The epochs recorded so far.
 * @param title The run's title.
 * @param status The status line (epoch, values, time, ETA).
 * @param lastPlannedEpoch The last epoch planned, if known (x axis range).
 * @param lossAxis The scale of the loss panel's y axis.
 */
export function monitorFigure(
  history: TrainingHistory,
  title: string,
  status: string,
  lastPlannedEpoch?: number,
  lossAxis: "linear" | "log" = "linear",
): Figure {
  const quantities = history.quantities();
  const panels = Math.max(1, quantities.length);
  const gap = 0.08;
  const width = (1 - gap * (panels - 1)) / panels;
  const epochs = history.toRecord().epoch;
  const data: Figure["data"] = [];
  const layout: Record<string, unknown> = {
    title: { text: `<b>${escapeHtml(title)}</b><br><span style="font-size:12px">${escapeHtml(status)}</span>` },
    height: 330,
    margin: { t: 70, b: 45, l: 60, r: 20 },
    legend: { orientation: "h", x: 0, y: -0.2 },
    meta: { [MONITOR_META_KEY]: true },
  };
  quantities.forEach((quantity, index) => {
    const suffix = index === 0 ? "" : String(index + 1);
    const start = index * (width + gap);
    const xaxis: Record<string, unknown> = {
      domain: [start, start + width],
      title: { text: "época" },
      anchor: `y${suffix}`,
    };
    if (lastPlannedEpoch !== undefined && lastPlannedEpoch > 1) xaxis["range"] = [1, lastPlannedEpoch];
    layout[`xaxis${suffix}`] = xaxis;
    const yaxis: Record<string, unknown> = { title: { text: quantityLabel(quantity) }, anchor: `x${suffix}` };
    if (quantity === "loss" && lossAxis === "log") yaxis["type"] = "log";
    layout[`yaxis${suffix}`] = yaxis;
    for (const [name, role, colour, dash] of [
      [quantity, "treino", TRAINING_COLOUR, "solid"],
      [`${VALIDATION_PREFIX}${quantity}`, "validação", VALIDATION_COLOUR, "dash"],
    ] as const) {
      if (!history.names().includes(name)) continue;
      data.push({
        type: "scatter",
        mode: "lines",
        x: epochs,
        y: history.values(name).map((value) => (Number.isFinite(value) ? value : null)),
        name: role,
        legendgroup: role,
        showlegend: index === 0,
        line: { color: colour, dash },
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
      });
    }
  });
  return { data, layout: layout as Figure["layout"], config: { displaylogo: false } };
}
