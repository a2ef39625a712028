/**
 * The decision boundary of a two-input logistic regression, y = 1/2 ⇔ w₁x₁ + w₂x₂ + b = 0,
 * drawn in the original units when the inputs were scaled (x = (c − shift)/scale, e.g. by `fitScaler`).
 */
import { TrainingInputError } from "./training-errors";

/**
 * Points of the line w₁(c₁ − m₁)/s₁ + w₂(c₂ − m₂)/s₂ + b = 0 for c₁ across `range`
 * (m = shift, s = scale).
 *
 * @param w The two weights; `b` the bias.
 * @param scaling The `shift` and `scale` of the inputs, e.g. the `Scaler` of `fitScaler` (default: none).
 * @param range [min, max] of the first quantity c₁.
 * @returns Two points { x: [c₁, c₁′], y: [c₂, c₂′] }, ready for a Plotly line trace.
 * @throws {TrainingInputError} For not exactly two weights, or w₂ = 0 (a vertical line: swap the axes).
 */
export function decisionBoundaryLine(
  w: readonly number[],
  b: number,
  range: readonly [number, number],
  scaling: { shift: readonly number[]; scale: readonly number[] } = { shift: [0, 0], scale: [1, 1] },
): { x: number[]; y: number[] } {
  if (w.length !== 2 || scaling.shift.length !== 2 || scaling.scale.length !== 2) {
    throw new TrainingInputError(`A fronteira num diagrama cor–cor precisa de exatamente 2 pesos; recebi ${w.length}.`);
  }
  const [w1, w2] = w as [number, number];
  const [m1, m2] = scaling.shift as [number, number];
  const [s1, s2] = scaling.scale as [number, number];
  if (w2 === 0) {
    throw new TrainingInputError("w₂ = 0: a fronteira é vertical (não depende de c₂); troque os eixos para desenhá-la.");
  }
  const x = [range[0], range[1]];
  return { x, y: x.map((c1) => m2 - (s2 / w2) * (b + (w1 * (c1 - m1)) / s1)) };
}
