/**
 * Scaled dot-product attention drawn from its tensors (notebook 11,
 * lib/src/attention/scaled-dot-product-attention.ts): on the left the steps
 * softmax(Q Kᵀ / √d_k + máscara) V with the shapes of Q, K and V, on the right the weights
 * the function computes, one row per query and one column per key (masked keys in grey).
 */
import { scaledDotProductAttention } from "../attention/scaled-dot-product-attention";
import * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatShape, formatValue, subscript } from "./diagram-text";
import { COLOURS, SMALL_SIZE, arrow, element, group, labelledBox, svgDiagram, text } from "./svg-document";

/** The tensors of one attention: rank 2 each (one sequence, one head). */
export interface AttentionDiagramInput {
  /** Q, `[consultas, d_k]`. */
  queries: tf.Tensor;
  /** K, `[chaves, d_k]`. */
  keys: tf.Tensor;
  /** V, `[chaves, d_v]`. */
  values: tf.Tensor;
  /** Optional `[consultas, chaves]` of 1 (may look) and 0 (may not), e.g. causalMask(n). */
  mask?: tf.Tensor;
}

/** More queries or keys than this would make the grid of weights unreadable on a slide. */
const MAXIMUM_POSITIONS = 12;
const WIDTH = 1000;
const FLOW_X = 40;
const FLOW_WIDTH = 380;
const GRID_LEFT = 520;
const GRID_SIZE = 420;

/**
 * Draws scaled dot-product attention with the weights computed from the tensors given
 * (which are read, not disposed).
 *
 * @example
 * showDiagram(attentionDiagram({ queries: q, keys: k, values: v, mask: causalMask(4) }));
 *
 * @throws {InvalidDiagramInputError} For tensors that are not rank 2 or more than 12 queries or keys.
 * @throws {InvalidAttentionInputError} For shapes that do not fit (see scaledDotProductAttention).
 */
export function attentionDiagram(input: AttentionDiagramInput): Diagram {
  const { queries, keys, values, mask } = input ?? ({} as AttentionDiagramInput);
  for (const [name, tensor] of [
    ["queries (Q)", queries],
    ["keys (K)", keys],
    ["values (V)", values],
  ] as const) {
    if (!(tensor instanceof tf.Tensor) || tensor.rank !== 2) {
      throw new InvalidDiagramInputError(
        `attentionDiagram: ${name} deve ser um tensor de posto 2, [posições, dimensão] (uma sequência, uma cabeça); ` +
          `chegou ${tensor instanceof tf.Tensor ? `forma [${tensor.shape.join(", ")}]` : typeof tensor}. ` +
          `Para um lote ou várias cabeças, desenhe um exemplo: tf.gather(q, 0) ou q.slice(...).`,
      );
    }
  }
  const [nq, dk] = queries.shape as [number, number];
  const [nk] = keys.shape as [number, number];
  const dv = values.shape[1] as number;
  if (nq > MAXIMUM_POSITIONS || nk > MAXIMUM_POSITIONS) {
    throw new InvalidDiagramInputError(
      `attentionDiagram: ${nq} consultas e ${nk} chaves; a grade de pesos fica legível com até ${MAXIMUM_POSITIONS} de cada. ` +
        `Desenhe um trecho da sequência (q.slice([0, 0], [${MAXIMUM_POSITIONS}, -1])).`,
    );
  }
  const result = scaledDotProductAttention(queries, keys, values, mask);
  if (mask !== undefined && mask.size !== nq * nk) {
    tf.dispose([result.output, result.weights]);
    throw new InvalidDiagramInputError(
      `attentionDiagram: a máscara deve ter forma [${nq}, ${nk}] (consultas × chaves) para ser desenhada; chegou [${mask.shape.join(", ")}].`,
    );
  }
  const weights = result.weights.arraySync() as number[][];
  result.output.dispose();
  result.weights.dispose();
  const allowed = mask === undefined ? undefined : (tf.tidy(() => mask.notEqual(0).reshape([nq, nk]).arraySync()) as unknown as boolean[][] | number[][]);

  const height = 640;
  const step = (y: number, lines: string[], fill: string, name: string): string =>
    labelledBox({ x: FLOW_X + 60, y, width: FLOW_WIDTH - 120, height: 52 }, lines, { fill, fontSize: SMALL_SIZE + 1, attributes: { class: "passo", "data-passo": name } });
  const centre = FLOW_X + FLOW_WIDTH / 2;
  const body: string[] = [
    labelledBox({ x: FLOW_X, y: 60, width: 110, height: 60 }, ["Q", formatShape([nq, dk])], { fill: COLOURS.input, fontSize: SMALL_SIZE + 1, attributes: { class: "tensor", "data-forma": `${nq},${dk}` } }),
    labelledBox({ x: FLOW_X + 135, y: 60, width: 110, height: 60 }, ["K", formatShape([nk, dk])], { fill: COLOURS.input, fontSize: SMALL_SIZE + 1, attributes: { class: "tensor", "data-forma": `${nk},${dk}` } }),
    labelledBox({ x: FLOW_X + 270, y: 60, width: 110, height: 60 }, ["V", formatShape([nk, dv])], { fill: COLOURS.input, fontSize: SMALL_SIZE + 1, attributes: { class: "tensor", "data-forma": `${nk},${dv}` } }),
    arrow(FLOW_X + 55, 120, centre - 40, 160),
    arrow(FLOW_X + 190, 120, centre + 10, 160),
    step(162, ["Q · Kᵀ (produtos escalares)"], COLOURS.operation, "produto"),
    arrow(centre, 214, centre, 240),
    step(242, [`÷ √d_k = √${dk} = ${formatValue(Math.sqrt(dk))}`], COLOURS.operation, "escala"),
    arrow(centre, 294, centre, 320),
    step(322, [mask === undefined ? "sem máscara" : "máscara: 0 → −∞"], mask === undefined ? "#eeeeee" : COLOURS.gate, "mascara"),
    arrow(centre, 374, centre, 400),
    step(402, ["softmax em cada linha"], COLOURS.hidden, "softmax"),
    arrow(centre, 454, centre, 480),
    element("line", { x1: FLOW_X + 355, y1: 120, x2: FLOW_X + 355, y2: 508, stroke: COLOURS.line, "stroke-width": 2 }),
    arrow(FLOW_X + 355, 508, FLOW_X + FLOW_WIDTH - 60, 508),
    step(482, ["pesos · V"], COLOURS.operation, "media"),
    arrow(centre, 534, centre, 560),
    labelledBox({ x: FLOW_X + 100, y: 562, width: FLOW_WIDTH - 200, height: 52 }, [`saída ${formatShape([nq, dv])}`], {
      fill: COLOURS.output,
      fontSize: SMALL_SIZE + 1,
      attributes: { class: "tensor", "data-forma": `${nq},${dv}` },
    }),
    arrow(FLOW_X + FLOW_WIDTH - 60, 428, GRID_LEFT - 10, 428, { colour: COLOURS.muted, dashed: true }),
  ];
  const cell = Math.min(60, GRID_SIZE / Math.max(nq, nk));
  const gridTop = 110;
  const cells: string[] = [];
  weights.forEach((row, i) => {
    cells.push(text(GRID_LEFT + 40, gridTop + i * cell + cell / 2 + 6, `q${subscript(i + 1)}`, { "font-size": SMALL_SIZE, "text-anchor": "end" }));
    row.forEach((weight, j) => {
      const masked = allowed !== undefined && !allowed[i]?.[j];
      const x = GRID_LEFT + 50 + j * cell;
      const y = gridTop + i * cell;
      cells.push(
        group({ class: masked ? "peso mascarado" : "peso", "data-consulta": i, "data-chave": j, "data-peso": weight }, [
          element("rect", { x, y, width: cell, height: cell, fill: masked ? "#bbbbbb" : blueFor(weight), stroke: "white", "stroke-width": 2 }),
          text(x + cell / 2, y + cell / 2 + 5, masked ? "—" : weight.toFixed(2).replace(".", ","), {
            "font-size": Math.min(SMALL_SIZE, cell * 0.32),
            fill: weight > 0.55 ? "white" : COLOURS.line,
          }),
        ]),
      );
    });
  });
  for (let j = 0; j < nk; j++) {
    cells.push(text(GRID_LEFT + 50 + j * cell + cell / 2, gridTop - 10, `k${subscript(j + 1)}`, { "font-size": SMALL_SIZE }));
  }
  body.push(
    text(GRID_LEFT + 50 + (nk * cell) / 2, 50, "pesos de atenção", { "font-weight": "bold" }),
    text(GRID_LEFT + 50 + (nk * cell) / 2, 74, "linha: consulta · coluna: chave · cada linha soma 1", { "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    ...cells,
  );
  if (mask !== undefined) {
    body.push(text(GRID_LEFT + 50, gridTop + nq * cell + 30, "cinza: chave proibida pela máscara (peso 0)", { "text-anchor": "start", "font-size": SMALL_SIZE, fill: COLOURS.muted }));
  }
  return svgDiagram(
    "diagrama-atencao",
    { width: WIDTH, height },
    "Atenção por produto escalar escalonado",
    `Atenção softmax(Q Kᵀ / √d_k${mask === undefined ? "" : " com máscara"}) V com Q ${formatShape([nq, dk])}, K ${formatShape([nk, dk])} e ` +
      `V ${formatShape([nk, dv])}: a saída tem forma ${formatShape([nq, dv])}. A grade mostra os pesos de cada consulta (linha) ` +
      `para cada chave (coluna), que somam 1 por linha${mask === undefined ? "" : "; as chaves proibidas pela máscara têm peso 0"}.`,
    body,
  );
}

/** White (weight 0) to dark blue (weight 1). */
function blueFor(weight: number): string {
  const w = Math.min(1, Math.max(0, weight));
  const channel = (from: number, to: number): string => Math.round(from + (to - from) * w).toString(16).padStart(2, "0");
  return `#${channel(255, 8)}${channel(255, 69)}${channel(255, 148)}`;
}
