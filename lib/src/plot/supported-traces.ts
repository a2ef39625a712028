import type { Figure } from "./figure";
import { InvalidFigureError, UnsupportedTraceTypeError } from "./plot-errors";

/**
 * The trace types registered by plotly.js-cartesian-dist-min 3.1.0, the bundle the course
 * uses (its README lists them; `supported-traces.test.ts` checks them against the bundle).
 */
export const SUPPORTED_TRACE_TYPES = [
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
] as const;

/**
 * The type of a trace as plotly.js reads it: `scatter` when `type` is absent.
 */
export function traceTypeOf(trace: unknown): string {
  const type = (trace as { type?: unknown } | null)?.type;
  return type === undefined || type === null ? "scatter" : String(type);
}

/**
 * Checks that `figure` has the shape of a {@link Figure} and only drawable traces.
 *
 * @throws {InvalidFigureError} When `figure` is not `{ data: [...] }` or a trace is not an object.
 * @throws {UnsupportedTraceTypeError} Naming the first trace whose type the bundle lacks.
 */
export function assertDrawableFigure(figure: Figure): void {
  const data = (figure as Partial<Figure> | null)?.data;
  if (!Array.isArray(data)) {
    throw new InvalidFigureError(
      `Esperava uma figura no formato { data: [traços], layout?, config? }, mas chegou ${describe(figure)}. ` +
        `Exemplo: { data: [{ type: "scatter", x: [1, 2], y: [3, 4] }] }.`,
    );
  }
  data.forEach((trace, index) => {
    if (typeof trace !== "object" || trace === null || Array.isArray(trace)) {
      throw new InvalidFigureError(
        `O traço ${index} da figura deveria ser um objeto como { type: "scatter", x: [...], y: [...] }, ` +
          `mas chegou ${describe(trace)}.`,
      );
    }
    const type = traceTypeOf(trace);
    if (!(SUPPORTED_TRACE_TYPES as readonly string[]).includes(type)) {
      throw new UnsupportedTraceTypeError(type, index, SUPPORTED_TRACE_TYPES);
    }
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "uma lista";
  if (typeof value === "object") return `um objeto sem a lista "data" (chaves: ${Object.keys(value).join(", ") || "nenhuma"})`;
  return `${typeof value} (${String(value)})`;
}
