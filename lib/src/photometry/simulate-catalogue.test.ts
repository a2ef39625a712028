import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { readManifest } from "../datasets/manifest";
import { catalogueToCsv, galaxyColours, luminosityDistanceMpc, magnitudeError, simulateStarGalaxyCatalogue, SHIPPED_CATALOGUE } from "./simulate-catalogue";
import { CatalogueError } from "./star-galaxy-record";
import { parseStarGalaxyCsv } from "./parse-catalogue-csv";

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe("the simulated star/galaxy catalogue", () => {
  test("regenerating with the shipped seed reproduces the shipped file's SHA-256", () => {
    const csv = catalogueToCsv(simulateStarGalaxyCatalogue({ seed: SHIPPED_CATALOGUE.seed, count: SHIPPED_CATALOGUE.count }));
    const entry = readManifest().datasets.find((candidate) => candidate.file === SHIPPED_CATALOGUE.file);
    assert.ok(entry, "the manifest lists the catalogue");
    assert.equal(entry.simulated, true);
    assert.equal(Buffer.byteLength(csv), entry.bytes);
    assert.equal(createHash("sha256").update(csv).digest("hex"), entry.sha256);
  });

  const catalogue = simulateStarGalaxyCatalogue({ seed: 7, count: 3000 });
  const stars = catalogue.filter((o) => o.class === "STAR");
  const galaxies = catalogue.filter((o) => o.class === "GALAXY");

  test("the same seed gives the same objects, another seed different ones", () => {
    assert.deepEqual(simulateStarGalaxyCatalogue({ seed: 7, count: 50 }), catalogue.slice(0, 50));
    assert.notDeepEqual(simulateStarGalaxyCatalogue({ seed: 8, count: 50 }), catalogue.slice(0, 50));
  });

  test("has both classes in about the requested proportion and r in the selection window", () => {
    assert.ok(Math.abs(galaxies.length / catalogue.length - 0.55) < 0.04, `${galaxies.length} galaxies`);
    for (const o of catalogue) assert.ok(o.modelMag_r > 13.5 && o.modelMag_r < 21.5, `r = ${o.modelMag_r}`);
  });

  test("stars are point sources at z ≈ 0; galaxies are extended, at 0.02 ≤ z ≤ 0.65", () => {
    assert.ok(Math.abs(median(stars.map((o) => o.psfMag_r - o.modelMag_r))) < 0.02);
    assert.ok(stars.every((o) => Math.abs(o.z) < 0.002));
    assert.ok(median(galaxies.map((o) => o.psfMag_r - o.modelMag_r)) > 0.5);
    assert.ok(galaxies.filter((o) => o.psfMag_r - o.modelMag_r > 0).length / galaxies.length > 0.97);
    assert.ok(galaxies.every((o) => o.z >= 0.02 && o.z <= 0.65));
  });

  test("galaxy colours redden smoothly with redshift (median g−r rises with z)", () => {
    const medianGr = (low: number, high: number): number =>
      median(galaxies.filter((o) => o.z >= low && o.z < high).map((o) => o.modelMag_g - o.modelMag_r));
    const bins = [medianGr(0.02, 0.1), medianGr(0.1, 0.2), medianGr(0.2, 0.3)];
    for (let k = 1; k < bins.length; k++) assert.ok(bins[k]! > bins[k - 1]! + 0.05, `median g−r by z bin: ${bins.join(", ")}`);
    for (const passive of [0, 1]) {
      for (const colour of ["ug", "gr", "ri", "iz"] as const) {
        for (let z = 0.02; z < 0.6; z += 0.04) assert.ok(galaxyColours(z + 0.04, passive)[colour] > galaxyColours(z, passive)[colour]);
      }
    }
    assert.ok(galaxyColours(0.2, 1).ug > galaxyColours(0.2, 0).ug, "red galaxies have redder u−g");
  });

  test("stars follow the stellar locus: redder g−r goes with redder r−i", () => {
    const blue = stars.filter((o) => o.modelMag_g - o.modelMag_r < 0.3);
    const red = stars.filter((o) => o.modelMag_g - o.modelMag_r > 1.2);
    assert.ok(median(red.map((o) => o.modelMag_r - o.modelMag_i)) - median(blue.map((o) => o.modelMag_r - o.modelMag_i)) > 0.5);
  });

  test("noise grows with magnitude: faint stars scatter more in psf − model than bright ones", () => {
    const spread = (list: typeof stars): number => {
      const d = list.map((o) => o.psfMag_g - o.modelMag_g);
      const m = d.reduce((a, b) => a + b) / d.length;
      return Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / d.length);
    };
    assert.ok(spread(stars.filter((o) => o.modelMag_g > 20.5)) > 2 * spread(stars.filter((o) => o.modelMag_g < 17)));
  });

  test("photometric errors follow SDSS: 0.02–0.03 mag at r < 19, ≈ 0.1 at r ≈ 21.5, u the worst", () => {
    for (const r of [15, 17, 19]) assert.ok(magnitudeError("r", r) >= 0.015 && magnitudeError("r", r) <= 0.03, `σ_r(${r})`);
    assert.ok(Math.abs(magnitudeError("r", 21.5) - 0.1) < 0.03, `σ_r(21.5) = ${magnitudeError("r", 21.5)}`);
    assert.ok(magnitudeError("u", 21) > magnitudeError("g", 21) && magnitudeError("u", 21) > magnitudeError("r", 21));
  });

  test("galaxies are bimodal in u−r at low redshift (Strateva et al. 2001: peaks near 1.6 and 2.6, split at 2.22)", () => {
    const nearby = galaxies.filter((o) => o.z < 0.1).map((o) => o.modelMag_u - o.modelMag_r);
    const blue = nearby.filter((c) => c < 2.22), red = nearby.filter((c) => c >= 2.22);
    assert.ok(blue.length > 0.2 * nearby.length && red.length > 0.2 * nearby.length, `${blue.length} azuis, ${red.length} vermelhas`);
    assert.ok(Math.abs(median(blue) - 1.7) < 0.25, `mediana azul ${median(blue)}`);
    assert.ok(Math.abs(median(red) - 2.7) < 0.3, `mediana vermelha ${median(red)}`);
  });

  test("at fixed g−r, galaxies are redder than the stellar locus in i−z (what four colours add to two)", () => {
    const band = (list: typeof stars) => list.filter((o) => Math.abs(o.modelMag_g - o.modelMag_r - 0.75) < 0.15).map((o) => o.modelMag_i - o.modelMag_z);
    assert.ok(median(band(galaxies)) - median(band(stars)) > 0.12, `i−z: galáxias ${median(band(galaxies))}, estrelas ${median(band(stars))}`);
  });

  test("the luminosity distance matches flat ΛCDM values (H0 = 70, Ωm = 0.3)", () => {
    // Reference values (Wright 2006 cosmology calculator): D_L(0.1) ≈ 460.0 Mpc, D_L(0.5) ≈ 2832.9 Mpc.
    assert.ok(Math.abs(luminosityDistanceMpc(0.1) - 460.0) < 2);
    assert.ok(Math.abs(luminosityDistanceMpc(0.5) - 2832.9) < 5);
  });

  test("CSV round trip keeps every value", () => {
    const some = catalogue.slice(0, 20);
    assert.deepEqual(parseStarGalaxyCsv(catalogueToCsv(some), "teste"), some);
  });

  test("rejects a non-integer or non-positive count with a Portuguese message", () => {
    assert.throws(() => simulateStarGalaxyCatalogue({ seed: 1, count: 0 }), CatalogueError);
    assert.throws(() => simulateStarGalaxyCatalogue({ seed: 1, count: 2.5 }), /inteiro ≥ 1; recebi 2.5/);
    assert.throws(() => simulateStarGalaxyCatalogue({ seed: 1, count: 5, galaxyFraction: 2 }), /fração de galáxias/);
  });
});
