/**
 * The course's simulated star/galaxy catalogue: SDSS-like PSF and model magnitudes in
 * u, g, r, i, z for stars along the stellar locus and for galaxies whose colours change
 * smoothly with redshift, deterministic from a seed.
 *
 * The model is deliberately simple (a teaching stand-in for a SkyServer query, not a
 * survey simulation):
 * - stars: colours interpolated along an approximate SDSS stellar locus (in the spirit of
 *   Covey et al. 2007, AJ 134, 2398) from A stars (g−r ≈ −0.2) to M dwarfs (g−r ≈ 1.5),
 *   point sources (psfMag ≈ modelMag), spectroscopic redshift ≈ 0;
 * - galaxies: redshift 0.02–0.65, a mix between a blue (star-forming) and a red
 *   (passive) colour track that both redden with z as the 4000 Å break moves through
 *   g and r, absolute magnitude M_r ≈ −21.3 ± 0.8 placed at the luminosity distance
 *   of a flat ΛCDM universe (H0 = 70, Ωm = 0.3), and an extended profile whose angular
 *   size shrinks with distance, so psfMag − modelMag > 0, largest for nearby galaxies;
 * - noise: σ(m) = 0.01 + 0.2·10^{0.4(m − m_lim)} (capped at 1 mag), with SDSS-like limits
 *   m_lim = 22.0, 22.2, 22.2, 21.3, 20.5 in u, g, r, i, z, so faint objects are noisy
 *   and the classes overlap at the faint end, as in real data.
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

const LIMITING_MAGNITUDE: Record<SdssBand, number> = { u: 22.0, g: 22.2, r: 22.2, i: 21.3, z: 20.5 };
const R_RANGE = { bright: 14, faint: 20.5 };

/** Stellar locus nodes: g−r and the other colours at that point (A stars to M dwarfs). */
const LOCUS = {
  gr: [-0.3, 0.0, 0.3, 0.6, 1.0, 1.2, 1.4, 1.6],
  ug: [0.9, 0.95, 1.1, 1.8, 2.4, 2.5, 2.6, 2.7],
  ri: [-0.15, 0.0, 0.1, 0.2, 0.4, 0.65, 1.05, 1.6],
  iz: [-0.1, 0.0, 0.05, 0.1, 0.2, 0.35, 0.55, 0.85],
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

/** Rest-frame-to-observed colours of a galaxy: `passive` 0 = blue track, 1 = red track. */
export function galaxyColours(redshift: number, passive: number): { ug: number; gr: number; ri: number; iz: number } {
  const z = redshift;
  const blue = { ug: 1.05 + 0.7 * z, gr: 0.38 + 1.3 * z - 0.6 * z * z, ri: 0.22 + 0.35 * z + 0.3 * z * z, iz: 0.12 + 0.35 * z };
  const red = { ug: 1.8 + 1.1 * z, gr: 0.75 + 2.6 * z - 1.6 * z * z, ri: 0.38 + 0.15 * z + 1.3 * z * z, iz: 0.28 + 0.3 * z + 0.45 * z * z };
  const mix = (a: number, b: number): number => a + passive * (b - a);
  return { ug: mix(blue.ug, red.ug), gr: mix(blue.gr, red.gr), ri: mix(blue.ri, red.ri), iz: mix(blue.iz, red.iz) };
}

function magnitudeError(band: SdssBand, magnitude: number): number {
  return Math.min(1, 0.01 + 0.2 * 10 ** (0.4 * (magnitude - LIMITING_MAGNITUDE[band])));
}

function bandMagnitudes(r: number, colours: { ug: number; gr: number; ri: number; iz: number }): Record<SdssBand, number> {
  const g = r + colours.gr;
  const i = r - colours.ri;
  return { u: g + colours.ug, g, r, i, z: i - colours.iz };
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

interface TrueObject {
  model: Record<SdssBand, number>;
  psf: Record<SdssBand, number>;
  redshift: number;
}

function simulateStar(random: SeededRandom): TrueObject {
  const population = random.uniform();
  const gr = clamp(
    population < 0.05 ? random.normal(-0.1, 0.15) : population < 0.75 ? random.normal(0.45, 0.25) : random.normal(1.3, 0.15),
    -0.3,
    1.6,
  );
  const colours = {
    gr,
    ug: interpolate(LOCUS.gr, LOCUS.ug, gr) + random.normal(0, 0.08),
    ri: interpolate(LOCUS.gr, LOCUS.ri, gr) + random.normal(0, 0.04),
    iz: interpolate(LOCUS.gr, LOCUS.iz, gr) + random.normal(0, 0.04),
  };
  const r = R_RANGE.bright + (R_RANGE.faint - R_RANGE.bright) * Math.sqrt(random.uniform());
  const psf = bandMagnitudes(r, colours);
  const model = { ...psf };
  for (const band of SDSS_BANDS) model[band] = psf[band] + random.normal(0, 0.02);
  return { model, psf, redshift: random.normal(0, 0.0002) };
}

const BAND_EXTENT: Record<SdssBand, number> = { u: 1.05, g: 1.0, r: 1.0, i: 0.97, z: 0.95 };

function simulateGalaxy(random: SeededRandom): TrueObject {
  for (;;) {
    // Gamma(2, 0.09) shifted by 0.02: most galaxies at z ≈ 0.1–0.3.
    const redshift = 0.02 - 0.09 * Math.log((1 - random.uniform()) * (1 - random.uniform()));
    if (redshift > 0.65) continue;
    const passive = random.uniform() < 0.55 ? clamp(random.normal(0.9, 0.1), 0, 1) : clamp(random.normal(0.2, 0.15), 0, 1);
    const absolute = random.normal(-21.3, 0.8);
    const distance = luminosityDistanceMpc(redshift);
    const kCorrection = redshift * (0.5 + 1.5 * passive);
    const r = absolute + 5 * Math.log10(distance) + 25 + kCorrection;
    if (r < R_RANGE.bright || r > R_RANGE.faint) continue;
    const mean = galaxyColours(redshift, passive);
    const colours = {
      ug: mean.ug + random.normal(0, 0.12),
      gr: mean.gr + random.normal(0, 0.05),
      ri: mean.ri + random.normal(0, 0.04),
      iz: mean.iz + random.normal(0, 0.05),
    };
    const model = bandMagnitudes(r, colours);
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
