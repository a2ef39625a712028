/**
 * The computation graph of the logistic regression for one object, with the forward value
 * on each edge (black, left to right) and the backward gradient ∂E/∂· (red, right to left):
 * the chain rule of notebook 05 with numbers (lib/src/diagrams/logistic-graph.ts computes them).
 */
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatValue, subscript } from "./diagram-text";
import { logisticGraphValues, type LogisticGraphInput } from "./logistic-graph";
import { COLOURS, HALO, SMALL_SIZE, arrow, element, group, svgDiagram, text } from "./svg-document";

/** More attributes than this would not fit a slide. */
const MAXIMUM_ATTRIBUTES = 6;
const WIDTH = 1000;
const BAND = 150;
const LEAF_OFFSET = 50;
const TOP = 40;
const LEAF_X = 70;
const PRODUCT_X = 310;
const SUM_X = 530;
const SIGMOID_X = 730;
const LOSS_X = 920;
const NODE_RADIUS = 28;

/**
 * Draws the graph z = Σ w_k x_k + b, y = σ(z), E(y, t) for one object with its numbers.
 *
 * @example
 * showDiagram(logisticGraphDiagram({ x: [0.4, 1.2], t: 1, weights: [0.8, -0.5], bias: 0.1 }));
 *
 * @throws {InvalidDiagramInputError} For bad numbers (see logisticGraphValues) or more than 6 attributes.
 */
export function logisticGraphDiagram(input: LogisticGraphInput): Diagram {
  const v = logisticGraphValues(input);
  const n = v.x.length;
  if (n > MAXIMUM_ATTRIBUTES) {
    throw new InvalidDiagramInputError(
      `logisticGraphDiagram: o objeto tem ${n} atributos e cabem ${MAXIMUM_ATTRIBUTES} num slide. ` +
        `Desenhe um modelo com menos atributos (ou escolha alguns deles) para ver a regra da cadeia.`,
    );
  }
  const bandY = (k: number): number => TOP + k * BAND + BAND / 2;
  const centreY = TOP + (n * BAND) / 2;
  const biasY = centreY + 150;
  const height = Math.max(TOP + n * BAND, biasY + 50) + 120;
  const body: string[] = [];

  const node = (x: number, y: number, symbol: string, fill: string, attributes: Record<string, string | number> = {}): string =>
    group(attributes, [
      element("circle", { cx: x, cy: y, r: NODE_RADIUS, fill, stroke: COLOURS.line, "stroke-width": 1.5 }),
      text(x, y + 7, symbol, { "font-size": 22 }),
    ]);
  /** An edge with its forward value above it and its gradient below it, at `at` of the way (or beside a vertical edge). */
  const edge = (
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    forward: string,
    backward: string,
    name: string,
    values: { forward: number; backward: number },
    placement: { at?: number; labels?: "split" | "above" | "below" } = {},
  ): string => {
    const at = placement.at ?? 0.5;
    const labels = placement.labels ?? "split";
    const length = Math.hypot(x2 - x1, y2 - y1);
    const sx = x1 + ((x2 - x1) * NODE_RADIUS) / length;
    const sy = y1 + ((y2 - y1) * NODE_RADIUS) / length;
    const ex = x2 - ((x2 - x1) * NODE_RADIUS) / length;
    const ey = y2 - ((y2 - y1) * NODE_RADIUS) / length;
    const mx = sx + (ex - sx) * at;
    const my = sy + (ey - sy) * at;
    const vertical = Math.abs(ex - sx) < 1;
    const beside = vertical ? { "text-anchor": "start", ...HALO } : HALO;
    const dx = vertical ? 12 : 0;
    return group({ class: "aresta", "data-nome": name, "data-ida": values.forward, "data-volta": values.backward }, [
      arrow(sx, sy, ex, ey),
      // Forward value and gradient on either side of the edge, or both on one side (edges drawn close together).
      text(mx + dx, my + (vertical ? -4 : labels === "above" ? -28 : labels === "below" ? 20 : -9), forward, { "font-size": SMALL_SIZE, ...beside }),
      text(mx + dx, my + (labels === "above" ? -9 : labels === "below" ? 39 : 21), `${vertical ? "↓ " : "← "}${backward}`, {
        "font-size": SMALL_SIZE,
        fill: COLOURS.backward,
        ...beside,
      }),
    ]);
  };

  v.x.forEach((x, k) => {
    const i = subscript(k + 1);
    const y = bandY(k);
    const w = v.weights[k] as number;
    body.push(
      edge(LEAF_X, y - LEAF_OFFSET, PRODUCT_X, y, `w${i} = ${formatValue(w)}`, `∂E/∂w${i} = ${formatValue(v.dLossDWeights[k] as number)}`, `w${k + 1}`, {
        forward: w,
        backward: v.dLossDWeights[k] as number,
      }, { at: 0.55, labels: "above" }),
      edge(LEAF_X, y + LEAF_OFFSET, PRODUCT_X, y, `x${i} = ${formatValue(x)}`, `∂E/∂x${i} = ${formatValue(v.dLossDx[k] as number)}`, `x${k + 1}`, {
        forward: x,
        backward: v.dLossDx[k] as number,
      }, { at: 0.55, labels: "below" }),
      edge(PRODUCT_X, y, SUM_X, centreY, `p${i} = ${formatValue(v.products[k] as number)}`, `∂E/∂p${i} = ${formatValue(v.dLossDz)}`, `p${k + 1}`, {
        forward: v.products[k] as number,
        backward: v.dLossDz,
      }, { at: 0.45 }),
      text(LEAF_X - 8, y - LEAF_OFFSET + 6, `w${i}`, { "text-anchor": "end", "font-weight": "bold" }),
      text(LEAF_X - 8, y + LEAF_OFFSET + 6, `x${i}`, { "text-anchor": "end", "font-weight": "bold" }),
      node(PRODUCT_X, y, "×", COLOURS.operation, { class: "no", "data-no": `produto ${k + 1}` }),
    );
  });
  body.push(
    edge(SUM_X, biasY, SUM_X, centreY, `b = ${formatValue(v.bias)}`, `∂E/∂b = ${formatValue(v.dLossDBias)}`, "b", { forward: v.bias, backward: v.dLossDBias }),
    text(SUM_X, biasY + 24, "b", { "font-weight": "bold" }),
    edge(SUM_X, centreY, SIGMOID_X, centreY, `z = ${formatValue(v.z)}`, `∂E/∂z = ${formatValue(v.dLossDz)}`, "z", { forward: v.z, backward: v.dLossDz }),
    edge(SIGMOID_X, centreY, LOSS_X, centreY, `y = ${formatValue(v.y)}`, `∂E/∂y = ${formatValue(v.dLossDy)}`, "y", { forward: v.y, backward: v.dLossDy }),
    node(SUM_X, centreY, "+", COLOURS.hidden, { class: "no", "data-no": "soma" }),
    node(SIGMOID_X, centreY, "σ", COLOURS.gate, { class: "no", "data-no": "sigmoide" }),
    node(LOSS_X, centreY, "E", COLOURS.output, { class: "no", "data-no": "erro" }),
    arrow(LOSS_X, centreY + 110, LOSS_X, centreY + NODE_RADIUS + 2, { colour: COLOURS.muted }),
    text(LOSS_X, centreY + 132, `t = ${formatValue(v.t)}`),
    text(LOSS_X, centreY - 44, `E = ${formatValue(v.loss)}`, { "font-weight": "bold", class: "erro", "data-valor": v.loss }),
    text(SIGMOID_X, centreY + 76, `∂y/∂z = y(1 − y) = ${formatValue(v.dyDz)}`, { "font-size": SMALL_SIZE, fill: COLOURS.backward }),
  );
  const legendY = height - 86;
  body.push(
    element("line", { x1: 20, x2: WIDTH - 20, y1: legendY - 28, y2: legendY - 28, stroke: COLOURS.muted }),
    text(20, legendY, "preto: valores da ida (forward) · vermelho: gradientes da volta (backward), ∂E/∂ de cada aresta", {
      "text-anchor": "start",
      "font-size": SMALL_SIZE,
    }),
    text(20, legendY + 28, `regra da cadeia: ∂E/∂z = ∂E/∂y · ∂y/∂z = (${formatValue(v.dLossDy)}) · (${formatValue(v.dyDz)}) = ${formatValue(v.dLossDz)} = y − t`, {
      "text-anchor": "start",
      "font-size": SMALL_SIZE,
      fill: COLOURS.backward,
    }),
    text(20, legendY + 56, `∂E/∂w${subscript(1)} = ∂E/∂z · x${subscript(1)} = (${formatValue(v.dLossDz)}) · (${formatValue(v.x[0] as number)}) = ${formatValue(v.dLossDWeights[0] as number)}`, {
      "text-anchor": "start",
      "font-size": SMALL_SIZE,
      fill: COLOURS.backward,
    }),
  );
  return svgDiagram(
    "diagrama-grafo-logistica",
    { width: WIDTH, height },
    "Grafo de computação da regressão logística",
    `Grafo de computação de um objeto com ${n} atributo${n === 1 ? "" : "s"} e classe t = ${formatValue(v.t)}: produtos wₖxₖ, soma z = ${formatValue(v.z)}, ` +
      `y = σ(z) = ${formatValue(v.y)} e entropia cruzada E = ${formatValue(v.loss)}; em cada aresta, o valor da ida e o gradiente ∂E/∂ da volta ` +
      `(∂E/∂z = ${formatValue(v.dLossDz)}, ∂E/∂b = ${formatValue(v.dLossDBias)}).`,
    body,
  );
}
