import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { readManifest } from "../datasets/manifest";
import { decodeGalaxyImageFile, encodeGalaxyImageFile } from "./galaxy-image-file";
import { GalaxyImageError } from "./galaxy-image-errors";
import { generateGalaxyImages } from "./generate-galaxy-images";
import { buildShippedGalaxyImagesFile, readShippedGalaxyImages, SHIPPED_GALAXY_IMAGES_FILE, SHIPPED_GALAXY_IMAGES_OPTIONS } from "./shipped-galaxy-images";

describe("the galaxy image file format", () => {
  test("round-trips a set within 8-bit quantisation", () => {
    const set = generateGalaxyImages({ count: 5, size: 10, seed: 8 });
    const back = decodeGalaxyImageFile(encodeGalaxyImageFile(set, { count: 5, size: 10, seed: 8 }));
    assert.deepEqual(back.shape, set.shape);
    assert.deepEqual(back.labels, set.labels);
    assert.deepEqual([...back.classNames], [...set.classNames]);
    const worst = set.pixels.reduce((max, value, i) => Math.max(max, Math.abs(value - back.pixels[i]!)), 0);
    assert.ok(worst <= 0.5 / 255 + 1e-7, `worst error ${worst}`);
  });

  test("rejects other files and truncated files", () => {
    assert.throws(() => decodeGalaxyImageFile(Buffer.from("hello world, not images")), (e: unknown) => e instanceof GalaxyImageError && /RNGALAX1/.test(e.message));
    const bytes = encodeGalaxyImageFile(generateGalaxyImages({ count: 2, size: 8, seed: 1 }));
    assert.throws(() => decodeGalaxyImageFile(bytes.subarray(0, bytes.length - 1)), /descreve 2 imagens de 8×8 .* mas o arquivo tem/);
  });
});

describe("the shipped galaxy images", () => {
  test("the generator rebuilds the shipped file byte for byte (manifest SHA-256)", () => {
    const entry = readManifest().datasets.find((candidate) => candidate.file === SHIPPED_GALAXY_IMAGES_FILE);
    assert.ok(entry, "manifest entry");
    assert.equal(entry.simulated, true);
    const bytes = buildShippedGalaxyImagesFile();
    assert.equal(bytes.length, entry.bytes);
    assert.equal(createHash("sha256").update(bytes).digest("hex"), entry.sha256);
  });

  test("readShippedGalaxyImages gives 600 balanced 64×64 images", () => {
    const set = readShippedGalaxyImages();
    assert.deepEqual(set.shape, [SHIPPED_GALAXY_IMAGES_OPTIONS.count, 64, 64, 1]);
    assert.equal(set.labels.filter((label) => label === 1).length, 300);
    assert.deepEqual([...set.classNames], ["elíptica", "espiral"]);
  });
});
