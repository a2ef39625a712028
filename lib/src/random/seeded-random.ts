/**
 * A small seeded pseudo-random generator (mulberry32), so that generated data, shuffles
 * and augmentations repeat exactly from one run to the next.
 *
 * @example
 * const random = seededRandom(42);
 * random.uniform(); // a number in [0, 1), the same for every run with seed 42
 */
export interface SeededRandom {
  /** A number uniformly distributed in [0, 1). */
  uniform(): number;
  /** A number uniformly distributed in [low, high). */
  between(low: number, high: number): number;
  /** An integer in [0, n). */
  integer(n: number): number;
  /** A normally distributed number (Box–Muller) with the given mean and standard deviation. */
  normal(mean?: number, standardDeviation?: number): number;
  /** A new array with the elements of `items` in random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[];
}

/**
 * Makes a {@link SeededRandom} from an integer seed (scrambled first, so that small
 * seeds 0, 1, 2… start far apart).
 *
 * @param seed Any finite number; equal seeds give equal sequences.
 */
export function seededRandom(seed: number): SeededRandom {
  return randomFromState((Math.trunc(seed) ^ 0x9e3779b9) >>> 0);
}

/**
 * Makes a {@link SeededRandom} whose mulberry32 state starts at `state` (taken as an
 * unsigned 32-bit integer), without scrambling: the generator behind the shipped
 * star/galaxy catalogue and the course's pretrained base, kept so that they rebuild
 * byte for byte.
 */
export function randomFromState(initialState: number): SeededRandom {
  let state = initialState >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: SeededRandom = {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    integer: (n) => Math.min(n - 1, Math.floor(uniform() * n)),
    normal: (mean = 0, standardDeviation = 1) => {
      const u = 1 - uniform(); // in (0, 1]: log(u) is finite
      const v = uniform();
      return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffled: <T>(items: readonly T[]): T[] => {
      const result = [...items];
      for (let i = result.length - 1; i > 0; i--) {
        const j = random.integer(i + 1);
        [result[i], result[j]] = [result[j] as T, result[i] as T];
      }
      return result;
    },
  };
  return random;
}
