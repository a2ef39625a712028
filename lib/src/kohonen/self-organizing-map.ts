import { CourseError } from "../errors";
import { seededRandom } from "../random/seeded-random";

/** A Kohonen-map request that cannot be honoured. */
export class InvalidSelfOrganizingMapError extends CourseError {
  override name = "InvalidSelfOrganizingMapError";
}

/** Options of {@link trainSelfOrganizingMap}. */
export interface SelfOrganizingMapOptions {
  rows: number;
  columns: number;
  /** Passes over the data (default 20). */
  epochs?: number;
  seed: number;
  /** Initial learning rate, decaying linearly to 1 % of it (default 0.5). */
  learningRate?: number;
  /** Initial neighbourhood radius in grid cells, decaying to 0.5 (default half the larger side). */
  radius?: number;
}

/** A trained Kohonen map: a grid of prototype vectors. */
export interface SelfOrganizingMap {
  rows: number;
  columns: number;
  /** `weights[linha][coluna]`: the prototype vector of each grid cell. */
  weights: number[][][];
  /** The grid cell whose prototype is closest to `x` (the "best matching unit"). */
  winner(x: readonly number[]): [number, number];
  /** Mean distance from each example to its winner's prototype: lower is a better fit. */
  quantizationError(data: readonly (readonly number[])[]): number;
}

const distance2 = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + (v - (b[i] as number)) ** 2, 0);

/**
 * Trains a self-organizing (Kohonen) map: unsupervised learning in which each example
 * pulls its closest prototype, and that prototype's grid neighbours, towards itself
 * (Kohonen 1982, *Biological Cybernetics* 43, 59). Similar examples end up in nearby cells.
 * Plain TypeScript: the map is small and the algorithm is a loop.
 *
 * @param data Examples `[exemplos][atributos]`, preferably normalized.
 * @throws {InvalidSelfOrganizingMapError} For empty or ragged data or a grid smaller than 1×1.
 */
export function trainSelfOrganizingMap(data: readonly (readonly number[])[], options: SelfOrganizingMapOptions): SelfOrganizingMap {
  const { rows, columns, seed } = options;
  const epochs = options.epochs ?? 20;
  const dimension = data[0]?.length ?? 0;
  if (data.length === 0 || dimension === 0 || data.some((x) => x.length !== dimension || x.some((v) => !Number.isFinite(v)))) {
    throw new InvalidSelfOrganizingMapError("trainSelfOrganizingMap: esperava uma lista não vazia de exemplos, todos com o mesmo número de atributos finitos.");
  }
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1 || !Number.isInteger(epochs) || epochs < 1) {
    throw new InvalidSelfOrganizingMapError(`trainSelfOrganizingMap: rows, columns e epochs devem ser inteiros ≥ 1; chegaram ${rows}, ${columns}, ${epochs}.`);
  }
  const random = seededRandom(seed);
  // Start from randomly chosen examples: prototypes begin inside the data cloud.
  const weights = Array.from({ length: rows }, () => Array.from({ length: columns }, () => [...(data[random.integer(data.length)] as number[])]));
  const rate0 = options.learningRate ?? 0.5;
  const radius0 = options.radius ?? Math.max(rows, columns) / 2;
  const winner = (x: readonly number[]): [number, number] => {
    let best: [number, number] = [0, 0];
    let bestDistance = Infinity;
    weights.forEach((row, r) =>
      row.forEach((w, c) => {
        const d = distance2(w, x);
        if (d < bestDistance) {
          bestDistance = d;
          best = [r, c];
        }
      }),
    );
    return best;
  };
  const steps = epochs * data.length;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const index of random.shuffled(data.map((_, i) => i))) {
      const x = data[index] as number[];
      const progress = step / steps;
      const rate = rate0 * (1 - 0.99 * progress);
      const radius = radius0 + (0.5 - radius0) * progress;
      const [wr, wc] = winner(x);
      weights.forEach((row, r) =>
        row.forEach((w, c) => {
          const gridDistance2 = (r - wr) ** 2 + (c - wc) ** 2;
          const influence = rate * Math.exp(-gridDistance2 / (2 * radius * radius));
          for (let i = 0; i < dimension; i++) w[i] = (w[i] as number) + influence * ((x[i] as number) - (w[i] as number));
        }),
      );
      step++;
    }
  }
  return {
    rows,
    columns,
    weights,
    winner,
    quantizationError: (points) => points.reduce((s, x) => s + Math.sqrt(distance2(weights[winner(x)[0]]![winner(x)[1]]!, x)), 0) / Math.max(1, points.length),
  };
}
