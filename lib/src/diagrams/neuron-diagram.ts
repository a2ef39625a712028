/**
 * One artificial neuron drawn from the object notebook 01 computes with
 * (lib/src/neuron/neuron-output.ts): inputs x_i, weights w_i on the edges, the bias b, the
 * sum z = b + Σ w_i x_i and the activation f; with inputs, their values, z and y = f(z).
 */
import { ACTIVATION_LABELS } from "../activations/activation-functions";
import { neuronOutput, type Neuron } from "../neuron/neuron-output";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatValue, subscript, visibleUnits } from "./diagram-text";
import { describeValue } from "./layer-sizes";
import { COLOURS, HALO, SMALL_SIZE, arrow, element, group, labelledBox, svgDiagram, text } from "./svg-document";

/** At most this many inputs are drawn; the others are summarised by ⋮. */
const MAXIMUM_INPUTS_DRAWN = 8;
const WIDTH = 960;
const ROW = 70;
const INPUT_X = 110;
const SUM_X = 560;
const SUM_RADIUS = 42;

/**
 * Draws one neuron.
 *
 * @example
 * showDiagram(neuronDiagram({ weights: [0.5, -0.25], bias: 0.1, activation: "sigmoid" }, [1, 2]));
 *
 * @param neuron Its weights, bias and activation, as `neuronOutput` takes them.
 * @param inputs Optional values of x (one per weight): the diagram then shows z and y.
 * @throws {InvalidDiagramInputError} For a neuron without weights.
 * @throws {InvalidNeuronInputError} For NaN values, or as many inputs as weights not matching.
 */
export function neuronDiagram(neuron: Neuron, inputs?: readonly number[]): Diagram {
  if (typeof neuron !== "object" || neuron === null || !Array.isArray(neuron.weights) || neuron.weights.length === 0) {
    throw new InvalidDiagramInputError(
      `neuronDiagram: esperava um neurônio { weights: [...], bias, activation } com ao menos um peso; ` +
        `chegou ${neuron === null || typeof neuron !== "object" ? describeValue(neuron) : "um objeto sem lista de pesos"}. ` +
        `Exemplo: neuronDiagram({ weights: [0.5, -0.25], bias: 0.1, activation: "sigmoid" }).`,
    );
  }
  // neuronOutput checks every number and the activation; without inputs, zeros stand in.
  const output = neuronOutput(inputs ?? neuron.weights.map(() => 0), neuron);
  const n = neuron.weights.length;
  const rows = visibleUnits(n, MAXIMUM_INPUTS_DRAWN);
  const height = Math.max(360, (rows.length + 1) * ROW + 140);
  const sumY = 80 + ((rows.length + 1) * ROW) / 2;
  const rowY = (row: number): number => 80 + (row + 1) * ROW;
  const body: string[] = [];

  const biasY = 80;
  body.push(
    group({ class: "vies" }, [
      arrow(INPUT_X + 26, biasY, SUM_X - SUM_RADIUS * 0.8, sumY - SUM_RADIUS * 0.6, { colour: COLOURS.muted }),
      element("circle", { cx: INPUT_X, cy: biasY, r: 26, fill: "white", stroke: COLOURS.line, "stroke-width": 1.5 }),
      text(INPUT_X, biasY + 6, "1"),
      text((INPUT_X + SUM_X) / 2, (biasY + sumY) / 2 - 18, `b = ${formatValue(neuron.bias)}`, { fill: COLOURS.line, ...HALO }),
    ]),
  );
  rows.forEach((index, row) => {
    const y = rowY(row);
    if (index === null) {
      body.push(text(INPUT_X, y + 8, "⋮", { "font-size": 30, class: "reticencias" }));
      return;
    }
    const label = `x${subscript(index + 1)}`;
    const weight = neuron.weights[index] as number;
    const inputValue = inputs?.[index];
    const labelX = INPUT_X + 0.3 * (SUM_X - INPUT_X);
    const labelY = y + 0.3 * (sumY - y) - 8;
    body.push(
      group({ class: "entrada", "data-indice": index + 1, "data-peso": weight }, [
        arrow(INPUT_X + 26, y, SUM_X - SUM_RADIUS, sumY + (y - sumY) * 0.15, { colour: COLOURS.line, width: 1 + Math.min(4, Math.abs(weight) * 2) }),
        element("circle", { cx: INPUT_X, cy: y, r: 26, fill: COLOURS.input, stroke: COLOURS.line, "stroke-width": 1.5 }),
        text(INPUT_X, y + 6, label),
        inputValue === undefined ? "" : text(INPUT_X - 34, y + 6, `${formatValue(inputValue)}`, { "text-anchor": "end", "font-size": SMALL_SIZE }),
        text(labelX, labelY, `w${subscript(index + 1)} = ${formatValue(weight)}`, { "font-size": SMALL_SIZE, fill: COLOURS.line, ...HALO }),
      ]),
    );
  });
  const activationLabel = ACTIVATION_LABELS[neuron.activation];
  const boxX = SUM_X + 110;
  body.push(
    group({ class: "soma" }, [
      element("circle", { cx: SUM_X, cy: sumY, r: SUM_RADIUS, fill: COLOURS.hidden, stroke: COLOURS.line, "stroke-width": 1.5 }),
      text(SUM_X, sumY + 10, "Σ", { "font-size": 30 }),
      text(SUM_X, sumY + SUM_RADIUS + 26, inputs === undefined ? "z = b + Σ wᵢxᵢ" : `z = ${formatValue(output.z)}`, { "data-valor": inputs === undefined ? undefined : output.z }),
    ]),
    arrow(SUM_X + SUM_RADIUS, sumY, boxX, sumY),
    labelledBox({ x: boxX, y: sumY - 34, width: 150, height: 68 }, ["f(z)", activationLabel], {
      fill: COLOURS.operation,
      fontSize: SMALL_SIZE + 1,
      attributes: { class: "ativacao", "data-ativacao": neuron.activation },
    }),
    arrow(boxX + 150, sumY, WIDTH - 70, sumY),
    group({ class: "saida" }, [
      element("circle", { cx: WIDTH - 44, cy: sumY, r: 26, fill: COLOURS.output, stroke: COLOURS.line, "stroke-width": 1.5 }),
      text(WIDTH - 44, sumY + 6, "y"),
      text(WIDTH - 44, sumY + 56, inputs === undefined ? "y = f(z)" : `y = ${formatValue(output.y)}`, { "data-valor": inputs === undefined ? undefined : output.y }),
    ]),
    text(WIDTH / 2, height - 24, "entradas xᵢ · pesos wᵢ nas arestas · viés b · soma z · ativação f · saída y", {
      "font-size": SMALL_SIZE,
      fill: COLOURS.muted,
    }),
  );
  const values = inputs === undefined ? "" : ` Para as entradas dadas, z = ${formatValue(output.z)} e y = ${formatValue(output.y)}.`;
  return svgDiagram(
    "diagrama-neuronio",
    { width: WIDTH, height },
    "Um neurônio artificial",
    `Neurônio com ${n} entrada${n === 1 ? "" : "s"}, pesos ${neuron.weights.map(formatValue).join("; ")}, ` +
      `viés b = ${formatValue(neuron.bias)} e ativação ${activationLabel}: z = b + Σ wᵢxᵢ e y = f(z).${values}`,
    body,
  );
}
