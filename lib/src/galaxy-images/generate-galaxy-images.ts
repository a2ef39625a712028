/**
 * Simulated galaxy images: smooth ellipticals and spirals, blurred by a PSF and with sky
 * noise, deterministic from a seed. They are SIMULATED (not observations): a stand-in for
 * Galaxy10 DECaLS that ships with the course and needs no download.
 */
import { galaxyBrightness, type GalaxyParameters } from "./galaxy-profiles";
import { GalaxyImageError } from "./galaxy-image-errors";
import { seededRandom, type SeededRandom } from "../random/seeded-random";

/** Class names, indexed by label: 0 = elíptica, 1 = espiral. */
export const GALAXY_CLASS_NAMES: readonly string[] = Object.freeze(["elíptica", "espiral"]);

/** A set of single-channel images in plain typed arrays (no tensors held). */
export interface GalaxyImageSet {
  /** Pixel values, row-major in the order of `shape` (n, height, width, 1), about 0–1. */
  pixels: Float32Array;
  shape: [number, number, number, 1];
  /** Class index of each image (see `classNames`). */
  labels: Int32Array;
  classNames: readonly string[];
}

export interface GalaxyImageOptions {
  /** Number of images. */
  count: number;
  /** Height and width in pixels (square images); default 32, at least 8. */
  size?: number;
  /** Seed of the generator; the same seed gives the same images. Default 0. */
  seed?: number;
  /** Fraction of spirals, 0–1; default 0.5 (balanced: exactly round(count·fraction) spirals). */
  spiralFraction?: number;
  /** Multiplies the standard deviation of the sky noise (default 1; 0 = no noise). */
  noiseLevel?: number;
  /** Multiplies the width of the PSF (default 1; 0 = no blur). */
  psfScale?: number;
}

function checkOptions(options: GalaxyImageOptions): Required<GalaxyImageOptions> {
  const full = { size: 32, seed: 0, spiralFraction: 0.5, noiseLevel: 1, psfScale: 1, ...options };
  const integer = (name: string, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min) {
      throw new GalaxyImageError(
        `generateGalaxyImages: "${name}" deve ser um inteiro ≥ ${min}; recebi ${String(value)}. ` +
          `Exemplo: generateGalaxyImages({ count: 200, size: 32, seed: 1 }).`,
      );
    }
  };
  integer("count", full.count, 1);
  integer("size", full.size, 8);
  integer("seed", full.seed, 0);
  for (const [name, value, max] of [
    ["spiralFraction", full.spiralFraction, 1],
    ["noiseLevel", full.noiseLevel, 100],
    ["psfScale", full.psfScale, 100],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > max) {
      throw new GalaxyImageError(`generateGalaxyImages: "${name}" deve estar entre 0 e ${max}; recebi ${String(value)}.`);
    }
  }
  if (full.size * full.size * full.count > 50_000_000) {
    throw new GalaxyImageError(
      `generateGalaxyImages: ${full.count} imagens de ${full.size}×${full.size} passam de 50 milhões de pixels; ` +
        "peça menos imagens ou imagens menores.",
    );
  }
  return full;
}

/** Draws the parameters of one galaxy of the given class for an image of `size` pixels. */
function drawGalaxyParameters(kind: "elliptical" | "spiral", size: number, random: SeededRandom): GalaxyParameters {
  const centerX = size / 2 + random.between(-0.06, 0.06) * size;
  const centerY = size / 2 + random.between(-0.06, 0.06) * size;
  const orientation = random.between(0, Math.PI);
  if (kind === "elliptical") {
    return {
      kind,
      centerX,
      centerY,
      orientation,
      axisRatio: random.between(0.45, 1),
      effectiveRadius: random.between(0.15, 0.35) * size,
      sersicIndex: random.between(1, 3.5),
    };
  }
  const armsDraw = random.uniform();
  return {
    kind,
    centerX,
    centerY,
    orientation,
    axisRatio: random.between(0.45, 1),
    discScaleLength: random.between(0.09, 0.15) * size,
    bulgeRadius: random.between(0.03, 0.06) * size,
    bulgeWeight: random.between(0.3, 1.2),
    arms: armsDraw < 0.6 ? 2 : armsDraw < 0.85 ? 3 : 4,
    pitchAngle: (random.between(12, 35) * Math.PI) / 180,
    armPhase: random.between(0, 2 * Math.PI),
    armStrength: random.between(0.4, 0.9),
    armSharpness: random.between(2, 5),
  };
}

/** A normalised 1-D Gaussian kernel of standard deviation `sigma` pixels. */
function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    const value = Math.exp(-(k * k) / (2 * sigma * sigma));
    kernel[k + radius] = value;
    sum += value;
  }
  for (let k = 0; k < kernel.length; k++) kernel[k] = kernel[k]! / sum;
  return kernel;
}

/** Separable Gaussian blur with edges clamped (the PSF). */
function blur(image: Float64Array, size: number, sigma: number): Float64Array {
  if (sigma <= 0) return image;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const clamp = (i: number): number => (i < 0 ? 0 : i >= size ? size - 1 : i);
  const rows = new Float64Array(image.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += kernel[k + radius]! * image[y * size + clamp(x + k)]!;
      rows[y * size + x] = sum;
    }
  }
  const out = new Float64Array(image.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += kernel[k + radius]! * rows[clamp(y + k) * size + x]!;
      out[y * size + x] = sum;
    }
  }
  return out;
}

/** Renders one galaxy: profile, PSF, peak brightness, sky and noise, clipped to [0, 1]. */
function renderGalaxy(galaxy: GalaxyParameters, size: number, random: SeededRandom, options: Required<GalaxyImageOptions>): Float64Array {
  const image = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) image[y * size + x] = galaxyBrightness(galaxy, x + 0.5, y + 0.5);
  }
  const psfSigma = options.psfScale * random.between(0.6, 1.1) * (size / 32);
  const blurred = blur(image, size, psfSigma);
  let peak = 0;
  for (const value of blurred) peak = Math.max(peak, value);
  const brightness = random.between(0.55, 0.95) / peak;
  const sky = random.between(0.02, 0.08);
  const noise = options.noiseLevel * random.between(0.015, 0.045);
  for (let i = 0; i < blurred.length; i++) {
    const value = sky + blurred[i]! * brightness + noise * random.normal();
    blurred[i] = Math.min(1, Math.max(0, value));
  }
  return blurred;
}

/**
 * Generates `count` simulated galaxy images (label 0 = elíptica, 1 = espiral).
 *
 * Ellipticals: Sérsic profiles with index n drawn uniformly in 1–3.5 (none reaches de
 * Vaucouleurs' n = 4; galaxy-profiles.ts), random ellipticity (axis ratio 0.45–1),
 * orientation and size. Spirals: exponential disc + small bulge + 2, 3 or 4 logarithmic
 * arms of pitch angle 12°–35°, seen at random inclination. Each image is blurred by a
 * Gaussian PSF, scaled to a random peak brightness and gets sky background plus Gaussian
 * noise. Deterministic: the same options give the same bytes on every machine.
 *
 * @example
 * const set = generateGalaxyImages({ count: 400, size: 32, seed: 1 });
 * set.shape; // [400, 32, 32, 1]
 * @throws {GalaxyImageError} When count/size/seed are not positive integers or other options are out of range.
 */
export function generateGalaxyImages(options: GalaxyImageOptions): GalaxyImageSet {
  return generateGalaxyImagesWithArms(options).images;
}

/**
 * The images of `generateGalaxyImages` (the same bytes for the same options) together with the
 * number of spiral arms drawn for each one (0 for ellipticals): the labels of the source task
 * on which tools/pretrain/pretrain.ts pretrains the course's convolutional base.
 *
 * @throws {GalaxyImageError} Like `generateGalaxyImages`.
 */
export function generateGalaxyImagesWithArms(options: GalaxyImageOptions): { images: GalaxyImageSet; arms: Int32Array } {
  const full = checkOptions(options);
  const { count, size } = full;
  const random = seededRandom(full.seed);
  const spirals = Math.round(count * full.spiralFraction);
  const labels = new Int32Array(count);
  for (let i = 0; i < spirals; i++) labels[i] = 1;
  for (let i = count - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    const swap = labels[i]!;
    labels[i] = labels[j]!;
    labels[j] = swap;
  }
  const pixels = new Float32Array(count * size * size);
  const arms = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const galaxy = drawGalaxyParameters(labels[n] === 1 ? "spiral" : "elliptical", size, random);
    if (galaxy.kind === "spiral") arms[n] = galaxy.arms;
    pixels.set(renderGalaxy(galaxy, size, random, full), n * size * size);
  }
  return { images: { pixels, shape: [count, size, size, 1], labels, classNames: GALAXY_CLASS_NAMES }, arms };
}
