import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-node";
import { UPSTREAM_TEST_PIXELS, crc32, encodeBmp, encodePng, writeImageFixtures } from "./image-fixtures.mjs";

describe("the PNG and BMP fixtures of tfjs-node's image specs", () => {
  test("CRC-32 gives the standard check value", () => {
    assert.equal(crc32(Buffer.from("123456789", "ascii")), 0xcbf43926);
  });

  test("a PNG decodes (with TensorFlow's decoder) to exactly the pixels written, RGB and RGBA", () => {
    const rgb = Array.from({ length: 3 * 4 * 3 }, (_, i) => (i * 37) % 256);
    const decoded = tf.node.decodePng(encodePng(4, 3, 3, rgb), 3);
    assert.deepEqual(decoded.shape, [3, 4, 3]);
    assert.deepEqual(Array.from(decoded.dataSync()), rgb);
    const rgba = Array.from({ length: 2 * 2 * 4 }, (_, i) => (i * 53 + 7) % 256);
    const decodedRgba = tf.node.decodePng(encodePng(2, 2, 4, rgba), 4);
    assert.deepEqual(Array.from(decodedRgba.dataSync()), rgba);
    tf.dispose([decoded, decodedRgba]);
  });

  test("a BMP with a padded odd width decodes to exactly the pixels written", () => {
    const rgb = Array.from({ length: 3 * 2 * 3 }, (_, i) => (i * 41 + 3) % 256);
    const decoded = tf.node.decodeBmp(encodeBmp(3, 2, rgb));
    assert.deepEqual(decoded.shape, [2, 3, 3]);
    assert.deepEqual(Array.from(decoded.dataSync()), rgb);
    decoded.dispose();
  });

  test("writes the three files under test_objects/images with upstream's expected pixels", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "image-fixtures-"));
    try {
      const files = writeImageFixtures(dir).map((file) => path.relative(dir, file));
      assert.deepEqual(files.sort(), [
        "test_objects/images/image_bmp_test.bmp",
        "test_objects/images/image_png_4_channel_test.png",
        "test_objects/images/image_png_test.png",
      ]);
      const png = tf.node.decodeImage(fs.readFileSync(path.join(dir, "test_objects/images/image_png_test.png")));
      assert.deepEqual(Array.from(png.dataSync()), UPSTREAM_TEST_PIXELS);
      png.dispose();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
