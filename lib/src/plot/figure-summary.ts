import type { Figure } from "./figure";
import { traceTypeOf } from "./supported-traces";

/**
 * A text stand-in for a figure (`text/plain`), for front ends that draw neither Plotly
 * JSON nor HTML, e.g. `Figura Plotly "Perda por época": 2 traços (scatter, scatter).`
 */
export function figureSummary(figure: Figure): string {
  const count = figure.data.length;
  const types = figure.data.map(traceTypeOf).join(", ");
  const title = titleOf(figure);
  const named = title === null ? "Figura Plotly" : `Figura Plotly "${title}"`;
  const traces = count === 1 ? "1 traço" : `${count} traços`;
  return `${named}: ${traces}${count > 0 ? ` (${types})` : ""}. Abra no JupyterLab ou no HTML do material para vê-la.`;
}

function titleOf(figure: Figure): string | null {
  const title: unknown = figure.layout?.title;
  if (typeof title === "string" && title !== "") return title;
  const text = (title as { text?: unknown } | undefined)?.text;
  return typeof text === "string" && text !== "" ? text : null;
}
