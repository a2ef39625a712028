/**
 * The dropout mask changing from one training step to the next (Srivastava et al. 2014):
 * the real `tf.layers.dropout` layer, in training mode, applied to a grid of units that
 * all output 1, step after step. Kept units come out as 1/(1 − rate), dropped ones as 0.
 *
 * The masks repeat with `setRandomSeed` (lib/src/random/set-random-seed.ts), never with a
 * `seed` on the layer: with its own seed the layer draws the same mask at every step
 * (notebook 09 shows that pitfall).
 */
import { formatValue } from "../diagrams/diagram-text";
import type { Figure } from "../plot/figure";
import { setRandomSeed } from "../random/set-random-seed";
import * as tf from "../tf";
import { InvalidDropoutRequestError } from "./dropout-errors";

/** Options of {@link dropoutMasks} and {@link dropoutMaskFigure}. */
export interface DropoutMaskOptions {
  /** The fraction of units dropped at each step, in [0, 1) (e.g. 0.5). */
  rate: number;
  /** How many training steps (default 8). */
  steps?: number;
  /** The units drawn as a grid [rows, columns] (default [16, 16]: 256 units). */
  grid?: readonly [number, number];
  /** The seed given to setRandomSeed before the first step (default 1). */
  seed?: number;
}

function checkOptions(options: DropoutMaskOptions): { rate: number; steps: number; rows: number; cols: number; seed: number } {
  const { rate } = options;
  if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) {
    throw new InvalidDropoutRequestError(
      `A taxa de dropout (rate) é a fração de neurônios desligados a cada passo: um número em [0, 1), como 0.5; chegou ${String(rate)}.`,
    );
  }
  const steps = options.steps ?? 8;
  if (!Number.isInteger(steps) || steps < 1 || steps > 100) {
    throw new InvalidDropoutRequestError(`O número de passos deve ser um inteiro entre 1 e 100; chegou ${String(steps)}.`);
  }
  const [rows, cols] = options.grid ?? [16, 16];
  if (![rows, cols].every((n) => Number.isInteger(n) && n >= 1 && n <= 64)) {
    throw new InvalidDropoutRequestError(`grid deve ser [linhas, colunas], inteiros entre 1 e 64, como [16, 16]; chegou ${JSON.stringify(options.grid)}.`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) {
    throw new InvalidDropoutRequestError(`A semente deve ser um inteiro, como 1; chegou ${String(seed)}.`);
  }
  return { rate, steps, rows, cols, seed };
}

/**
 * The outputs of `tf.layers.dropout({ rate })` in training mode for units that all output 1,
 * one grid per step: each value is 0 (dropped) or 1/(1 − rate) (kept). The draws repeat for
 * the same seed. `Math.random` is restored afterwards, so the caller's random sequence is
 * left as it was.
 *
 * @throws {InvalidDropoutRequestError} For a rate outside [0, 1), a bad number of steps, grid or seed.
 */
export function dropoutMasks(options: DropoutMaskOptions): number[][][] {
  const { rate, steps, rows, cols, seed } = checkOptions(options);
  const callersRandom = Math.random;
  const layer = tf.layers.dropout({ rate });
  const ones = tf.ones([1, rows * cols]);
  try {
    setRandomSeed(seed);
    return Array.from({ length: steps }, () => {
      const values = tf.tidy(() => (layer.apply(ones, { training: true }) as tf.Tensor).dataSync());
      return Array.from({ length: rows }, (_, row) => Array.from(values.subarray(row * cols, (row + 1) * cols)));
    });
  } finally {
    ones.dispose();
    Math.random = callersRandom;
  }
}

/**
 * An interactive figure of the dropout masks of {@link dropoutMasks}, a slider over the
 * training step. Every mask is drawn in advance and the slider only switches which one is
 * visible: the figure also works in a static HTML handout.
 *
 * @example
 * show(dropoutMaskFigure({ rate: 0.5, steps: 8, seed: 1 }));
 * @throws {InvalidDropoutRequestError} As {@link dropoutMasks}.
 */
export function dropoutMaskFigure(options: DropoutMaskOptions): Figure {
  const masks = dropoutMasks(options);
  const { rate, rows, cols } = checkOptions(options);
  const units = rows * cols;
  const kept = masks.map((mask) => mask.flat().filter((value) => value !== 0).length);
  const title = (step: number) =>
    `Dropout (rate = ${formatValue(rate)}), passo ${step + 1}: ${kept[step]} de ${units} neurônios mantidos ` +
    `(${formatValue((100 * kept[step]!) / units)} %)<br>amarelo: mantido, saída × ${formatValue(1 / (1 - rate))}; preto: desligado, saída 0`;
  const data = masks.map((mask, step) => ({
    type: "heatmap" as const,
    z: mask,
    zmin: 0,
    zmax: 1 / (1 - rate),
    colorscale: [[0, "#222222"], [1, "#f2c744"]] as [number, string][],
    showscale: false,
    xgap: 1,
    ygap: 1,
    visible: step === 0,
    hovertemplate: "neurônio (%{y}, %{x})<br>saída = %{z}<extra></extra>",
  }));
  const steps = masks.map((_, step) => ({
    label: String(step + 1),
    method: "update" as const,
    args: [{ visible: masks.map((__, j) => j === step) }, { "title.text": title(step) }],
  }));
  return {
    data,
    layout: {
      title: { text: title(0), font: { size: 13 } },
      xaxis: { showticklabels: false, ticks: "", showgrid: false, zeroline: false, constrain: "domain" },
      yaxis: { showticklabels: false, ticks: "", showgrid: false, zeroline: false, autorange: "reversed", scaleanchor: "x" },
      width: 560,
      height: 600,
      margin: { b: 110 },
      sliders: [{ active: 0, currentvalue: { prefix: "passo de treino: " }, pad: { t: 30 }, steps }],
    },
  };
}
