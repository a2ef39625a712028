import type { Figure } from "../plot/figure";
import { ACTIVATION_LABELS, activationValue, assertActivationName, type ActivationName } from "./activation-functions";
import { InvalidActivationInputError } from "./activation-errors";
import { evenlySpaced } from "./activation-figure";

/** Options of {@link weightSliderFigure}. */
export interface WeightSliderOptions {
  /** The activation f in y = f(w0 + w1·x). */
  activation: ActivationName;
  /** Which weight the slider moves. */
  vary: "w0" | "w1";
  /** The slider's values of that weight (precomputed steps). */
  values: readonly number[];
  /** The value of the other weight (default: w0 = 0 or w1 = 1). */
  fixed?: number;
  /** The x interval drawn (default [-6, 6]). */
  range?: readonly [number, number];
}

/**
 * An interactive figure of y = f(w0 + w1·x) with a slider over one weight.
 *
 * Every curve is computed here, one trace per slider value, and the slider only switches
 * which trace is visible (Plotly `restyle` steps): the figure therefore also works in a
 * static HTML handout, with no kernel behind it.
 *
 * @throws {UnknownActivationError} For an unknown activation.
 * @throws {InvalidActivationInputError} For no values, a NaN/infinite value or a bad range.
 */
export function weightSliderFigure(options: WeightSliderOptions): Figure {
  const { activation, vary, values } = options;
  assertActivationName(activation);
  if (vary !== "w0" && vary !== "w1") {
    throw new InvalidActivationInputError(`O controle deslizante move "w0" ou "w1"; chegou ${JSON.stringify(vary)}.`);
  }
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new InvalidActivationInputError(
      `Esperava uma lista não vazia de valores finitos para ${vary}, como [-2, -1, 0, 1, 2]; ` +
        `chegou ${Array.isArray(values) ? `[${values.join(", ")}]` : typeof values}.`,
    );
  }
  const fixed = options.fixed ?? (vary === "w0" ? 1 : 0);
  if (!Number.isFinite(fixed)) {
    throw new InvalidActivationInputError(`O peso fixo deve ser um número finito; chegou ${fixed}.`);
  }
  const [start, end] = options.range ?? [-6, 6];
  const x = evenlySpaced(start, end, 161);
  const other = vary === "w0" ? "w1" : "w0";
  const active = Math.floor(values.length / 2);
  const data = values.map((value, index) => {
    const w0 = vary === "w0" ? value : fixed;
    const w1 = vary === "w1" ? value : fixed;
    return {
      type: "scatter" as const,
      mode: "lines" as const,
      name: `${vary} = ${value}`,
      visible: index === active,
      x,
      y: x.map((v) => activationValue(activation, w0 + w1 * v)),
    };
  });
  const steps = values.map((value, index) => ({
    label: String(value),
    method: "restyle" as const,
    args: [{ visible: values.map((_, j) => j === index) }],
  }));
  return {
    data,
    layout: {
      title: { text: `y = f(w0 + w1·x), f = ${ACTIVATION_LABELS[activation]}, ${other} = ${fixed}` },
      xaxis: { title: { text: "x" }, range: [start, end] },
      yaxis: { title: { text: "y" } },
      showlegend: false,
      width: 560,
      height: 420,
      sliders: [{ active, currentvalue: { prefix: `${vary} = ` }, pad: { t: 40 }, steps }],
    },
  };
}
