/**
 * The course's simulated star/galaxy catalogue: SDSS-like PSF and model magnitudes in
 * u, g, r, i, z for stars along the stellar locus and for galaxies whose colours change
 * with redshift, deterministic from a seed.
 *
 * A teaching stand-in for a SkyServer query, calibrated on published SDSS results so that
 * the course's hand-written logistic regression separates it about as well as real SDSS
 * spectroscopic stars and galaxies (≈ 81 % with u−g, g−r; ≈ 95 % with the four colours;
 * measured in lib/src/photometry/simulate-catalogue.test.ts):
 * - stars: the median SDSS stellar locus in u−g, g−r, r−i, i−z (Covey et al. 2007, AJ 134,
 *   2398; Ivezić et al. 2008, ApJ 684, 287) with its intrinsic width, in the proportions of
 *   a spectroscopic sample (mostly F/G stars, some A/BHB, K and M dwarfs), point sources
 *   (psfMag ≈ modelMag), spectroscopic redshift ≈ 0;
 * - galaxies: redshift 0.02–0.65, on the blue (star-forming) or red (passive) sequence of
 *   the bimodal colour distribution (Strateva et al. 2001, AJ 122, 1861; Baldry et al. 2004,
 *   ApJ 600, 681), reddened with z by the K-correction (see {@link galaxyColours}), absolute
 *   magnitude M_r ≈ −21.3 ± 0.8 placed at the luminosity distance of a flat ΛCDM universe
 *   (H0 = 70, Ωm = 0.3), and an extended profile whose angular size shrinks with distance,
 *   so psfMag − modelMag > 0, largest for nearby galaxies;
 * - Galactic extinction: E(B−V) ≈ 0.01–0.1 per object with the SDSS A_band/E(B−V) of
 *   Schlafly & Finkbeiner 2011 (so colours depend on the line of sight too);
 * - noise: {@link magnitudeError}, σ ≈ 0.02–0.03 mag at r < 19 rising to ≈ 0.1 at
 *   r ≈ 21.5, u the worst, so faint objects are noisy and the classes overlap there.
 * Selection: 14 ≤ modelMag_r ≤ 20.5 (roughly SDSS/BOSS spectroscopic targets).
 */
import { randomFromState, type SeededRandom } from "../random/seeded-random";
import { SDSS_BANDS, STAR_GALAXY_COLUMNS, type StarGalaxyRecord, type SdssBand } from "./star-galaxy-record";
import { CatalogueError } from "./star-galaxy-record";

/** The seed and size of the shipped file `datasets/estrelas_galaxias_sdss_simulado.csv`. */
export const SHIPPED_CATALOGUE = { file: "estrelas_galaxias_sdss_simulado.csv", seed: 20260517, count: 4000 } as const;

export interface SimulationOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same catalogue. */
  seed: number;
  /** Number of objects (≥ 1). */
  count: number;
  /** Fraction of galaxies, in [0, 1]; default 0.55. */
  galaxyFraction?: number;
}

/** SDSS 95 % completeness limits for point sources (Abazajian et al. 2004, AJ 128, 502). */
const LIMITING_MAGNITUDE: Record<SdssBand, number> = { u: 22.0, g: 22.2, r: 22.2, i: 21.3, z: 20.5 };
const R_RANGE = { bright: 14, faint: 20.5 };
/** A_band / E(B−V) for the SDSS bands (Schlafly & Finkbeiner 2011, ApJ 737, 103, R_V = 3.1). */
const EXTINCTION_PER_EBV: Record<SdssBand, number> = { u: 4.239, g: 3.303, r: 2.285, i: 1.698, z: 1.263 };

/**
 * Median stellar locus of SDSS point sources, indexed by g−r, from A stars to mid-M
 * dwarfs: Covey et al. 2007 (AJ 134, 2398), table 3, and Ivezić et al. 2008 (ApJ 684, 287).
 * The u−g of F/G stars depends on metallicity (halo stars are bluer); the scatter added
 * in `simulateStar` stands for it.
 */
const LOCUS = {
  gr: [-0.3, -0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.2, 1.35, 1.45, 1.55],
  ug: [1.05, 1.05, 0.95, 1.05, 1.2, 1.45, 1.9, 2.25, 2.5, 2.55, 2.6, 2.65],
  ri: [-0.2, -0.08, 0.05, 0.1, 0.15, 0.22, 0.3, 0.4, 0.55, 0.8, 1.1, 1.5],
  iz: [-0.15, -0.06, 0.0, 0.03, 0.06, 0.1, 0.15, 0.22, 0.3, 0.42, 0.58, 0.8],
};

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= xs[0]!) return ys[0]!;
  for (let k = 1; k < xs.length; k++) {
    if (x <= xs[k]!) {
      const f = (x - xs[k - 1]!) / (xs[k]! - xs[k - 1]!);
      return ys[k - 1]! + f * (ys[k]! - ys[k - 1]!);
    }
  }
  return ys[ys.length - 1]!;
}

/** Luminosity distance in Mpc, flat ΛCDM (H0 = 70 km/s/Mpc, Ωm = 0.3), trapezoid rule. */
export function luminosityDistanceMpc(redshift: number): number {
  const hubbleDistance = 299792.458 / 70;
  const steps = 200;
  let integral = 0;
  for (let k = 0; k <= steps; k++) {
    const zk = (redshift * k) / steps;
    const weight = k === 0 || k === steps ? 0.5 : 1;
    integral += weight / Math.sqrt(0.3 * (1 + zk) ** 3 + 0.7);
  }
  return hubbleDistance * integral * (redshift / steps) * (1 + redshift);
}

/**
 * Observed-frame colour tracks of galaxies with redshift: the blue (star-forming) and red
 * (passive) sequences of the bimodal colour distribution (Strateva et al. 2001, AJ 122,
 * 1861: u−r ≈ 1.6 and 2.6 at z ≈ 0.1; Baldry et al. 2004, ApJ 600, 681), reddened by the
 * K-correction as the 4000 Å break moves from g into r (g−r of red galaxies ≈ 0.8 at
 * z ≈ 0.05 to ≈ 1.8 at z ≈ 0.4; Eisenstein et al. 2001, AJ 122, 2267) and then into i
 * (r−i rises beyond z ≈ 0.35). At fixed g−r, galaxies are redder in r−i and i−z than the
 * stellar locus: this is what four colours add to two.
 *
 * @param passive 0 = blue sequence, 1 = red sequence, in between a mix.
 */
export function galaxyColours(redshift: number, passive: number): { ug: number; gr: number; ri: number; iz: number } {
  const z = redshift;
  const saturating = (x: number, knee: number): number => knee * Math.tanh(x / knee);
  const blue = {
    ug: 1.1 + 0.9 * z,
    gr: 0.42 + 0.9 * z + 0.8 * z * z,
    ri: 0.35 + 0.15 * z + 0.5 * z * z,
    iz: 0.3 + 0.1 * z + 0.2 * z * z,
  };
  const red = {
    ug: 1.75 + 1.6 * z,
    gr: 0.72 + saturating(2.9 * z, 1.15),
    ri: 0.38 + 0.15 * z + 2.2 * Math.max(0, z - 0.3) ** 1.3 + 0.2 * z * z,
    iz: 0.37 + 0.15 * z + 0.3 * z * z,
  };
  const mix = (a: number, b: number): number => a + passive * (b - a);
  return { ug: mix(blue.ug, red.ug), gr: mix(blue.gr, red.gr), ri: mix(blue.ri, red.ri), iz: mix(blue.iz, red.iz) };
}

/**
 * Photometric error of an SDSS magnitude: a 0.015 mag calibration floor plus photon
 * noise that reaches 0.2 mag at the band's limit, so σ ≈ 0.02–0.03 at r < 19 and ≈ 0.1 at
 * r ≈ 21.5; u, whose limit is brighter for the red objects of the catalogue, is the
 * noisiest band.
 */
export function magnitudeError(band: SdssBand, magnitude: number): number {
  return Math.min(1, Math.hypot(0.015, 0.2 * 10 ** (0.4 * (magnitude - LIMITING_MAGNITUDE[band]))));
}

function bandMagnitudes(r: number, colours: { ug: number; gr: number; ri: number; iz: number }): Record<SdssBand, number> {
  const g = r + colours.gr;
  const i = r - colours.ri;
  return { u: g + colours.ug, g, r, i, z: i - colours.iz };
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

/** Galactic reddening E(B−V) of a high-latitude line of sight (typically 0.01–0.1). */
function reddening(random: SeededRandom): number {
  return 0.01 - 0.03 * Math.log(1 - random.uniform());
}

function redden(magnitudes: Record<SdssBand, number>, ebv: number): Record<SdssBand, number> {
  const out = { ...magnitudes };
  for (const band of SDSS_BANDS) out[band] += EXTINCTION_PER_EBV[band] * ebv;
  return out;
}

interface TrueObject {
  model: Record<SdssBand, number>;
  psf: Record<SdssBand, number>;
  redshift: number;
}

/**
 * Spectral types of SDSS spectroscopic stars, as fractions and g−r ranges: mostly F/G
 * (SEGUE and calibration targets), K and M dwarfs, a few A/BHB stars.
 */
const STELLAR_POPULATIONS = [
  { fraction: 0.08, gr: [-0.3, 0.0] },
  { fraction: 0.7, gr: [0.15, 0.6] },
  { fraction: 0.18, gr: [0.6, 1.2] },
  { fraction: 0.04, gr: [1.2, 1.5] },
] as const;

function simulateStar(random: SeededRandom): TrueObject {
  let pick = random.uniform();
  let population: (typeof STELLAR_POPULATIONS)[number] = STELLAR_POPULATIONS[STELLAR_POPULATIONS.length - 1]!;
  for (const candidate of STELLAR_POPULATIONS) {
    if (pick < candidate.fraction) {
      population = candidate;
      break;
    }
    pick -= candidate.fraction;
  }
  const gr = random.between(population.gr[0], population.gr[1]);
  const colours = {
    gr,
    ug: interpolate(LOCUS.gr, LOCUS.ug, gr) + random.normal(0, 0.1),
    ri: interpolate(LOCUS.gr, LOCUS.ri, gr) + random.normal(0, 0.025),
    iz: interpolate(LOCUS.gr, LOCUS.iz, gr) + random.normal(0, 0.025),
  };
  const r = R_RANGE.bright + (R_RANGE.faint - R_RANGE.bright) * Math.sqrt(random.uniform());
  const psf = redden(bandMagnitudes(r, colours), reddening(random));
  const model = { ...psf };
  for (const band of SDSS_BANDS) model[band] = psf[band] + random.normal(0, 0.02);
  return { model, psf, redshift: random.normal(0, 0.0002) };
}

const BAND_EXTENT: Record<SdssBand, number> = { u: 1.05, g: 1.0, r: 1.0, i: 0.97, z: 0.95 };

function simulateGalaxy(random: SeededRandom): TrueObject {
  for (;;) {
    // Gamma(2, 0.11) shifted by 0.02: most galaxies at z ≈ 0.1–0.4.
    const redshift = 0.02 - 0.11 * Math.log((1 - random.uniform()) * (1 - random.uniform()));
    if (redshift > 0.65) continue;
    const passive = random.uniform() < 0.5 ? clamp(random.normal(0.92, 0.08), 0, 1) : clamp(random.normal(0.12, 0.15), 0, 1);
    const absolute = random.normal(-21.3 - 0.4 * passive, 0.8);
    const distance = luminosityDistanceMpc(redshift);
    const kCorrection = redshift * (0.5 + 1.5 * passive);
    const r = absolute + 5 * Math.log10(distance) + 25 + kCorrection;
    if (r < R_RANGE.bright || r > R_RANGE.faint) continue;
    const mean = galaxyColours(redshift, passive);
    const colours = {
      ug: mean.ug + random.normal(0, 0.15),
      gr: mean.gr + random.normal(0, 0.06),
      ri: mean.ri + random.normal(0, 0.03),
      iz: mean.iz + random.normal(0, 0.035),
    };
    const model = redden(bandMagnitudes(r, colours), reddening(random));
    // Angular half-light radius (arcsec) of a disc/spheroid of ≈ 4 kpc at this distance.
    const kpcPerArcsec = ((distance / (1 + redshift) ** 2) * 1000 * Math.PI) / 648000;
    const radius = (4 * Math.exp(random.normal(0, 0.35))) / kpcPerArcsec;
    const extent = Math.log10(1 + 2 * (radius / 0.8) ** 2);
    const psf = { ...model };
    for (const band of SDSS_BANDS) psf[band] = model[band] + extent * BAND_EXTENT[band] * (1 + random.normal(0, 0.05));
    return { model, psf, redshift };
  }
}

/**
 * Simulates a star/galaxy catalogue.
 *
 * @returns `count` records, in random order of class, with magnitudes rounded to 0.001
 *   and redshifts to 0.00001 (what the CSV keeps).
 * @throws {CatalogueError} When `count` is not a positive integer or `galaxyFraction` is
 *   outside [0, 1].
 */
export function simulateStarGalaxyCatalogue(options: SimulationOptions): StarGalaxyRecord[] {
  const { seed, count, galaxyFraction = 0.55 } = options;
  if (!Number.isInteger(count) || count < 1) {
    throw new CatalogueError(`O número de objetos deve ser um inteiro ≥ 1; recebi ${count}.`);
  }
  if (!(galaxyFraction >= 0 && galaxyFraction <= 1)) {
    throw new CatalogueError(`A fração de galáxias deve estar entre 0 e 1; recebi ${galaxyFraction}.`);
  }
  if (!Number.isInteger(seed)) {
    throw new CatalogueError(`A semente deve ser um número inteiro; recebi ${seed}.`);
  }
  const random = randomFromState(seed);
  const records: StarGalaxyRecord[] = [];
  for (let index = 0; index < count; index++) {
    const isGalaxy = random.uniform() < galaxyFraction;
    const truth = isGalaxy ? simulateGalaxy(random) : simulateStar(random);
    const observe = (band: SdssBand, magnitude: number): number =>
      round(magnitude + random.normal(0, magnitudeError(band, magnitude)), 3);
    records.push({
      objID: (9000000000000000000n + BigInt(index + 1)).toString(),
      class: isGalaxy ? "GALAXY" : "STAR",
      psfMag_u: observe("u", truth.psf.u),
      psfMag_g: observe("g", truth.psf.g),
      psfMag_r: observe("r", truth.psf.r),
      psfMag_i: observe("i", truth.psf.i),
      psfMag_z: observe("z", truth.psf.z),
      modelMag_u: observe("u", truth.model.u),
      modelMag_g: observe("g", truth.model.g),
      modelMag_r: observe("r", truth.model.r),
      modelMag_i: observe("i", truth.model.i),
      modelMag_z: observe("z", truth.model.z),
      z: round(truth.redshift, 5),
    });
  }
  return records;
}

function round(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Writes records as CSV text with the SkyServer column names (header line, `\n` line ends). */
export function catalogueToCsv(records: readonly StarGalaxyRecord[]): string {
  const lines = [STAR_GALAXY_COLUMNS.join(",")];
  for (const record of records) {
    lines.push(
      STAR_GALAXY_COLUMNS.map((column) => {
        const value = record[column];
        if (typeof value === "string") return value;
        return column === "z" ? value.toFixed(5) : value.toFixed(3);
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}
