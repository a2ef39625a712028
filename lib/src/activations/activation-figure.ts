import type { Figure } from "../plot/figure";
import {
  ACTIVATION_LABELS,
  activationDerivativeValue,
  activationValue,
  assertActivationName,
  type ActivationName,
} from "./activation-functions";
import { InvalidActivationInputError } from "./activation-errors";

/** Options of {@link activationFigure}. */
export interface ActivationFigureOptions {
  /** The z interval drawn (default [-5, 5]). */
  range?: readonly [number, number];
  /** How many points per curve (default 201). */
  points?: number;
}

/** `points` equally spaced numbers from `start` to `end`. */
export function evenlySpaced(start: number, end: number, points: number): number[] {
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start)) {
    throw new InvalidActivationInputError(
      `Esperava um intervalo [início, fim] com início < fim, ambos finitos; chegou [${start}, ${end}].`,
    );
  }
  if (!Number.isInteger(points) || points < 2) {
    throw new InvalidActivationInputError(`Esperava pelo menos 2 pontos (inteiro); chegou ${points}.`);
  }
  return Array.from({ length: points }, (_, i) => start + ((end - start) * i) / (points - 1));
}

/**
 * A figure of one activation function f(z) and its derivative f'(z), e.g.
 * `show(activationFigure("sigmoid"))`.
 *
 * @throws {UnknownActivationError} For an unknown name.
 * @throws {InvalidActivationInputError} For a bad range or number of points.
 */
export function activationFigure(name: ActivationName, options: ActivationFigureOptions = {}): Figure {
  assertActivationName(name);
  const [start, end] = options.range ?? [-5, 5];
  const z = evenlySpaced(start, end, options.points ?? 201);
  const label = ACTIVATION_LABELS[name];
  return {
    data: [
      { type: "scatter", mode: "lines", name: "f(z)", x: z, y: z.map((v) => activationValue(name, v)) },
      {
        type: "scatter", mode: "lines", name: "f′(z)", line: { dash: "dash" },
        x: z, y: z.map((v) => activationDerivativeValue(name, v)),
      },
    ],
    layout: {
      title: { text: `${label}: f(z) e sua derivada f′(z)` },
      xaxis: { title: { text: "z" }, zeroline: true },
      yaxis: { title: { text: "f(z), f′(z)" }, zeroline: true },
      width: 520,
      height: 360,
    },
  };
}
