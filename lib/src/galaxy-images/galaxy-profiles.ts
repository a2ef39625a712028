/**
 * Surface-brightness profiles of the simulated galaxies, in plain numbers (no tensors).
 *
 * - Sérsic (1963): I(r) ∝ exp(−b_n (r/r_e)^{1/n}), here normalised to 1 at r = 0, with
 *   b_n ≈ 2n − 1/3 so that half of the light falls inside r_e; n = 1 is an exponential disc
 *   and n = 4 de Vaucouleurs' law of bright ellipticals. The simulated ellipticals draw n
 *   uniformly in 1–3.5 (generate-galaxy-images.ts), i.e. less concentrated than n = 4, and
 *   the spirals' bulges use n = 2.5.
 * - Spiral arms: a logarithmic spiral φ(r) = φ₀ + ln(r/h) / tan(ψ), where ψ is the pitch
 *   angle, modulating an exponential disc with m arms.
 */

/** b_n of the Sérsic profile (Ciotti & Bertin 1999 first terms). */
export function sersicB(n: number): number {
  return 2 * n - 1 / 3 + 4 / (405 * n);
}

/** Sérsic profile normalised to 1 at r = 0. */
export function sersicProfile(r: number, effectiveRadius: number, n: number): number {
  return Math.exp(-sersicB(n) * Math.pow(r / effectiveRadius, 1 / n));
}

/** Parameters of one simulated galaxy (sizes in pixels, angles in radians). */
export type GalaxyParameters =
  | {
      kind: "elliptical";
      centerX: number;
      centerY: number;
      orientation: number;
      axisRatio: number;
      effectiveRadius: number;
      sersicIndex: number;
    }
  | {
      kind: "spiral";
      centerX: number;
      centerY: number;
      orientation: number;
      axisRatio: number;
      discScaleLength: number;
      bulgeRadius: number;
      bulgeWeight: number;
      arms: number;
      pitchAngle: number;
      armPhase: number;
      armStrength: number;
      armSharpness: number;
    };

/**
 * Brightness of a galaxy at pixel (x, y) (pixel centres at integer + 0.5), before PSF,
 * noise and normalisation.
 */
export function galaxyBrightness(galaxy: GalaxyParameters, x: number, y: number): number {
  const dx = x - galaxy.centerX;
  const dy = y - galaxy.centerY;
  const cos = Math.cos(galaxy.orientation);
  const sin = Math.sin(galaxy.orientation);
  const u = dx * cos + dy * sin;
  const v = (-dx * sin + dy * cos) / galaxy.axisRatio;
  // Half a pixel of softening keeps the cusp of steep profiles finite at the centre.
  const r = Math.sqrt(u * u + v * v + 0.25);
  if (galaxy.kind === "elliptical") {
    return sersicProfile(r, galaxy.effectiveRadius, galaxy.sersicIndex);
  }
  const h = galaxy.discScaleLength;
  const angle = Math.atan2(v, u);
  const armAngle = galaxy.armPhase + Math.log(r / h) / Math.tan(galaxy.pitchAngle);
  const wave = Math.pow(0.5 * (1 + Math.cos(galaxy.arms * (angle - armAngle))), galaxy.armSharpness);
  // Arms fade in away from the bulge.
  const taper = 1 - Math.exp(-((r / (0.7 * h)) ** 2));
  const disc = Math.exp(-r / h) * (1 - galaxy.armStrength * taper + 2 * galaxy.armStrength * taper * wave);
  const bulge = galaxy.bulgeWeight * sersicProfile(r, galaxy.bulgeRadius, 2.5);
  return disc + bulge;
}
