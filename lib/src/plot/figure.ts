import type * as Plotly from "plotly.js";

/**
 * A Plotly figure: traces, layout and configuration, as plotly.js takes them
 * (`Plotly.newPlot(div, data, layout, config)`).
 *
 * Only the trace types of the plotly.js cartesian bundle are drawn (see
 * `SUPPORTED_TRACE_TYPES`). Typed arrays (e.g. `tensor.dataSync()`) are accepted in the
 * data and turned into plain arrays when the figure is sent.
 *
 * @example
 * const fig: Figure = {
 *   data: [{ type: "scatter", mode: "lines", x: [-3, 0, 3], y: [0.05, 0.5, 0.95], name: "sigmoide" }],
 *   layout: { title: { text: "Função de ativação" }, xaxis: { title: { text: "z" } } },
 * };
 */
export interface Figure {
  data: Plotly.Data[];
  layout?: Partial<Plotly.Layout>;
  config?: Partial<Plotly.Config>;
}
