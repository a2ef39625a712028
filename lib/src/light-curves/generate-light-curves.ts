import * as tf from "../tf";
import { seededRandom, type SeededRandom } from "../random/seeded-random";
import { InvalidLightCurveRequestError } from "./light-curve-errors";

/** The three kinds of periodic variable star the generator draws, in label order. */
export const LIGHT_CURVE_CLASSES = ["cefeida", "RR Lyrae", "binária eclipsante"] as const;

/** Options of {@link generateLightCurves}. */
export interface LightCurveOptions {
  /** How many curves (classes in equal shares, in random order). */
  count: number;
  /** Seed: the same seed gives the same curves. */
  seed: number;
  /** Observations per curve (default 64). */
  length?: number;
  /** Time between observations, in days (default 0.15). */
  cadenceDays?: number;
  /** Standard deviation of the photometric noise, in magnitudes (default 0.03). */
  noise?: number;
}

/** Simulated light curves of periodic variable stars. */
export interface LightCurves {
  /** Observation times in days, the same for every curve. */
  times: number[];
  /** One array of magnitudes per curve (larger = fainter, as astronomers count). */
  magnitudes: number[][];
  /** Class of each curve: an index into {@link LightCurves.classNames}. */
  labels: number[];
  classNames: string[];
  /** The true period of each curve, in days. */
  periods: number[];
}

/** Brightness over one cycle that rises in `rise` of the phase and fades in the rest (0…1). */
function sawtooth(phase: number, rise: number): number {
  return phase < rise ? phase / rise : (1 - phase) / (1 - rise);
}

/** Magnitude change (0 outside eclipses) of a detached eclipsing binary. */
function eclipses(phase: number, width: number, primary: number, secondary: number): number {
  const dip = (centre: number) => {
    const distance = Math.min(Math.abs(phase - centre), 1 - Math.abs(phase - centre));
    return distance < width ? Math.cos((Math.PI * distance) / (2 * width)) ** 2 : 0;
  };
  return primary * dip(0) + secondary * dip(0.5);
}

function drawStar(kind: number, random: SeededRandom): { period: number; magnitudeAt: (t: number) => number } {
  const mean = random.between(12, 16);
  const offset = random.uniform();
  if (kind === 0) {
    // Classical Cepheid: periods of days, fast rise and slow decline, ~0.5–1 mag.
    const period = random.between(2, 10);
    const amplitude = random.between(0.4, 1.0);
    return { period, magnitudeAt: (t) => mean - amplitude * (sawtooth(((t / period + offset) % 1 + 1) % 1, 0.3) - 0.5) };
  }
  if (kind === 1) {
    // RR Lyrae (type ab): periods under a day, a steeper rise.
    const period = random.between(0.3, 0.8);
    const amplitude = random.between(0.5, 1.2);
    return { period, magnitudeAt: (t) => mean - amplitude * (sawtooth(((t / period + offset) % 1 + 1) % 1, 0.12) - 0.5) };
  }
  // Eclipsing binary: constant light with a deep primary and a shallower secondary eclipse.
  const period = random.between(0.6, 4);
  const primary = random.between(0.3, 0.9);
  const secondary = primary * random.between(0.1, 0.6);
  const width = random.between(0.04, 0.1);
  return { period, magnitudeAt: (t) => mean + eclipses(((t / period + offset) % 1 + 1) % 1, width, primary, secondary) };
}

/**
 * Simulates light curves of Cepheids, RR Lyrae and eclipsing binaries observed at a regular
 * cadence, with Gaussian noise — sequences for the recurrent networks of notebook 11.
 * Shapes follow the textbook pictures (e.g. Percy, *Understanding Variable Stars*, 2007),
 * not a physical model.
 *
 * @throws {InvalidLightCurveRequestError} For a non-positive count or length, or a negative noise.
 */
export function generateLightCurves(options: LightCurveOptions): LightCurves {
  const { count, seed } = options;
  const length = options.length ?? 64;
  const cadence = options.cadenceDays ?? 0.15;
  const noise = options.noise ?? 0.03;
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidLightCurveRequestError(`generateLightCurves: count deve ser um inteiro ≥ 1; chegou ${count}.`);
  }
  if (!Number.isInteger(length) || length < 2) {
    throw new InvalidLightCurveRequestError(`generateLightCurves: length deve ser um inteiro ≥ 2 (observações por curva); chegou ${length}.`);
  }
  if (!(cadence > 0) || !(noise >= 0) || !Number.isFinite(seed)) {
    throw new InvalidLightCurveRequestError(
      `generateLightCurves: esperava cadenceDays > 0, noise ≥ 0 e uma seed numérica; chegaram cadenceDays=${cadence}, noise=${noise}, seed=${seed}.`,
    );
  }
  const random = seededRandom(seed);
  // A separate stream for the noise: the same seed draws the same stars at any noise level.
  const noiseRandom = seededRandom(seed + 7919);
  const labels = random.shuffled(Array.from({ length: count }, (_, i) => i % LIGHT_CURVE_CLASSES.length));
  const times = Array.from({ length }, (_, i) => i * cadence);
  const periods: number[] = [];
  const magnitudes = labels.map((label) => {
    const star = drawStar(label, random);
    periods.push(star.period);
    return times.map((t) => star.magnitudeAt(t) + noiseRandom.normal(0, noise));
  });
  return { times, magnitudes, labels, classNames: [...LIGHT_CURVE_CLASSES], periods };
}

/**
 * Tensors for a recurrent network: `x` `[curvas, passos, 1]` with each curve standardized
 * (its own mean subtracted, divided by its own standard deviation: the network sees the
 * shape, not the star's brightness) and `y` one-hot `[curvas, classes]`.
 */
export function lightCurvesToTensors(curves: LightCurves): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const n = curves.magnitudes.length;
  const length = curves.times.length;
  const flat = new Float32Array(n * length);
  curves.magnitudes.forEach((curve, i) => {
    const mean = curve.reduce((s, m) => s + m, 0) / length;
    const sd = Math.sqrt(curve.reduce((s, m) => s + (m - mean) ** 2, 0) / length) || 1;
    curve.forEach((m, j) => (flat[i * length + j] = (m - mean) / sd));
  });
  return tf.tidy(() => ({
    x: tf.tensor3d(flat, [n, length, 1]),
    y: tf.oneHot(tf.tensor1d(curves.labels, "int32"), curves.classNames.length).toFloat() as tf.Tensor2D,
  }));
}
