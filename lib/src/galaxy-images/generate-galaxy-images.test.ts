import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { generateGalaxyImages, generateGalaxyImagesWithArms, GALAXY_CLASS_NAMES } from "./generate-galaxy-images";
import { GalaxyImageError } from "./galaxy-image-errors";
import { galaxyBrightness, sersicB, sersicProfile } from "./galaxy-profiles";

/** Mean of image `k` over a centred box of half-width `half` versus the border ring. */
function centreAndBorder(pixels: Float32Array, size: number, k: number): { centre: number; border: number } {
  let centre = 0, centreCount = 0, border = 0, borderCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const value = pixels[k * size * size + y * size + x]!;
      if (Math.abs(x - size / 2) < 3 && Math.abs(y - size / 2) < 3) { centre += value; centreCount++; }
      if (x < 2 || y < 2 || x >= size - 2 || y >= size - 2) { border += value; borderCount++; }
    }
  }
  return { centre: centre / centreCount, border: border / borderCount };
}

describe("generateGalaxyImages", () => {
  test("returns plain typed data of the documented shape, labels and class names", () => {
    const set = generateGalaxyImages({ count: 10, size: 16, seed: 1 });
    assert.deepEqual(set.shape, [10, 16, 16, 1]);
    assert.ok(set.pixels instanceof Float32Array);
    assert.equal(set.pixels.length, 10 * 16 * 16);
    assert.ok(set.labels instanceof Int32Array);
    assert.deepEqual([...set.classNames], ["elíptica", "espiral"]);
    assert.equal(set.classNames, GALAXY_CLASS_NAMES);
    assert.ok(set.pixels.every((value) => value >= 0 && value <= 1));
  });

  test("is balanced: exactly round(count · spiralFraction) spirals, in shuffled order", () => {
    const set = generateGalaxyImages({ count: 101, size: 8, seed: 5 });
    assert.equal(set.labels.filter((label) => label === 1).length, 51);
    const quarter = generateGalaxyImages({ count: 40, size: 8, seed: 5, spiralFraction: 0.25 });
    assert.equal(quarter.labels.filter((label) => label === 1).length, 10);
    // Shuffled: not all spirals first.
    assert.notDeepEqual([...set.labels.slice(0, 51)], new Array(51).fill(1));
  });

  test("is deterministic for a seed and differs between seeds", () => {
    const a = generateGalaxyImages({ count: 6, size: 16, seed: 42 });
    const b = generateGalaxyImages({ count: 6, size: 16, seed: 42 });
    const c = generateGalaxyImages({ count: 6, size: 16, seed: 43 });
    assert.deepEqual(a.pixels, b.pixels);
    assert.deepEqual(a.labels, b.labels);
    assert.notDeepEqual(a.pixels, c.pixels);
  });

  test("galaxies are bright in the centre and fade to the sky at the border", () => {
    const set = generateGalaxyImages({ count: 20, size: 32, seed: 7 });
    for (let k = 0; k < 20; k++) {
      const { centre, border } = centreAndBorder(set.pixels, 32, k);
      assert.ok(centre > border + 0.2, `image ${k}: centre ${centre} vs border ${border}`);
      assert.ok(border < 0.15, `image ${k}: border ${border}`);
    }
  });

  test("noiseLevel 0 and psfScale 0 give noise-free images; noise raises pixel-to-pixel scatter", () => {
    const clean = generateGalaxyImages({ count: 4, size: 32, seed: 3, noiseLevel: 0 });
    const noisy = generateGalaxyImages({ count: 4, size: 32, seed: 3, noiseLevel: 3 });
    const scatter = (pixels: Float32Array): number => {
      let sum = 0;
      for (let i = 1; i < 32; i++) sum += Math.abs(pixels[i]! - pixels[i - 1]!); // first row: sky only
      return sum / 31;
    };
    assert.ok(scatter(clean.pixels) < 0.005, `clean scatter ${scatter(clean.pixels)}`);
    assert.ok(scatter(noisy.pixels) > 0.03, `noisy scatter ${scatter(noisy.pixels)}`);
  });

  test("rejects bad options with a Portuguese message naming the option", () => {
    for (const [options, pattern] of [
      [{ count: 0 }, /"count" deve ser um inteiro ≥ 1; recebi 0/],
      [{ count: 3, size: 4 }, /"size" deve ser um inteiro ≥ 8; recebi 4/],
      [{ count: 3, seed: 1.5 }, /"seed"/],
      [{ count: 3, spiralFraction: 2 }, /"spiralFraction" deve estar entre 0 e 1; recebi 2/],
      [{ count: 100000, size: 64 }, /50 milhões de pixels/],
    ] as const) {
      assert.throws(() => generateGalaxyImages(options), (error: unknown) => error instanceof GalaxyImageError && pattern.test(error.message));
    }
  });
});

describe("generateGalaxyImagesWithArms", () => {
  test("gives the very images of generateGalaxyImages, with 0 arms for ellipticals and 2–4 for spirals", () => {
    const options = { count: 40, size: 16, seed: 5 };
    const { images, arms } = generateGalaxyImagesWithArms(options);
    const plain = generateGalaxyImages(options);
    assert.deepEqual(Array.from(images.pixels), Array.from(plain.pixels));
    assert.deepEqual(Array.from(images.labels), Array.from(plain.labels));
    images.labels.forEach((label, i) => {
      if (label === 0) assert.equal(arms[i], 0, `elíptica ${i}`);
      else assert.ok([2, 3, 4].includes(arms[i]!), `espiral ${i}: ${arms[i]} braços`);
    });
    // 2 arms drawn with probability 0.6, 3 with 0.25, 4 with 0.15: all three occur among 200 spirals.
    const spiralArms = new Set(generateGalaxyImagesWithArms({ count: 200, size: 8, seed: 1, spiralFraction: 1 }).arms);
    assert.deepEqual([...spiralArms].sort(), [2, 3, 4]);
  });
});

describe("galaxy profiles", () => {
  test("b_n puts half of a Sérsic profile's light inside r_e (numerical integral)", () => {
    for (const n of [1, 2, 4]) {
      const re = 10;
      let inside = 0, total = 0;
      for (let r = 0.0005; r < 400; r += 0.001) {
        const light = sersicProfile(r, re, n) * 2 * Math.PI * r * 0.001;
        total += light;
        if (r < re) inside += light;
      }
      assert.ok(Math.abs(inside / total - 0.5) < 0.01, `n=${n}: ${inside / total} (b=${sersicB(n)})`);
    }
  });

  test("an elliptical is elongated along its orientation with the given axis ratio", () => {
    const galaxy = { kind: "elliptical" as const, centerX: 0, centerY: 0, orientation: 0, axisRatio: 0.5, effectiveRadius: 5, sersicIndex: 1 };
    // Along the major axis at r the brightness equals that along the minor axis at q·r.
    assert.ok(Math.abs(galaxyBrightness(galaxy, 8, 0) - galaxyBrightness(galaxy, 0, 4)) < 1e-12);
    const turned = { ...galaxy, orientation: Math.PI / 2 };
    assert.ok(Math.abs(galaxyBrightness(turned, 0, 8) - galaxyBrightness(turned, 4, 0)) < 1e-12);
  });

  test("a spiral's brightness around a circle has m maxima (its arms)", () => {
    for (const arms of [2, 3, 4]) {
      const galaxy = {
        kind: "spiral" as const, centerX: 0, centerY: 0, orientation: 0, axisRatio: 1, discScaleLength: 10,
        bulgeRadius: 2, bulgeWeight: 0, arms, pitchAngle: 0.4, armPhase: 0, armStrength: 0.8, armSharpness: 3,
      };
      const samples = Array.from({ length: 360 }, (_, i) => galaxyBrightness(galaxy, 15 * Math.cos((i * Math.PI) / 180), 15 * Math.sin((i * Math.PI) / 180)));
      const maxima = samples.filter((value, i) => value > samples[(i + 359) % 360]! && value > samples[(i + 1) % 360]!).length;
      assert.equal(maxima, arms);
    }
  });
});
