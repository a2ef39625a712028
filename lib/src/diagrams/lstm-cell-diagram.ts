/**
 * The LSTM cell (Hochreiter & Schmidhuber 1997; the drawing follows the usual one of
 * C. Olah, "Understanding LSTM Networks", 2015): the cell state c running along the top,
 * changed only by the forget gate f (×) and the input gate i times the candidate c̃ (+),
 * and the output h = o ⊙ tanh(c) leaving at the bottom, each gate fed by [h_{t−1}, x_t].
 * With the sizes, the parameter count of `tf.layers.lstm`: 4 · n · (m + n + 1).
 */
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { formatCount } from "./diagram-text";
import { describeValue } from "./layer-sizes";
import { COLOURS, SMALL_SIZE, arrow, element, group, labelledBox, svgDiagram, text } from "./svg-document";

/** Options of {@link lstmCellDiagram}: the sizes of a layer, to write its dimensions and parameters. */
export interface LstmCellDiagramOptions {
  /** m, the size of each input x_t (the last axis of the sequence). */
  inputSize?: number;
  /** n, the layer's `units`: the size of h and c. */
  units?: number;
}

/** The parameters of an LSTM layer: four gates, each with an m×n and an n×n matrix and n biases. */
export function lstmParameterCount(inputSize: number, units: number): number {
  return 4 * units * (inputSize + units + 1);
}

const WIDTH = 1000;
const HEIGHT = 640;
const CELL_Y = 150;
const BUS_Y = 420;
const GATE_Y = 310;
const GATE_WIDTH = 108;
const GATE_HEIGHT = 60;
const GATES = [
  { id: "f", x: 320, symbol: "σ", name: "esquecimento", role: "porta" },
  { id: "i", x: 440, symbol: "σ", name: "entrada", role: "porta" },
  { id: "c̃", x: 560, symbol: "tanh", name: "candidato", role: "candidato" },
  { id: "o", x: 700, symbol: "σ", name: "saída", role: "porta" },
] as const;

/**
 * Draws one LSTM cell.
 *
 * @example
 * showDiagram(lstmCellDiagram({ inputSize: 1, units: 16 }));
 *
 * @throws {InvalidDiagramInputError} When `inputSize` or `units` is given and is not a positive integer.
 */
export function lstmCellDiagram(options: LstmCellDiagramOptions = {}): Diagram {
  for (const [name, value] of [
    ["inputSize", options.inputSize],
    ["units", options.units],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new InvalidDiagramInputError(
        `lstmCellDiagram: ${name} deve ser um inteiro positivo (${name === "units" ? "o tamanho de h e c" : "o tamanho de cada x_t"}); ` +
          `chegou ${describeValue(value)}. Exemplo: lstmCellDiagram({ inputSize: 1, units: 16 }).`,
      );
    }
  }
  const line = (x1: number, y1: number, x2: number, y2: number): string =>
    element("line", { x1, y1, x2, y2, stroke: COLOURS.line, "stroke-width": 2 });
  const operation = (x: number, y: number, symbol: string, name: string): string =>
    group({ class: "operacao", "data-operacao": name }, [
      element("circle", { cx: x, cy: y, r: 20, fill: COLOURS.operation, stroke: COLOURS.line, "stroke-width": 1.5 }),
      text(x, y + 7, symbol, { "font-size": 22 }),
    ]);
  const forget = GATES[0];
  const input = GATES[1];
  const candidate = GATES[2];
  const output = GATES[3];
  const plusX = (input.x + candidate.x) / 2;
  const productY = 235;
  const tanhX = 830;
  const body: string[] = [
    element("rect", { x: 150, y: 95, width: 760, height: 370, rx: 22, fill: "#f6f6f6", stroke: COLOURS.muted, "stroke-width": 2 }),
    // The cell state c along the top.
    arrow(30, CELL_Y, forget.x - 22, CELL_Y, { width: 3 }),
    arrow(forget.x + 20, CELL_Y, plusX - 22, CELL_Y, { width: 3 }),
    arrow(plusX + 20, CELL_Y, WIDTH - 30, CELL_Y, { width: 3 }),
    text(30, CELL_Y - 16, "cₜ₋₁", { "text-anchor": "start", "font-weight": "bold" }),
    text(WIDTH - 30, CELL_Y - 16, "cₜ", { "text-anchor": "end", "font-weight": "bold" }),
    text(600, 125, "estado da célula c", { "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    // [h_{t−1}, x_t] along the bottom, up to every gate.
    line(30, BUS_Y, output.x, BUS_Y),
    text(30, BUS_Y + 26, "hₜ₋₁", { "text-anchor": "start", "font-weight": "bold" }),
    arrow(230, HEIGHT - 90, 230, BUS_Y + 4),
    text(230, HEIGHT - 66, "xₜ", { "font-weight": "bold" }),
    text(250, BUS_Y - 12, "[hₜ₋₁, xₜ]", { "text-anchor": "start", "font-size": SMALL_SIZE, fill: COLOURS.muted }),
    ...GATES.map((gate) => arrow(gate.x, BUS_Y, gate.x, GATE_Y + GATE_HEIGHT / 2)),
    ...GATES.map((gate) =>
      group({ class: gate.role, "data-porta": gate.id }, [
        labelledBox({ x: gate.x - GATE_WIDTH / 2, y: GATE_Y - GATE_HEIGHT / 2, width: GATE_WIDTH, height: GATE_HEIGHT }, [gate.symbol, gate.name], {
          fill: gate.role === "porta" ? COLOURS.gate : COLOURS.hidden,
          fontSize: SMALL_SIZE,
        }),
        text(gate.x + GATE_WIDTH / 2 - 4, GATE_Y - GATE_HEIGHT / 2 - 8, gate.id, { "text-anchor": "start", "font-weight": "bold" }),
      ]),
    ),
    // f ⊙ c_{t−1}
    arrow(forget.x, GATE_Y - GATE_HEIGHT / 2, forget.x, CELL_Y + 22),
    operation(forget.x, CELL_Y, "×", "esquecer"),
    // i ⊙ c̃, added to the cell state
    line(input.x, GATE_Y - GATE_HEIGHT / 2, input.x, productY),
    arrow(input.x, productY, plusX - 22, productY),
    line(candidate.x, GATE_Y - GATE_HEIGHT / 2, candidate.x, productY),
    arrow(candidate.x, productY, plusX + 22, productY),
    operation(plusX, productY, "×", "escrever"),
    arrow(plusX, productY - 20, plusX, CELL_Y + 22),
    operation(plusX, CELL_Y, "+", "somar"),
    // h_t = o ⊙ tanh(c_t)
    arrow(tanhX, CELL_Y, tanhX, 208),
    labelledBox({ x: tanhX - 36, y: 210, width: 72, height: 40 }, ["tanh"], { fill: COLOURS.hidden, fontSize: SMALL_SIZE + 1 }),
    arrow(tanhX, 250, tanhX, GATE_Y - 22),
    arrow(output.x + GATE_WIDTH / 2, GATE_Y, tanhX - 22, GATE_Y),
    operation(tanhX, GATE_Y, "×", "mostrar"),
    line(tanhX, GATE_Y + 20, tanhX, BUS_Y + 30),
    arrow(tanhX, BUS_Y + 30, WIDTH - 30, BUS_Y + 30),
    text(WIDTH - 30, BUS_Y + 56, "hₜ", { "text-anchor": "end", "font-weight": "bold" }),
    arrow(tanhX + 40, BUS_Y + 30, tanhX + 40, 40),
    text(tanhX + 52, 50, "saída hₜ", { "text-anchor": "start", "font-size": SMALL_SIZE }),
    text(20, HEIGHT - 36, "f, i, o = σ(W·[hₜ₋₁, xₜ] + b) (cada uma com seus W e b) · c̃ = tanh(W_c·[hₜ₋₁, xₜ] + b_c)", {
      "text-anchor": "start",
      "font-size": SMALL_SIZE,
    }),
    text(20, HEIGHT - 12, "cₜ = f ⊙ cₜ₋₁ + i ⊙ c̃ · hₜ = o ⊙ tanh(cₜ) · ⊙: produto elemento a elemento", {
      "text-anchor": "start",
      "font-size": SMALL_SIZE,
    }),
  ];
  let sizes = "";
  if (options.inputSize !== undefined && options.units !== undefined) {
    const parameters = lstmParameterCount(options.inputSize, options.units);
    sizes = ` Com m = ${options.inputSize} e n = ${options.units}: 4 · n · (m + n + 1) = ${formatCount(parameters)} parâmetros.`;
    body.push(
      text(20, 40, `xₜ: ${numbers(options.inputSize)} · hₜ e cₜ: ${numbers(options.units)} cada`, { "text-anchor": "start", "font-size": SMALL_SIZE }),
      text(20, 66, `parâmetros: 4 · ${options.units} · (${options.inputSize} + ${options.units} + 1) = ${formatCount(parameters)}`, {
        "text-anchor": "start",
        "font-size": SMALL_SIZE,
        class: "parametros",
        "data-parametros": parameters,
      }),
    );
  }
  return svgDiagram(
    "diagrama-lstm",
    { width: WIDTH, height: HEIGHT },
    "Célula LSTM",
    "Célula LSTM: o estado da célula c atravessa o passo pelo alto, multiplicado pela porta de esquecimento f e somado à porta de " +
      "entrada i vezes o candidato c̃; a porta de saída o multiplica tanh(c) para dar a saída h. As quatro portas recebem " +
      `a saída anterior hₜ₋₁ e a entrada xₜ.${sizes}`,
    body,
  );
}

/** "1 número", "16 números". */
function numbers(count: number): string {
  return `${count} ${count === 1 ? "número" : "números"}`;
}
