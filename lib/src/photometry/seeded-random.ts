/**
 * A small seeded pseudo-random generator (mulberry32) for data that must be the same on
 * every machine: the simulated catalogue, train/test splits, initial weights in tests.
 * Pure JavaScript integer arithmetic, so the same seed gives the same numbers everywhere.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, standardDeviation?: number): number;
  /** An integer in [0, n). */
  integer(n: number): number;
}

/**
 * Makes a generator from an integer seed.
 *
 * @param seed Any integer; the same seed always gives the same sequence.
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    normal: (mean = 0, standardDeviation = 1) => {
      const u1 = 1 - uniform(); // (0, 1], so the logarithm is finite
      const u2 = uniform();
      return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    integer: (n) => Math.floor(uniform() * n),
  };
}
