import { CourseError } from "../errors";

/** Something that is not a figure was given where a {@link Figure} was expected. */
export class InvalidFigureError extends CourseError {
  override name = "InvalidFigureError";
}

/** A trace uses a type the course's plotly.js bundle does not draw. */
export class UnsupportedTraceTypeError extends CourseError {
  override name = "UnsupportedTraceTypeError";

  /**
   * @param traceType The trace's `type`.
   * @param traceIndex The trace's position in `figure.data`.
   * @param supported The types that are drawn.
   */
  constructor(
    readonly traceType: string,
    readonly traceIndex: number,
    readonly supported: readonly string[],
  ) {
    super(
      `O traço ${traceIndex} da figura tem type "${traceType}", que o plotly.js do curso ` +
        `(pacote "cartesian") não desenha. Tipos aceitos: ${supported.join(", ")}. ` +
        `Troque o type do traço por um desses (por exemplo "scatter" para pontos e linhas, "heatmap" para imagens).`,
    );
  }
}
