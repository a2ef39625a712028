import { InvalidApproximationError } from "./universality-errors";
import { evaluateOneHiddenLayer, type OneHiddenLayerNet } from "./one-hidden-layer";

/** Options of {@link bumpApproximator} and {@link approximationError}. */
export interface ApproximationOptions {
  /** The interval [a, b] where f is approximated (default [0, 1]). */
  interval?: readonly [number, number];
  /**
   * The hidden weight w of every step (default 40 per bump width: each step rises over
   * about a tenth of a bump).
   */
  steepness?: number;
}

/** A constructive approximator: the net plus the bumps it is made of. */
export interface BumpApproximator extends OneHiddenLayerNet {
  /** The bump edges a = s₀ < s₁ < … < s_N = b. */
  edges: number[];
  /** The height of each bump: f at the bump's middle. */
  heights: number[];
}

function checkInterval(interval: readonly [number, number]): [number, number] {
  const [a, b] = interval;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(b > a)) {
    throw new InvalidApproximationError(`Esperava um intervalo [a, b] finito com a < b; chegou [${a}, ${b}].`);
  }
  return [a, b];
}

function valueOf(f: (x: number) => number, x: number): number {
  const y = f(x);
  if (typeof y !== "number" || !Number.isFinite(y)) {
    throw new InvalidApproximationError(
      `A função a aproximar deve ser contínua e finita no intervalo, mas f(${x}) = ${String(y)}.`,
    );
  }
  return y;
}

/**
 * Builds, without any training, a one-hidden-layer sigmoid network that approximates f on
 * [a, b] — Nielsen's visual proof of the universality theorem ("Neural Networks and Deep
 * Learning", chapter 4): split [a, b] into `bumps` equal pieces; each piece is a bump of
 * height f(middle), made by two hidden neurons with a large weight w — a step up at its left
 * edge (output weight +h) and a step down at its right edge (output weight −h). The first
 * step up and the last step down sit one bump width outside [a, b], so the ends of the
 * interval are fully inside their bumps.
 *
 * @param f The function, continuous on [a, b].
 * @param bumps How many bumps (the net has 2 × bumps hidden neurons).
 * @throws {InvalidApproximationError} For a `bumps` that is not a positive integer, a bad
 *   interval or steepness, or an f that is not finite somewhere.
 */
export function bumpApproximator(f: (x: number) => number, bumps: number, options: ApproximationOptions = {}): BumpApproximator {
  if (typeof f !== "function") throw new InvalidApproximationError(`Esperava uma função (x: number) => number; chegou ${typeof f}.`);
  if (!Number.isInteger(bumps) || bumps < 1) {
    throw new InvalidApproximationError(`O número de torres (pares de degraus) deve ser um inteiro ≥ 1; chegou ${bumps}.`);
  }
  const [a, b] = checkInterval(options.interval ?? [0, 1]);
  const width = (b - a) / bumps;
  const w = options.steepness ?? 40 / width;
  if (!Number.isFinite(w) || w <= 0) {
    throw new InvalidApproximationError(`A inclinação w dos degraus deve ser um número positivo; chegou ${w}.`);
  }
  const edges = Array.from({ length: bumps + 1 }, (_, k) => a + k * width);
  const heights = Array.from({ length: bumps }, (_, k) => valueOf(f, a + (k + 0.5) * width));
  const net: BumpApproximator = { hiddenWeights: [], hiddenBiases: [], outputWeights: [], outputBias: 0, edges, heights };
  // The outermost steps sit one bump width outside [a, b]: a step exactly at a would only
  // have risen halfway there (σ(0) = 1/2), halving the approximation at the ends.
  const stepAt = (k: number) => (k === 0 ? a - width : k === bumps ? b + width : (edges[k] ?? a));
  heights.forEach((h, k) => {
    for (const [edge, sign] of [[stepAt(k), 1], [stepAt(k + 1), -1]] as const) {
      net.hiddenWeights.push(w);
      net.hiddenBiases.push(-w * edge);
      net.outputWeights.push(sign * h);
    }
  });
  return net;
}

/** How far a network is from f on the interval. */
export interface ApproximationError {
  /** The largest |net(x) − f(x)| over the sample points. */
  maxError: number;
  /** The root mean square of net(x) − f(x) over the sample points. */
  rmsError: number;
}

/**
 * Measures a network against f on `samples` evenly spaced points of the interval.
 *
 * @throws {InvalidApproximationError} For a bad interval, fewer than 2 samples, a malformed
 *   net or an f that is not finite somewhere.
 */
export function approximationError(
  f: (x: number) => number,
  net: OneHiddenLayerNet,
  options: { interval?: readonly [number, number]; samples?: number } = {},
): ApproximationError {
  const [a, b] = checkInterval(options.interval ?? [0, 1]);
  const samples = options.samples ?? 1001;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new InvalidApproximationError(`Esperava pelo menos 2 pontos de amostra (inteiro); chegou ${samples}.`);
  }
  const xs = Array.from({ length: samples }, (_, i) => a + ((b - a) * i) / (samples - 1));
  const ys = evaluateOneHiddenLayer(net, xs);
  let max = 0;
  let squares = 0;
  xs.forEach((x, i) => {
    const diff = Math.abs((ys[i] ?? NaN) - valueOf(f, x));
    max = Math.max(max, diff);
    squares += diff * diff;
  });
  return { maxError: max, rmsError: Math.sqrt(squares / samples) };
}
