// @ts-check
/**
 * The lossless image fixtures of tfjs-node's image specs, which the npm package does not
 * ship (upstream keeps them under tfjs-node/test_objects/images/). The specs give the
 * exact pixels they expect, so PNG and BMP files with those pixels are made here, in
 * plain Node (zlib for PNG's deflate). JPEG and GIF fixtures are not made: JPEG is lossy
 * (the expected pixels belong to upstream's encoder) and no encoder for either is at hand.
 */
import fs from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

/** The 2×2 RGB image all of tfjs-node's lossless image specs expect, row by row. */
export const UPSTREAM_TEST_PIXELS = [238, 101, 0, 50, 50, 50, 100, 50, 0, 200, 100, 50];

/** @type {Uint32Array | undefined} */
let crcTable;

/**
 * CRC-32 (ISO-HDLC, as PNG uses).
 * @param {Uint8Array} bytes
 */
export function crc32(bytes) {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = /** @type {number} */ (crcTable[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Uint8Array} data
 */
function pngChunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit RGB or RGBA PNG.
 * @param {number} width
 * @param {number} height
 * @param {3 | 4} channels
 * @param {readonly number[]} pixels row by row, `channels` bytes per pixel
 */
export function encodePng(width, height, channels, pixels) {
  if (pixels.length !== width * height * channels) throw new Error(`encodePng: ${pixels.length} valores para ${width}×${height}×${channels}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 3 ? 2 : 6, 0, 0, 0], 8); // bit depth, colour type, compression, filter, interlace
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1)); // each row: filter type 0, then its bytes
  for (let row = 0; row < height; row++) raw.set(pixels.slice(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A 24-bit BMP (BITMAPINFOHEADER; rows stored bottom-up, BGR, padded to 4 bytes).
 * @param {number} width
 * @param {number} height
 * @param {readonly number[]} rgb row by row, top row first
 */
export function encodeBmp(width, height, rgb) {
  if (rgb.length !== width * height * 3) throw new Error(`encodeBmp: ${rgb.length} valores para ${width}×${height}×3`);
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const offset = 14 + 40;
  const file = Buffer.alloc(offset + rowSize * height);
  file.write("BM", 0, "ascii");
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26); // planes
  file.writeUInt16LE(24, 28); // bits per pixel
  file.writeUInt32LE(rowSize * height, 34);
  file.writeInt32LE(2835, 38); // 72 dpi
  file.writeInt32LE(2835, 42);
  for (let row = 0; row < height; row++) {
    const start = offset + (height - 1 - row) * rowSize;
    for (let col = 0; col < width; col++) {
      const [r, g, b] = rgb.slice((row * width + col) * 3, (row * width + col) * 3 + 3);
      file.set([/** @type {number} */ (b), /** @type {number} */ (g), /** @type {number} */ (r)], start + col * 3);
    }
  }
  return file;
}

/**
 * Writes `test_objects/images/` under `dir` with the PNG and BMP files tfjs-node's specs read.
 * @param {string} dir
 * @returns {string[]} the files written
 */
export function writeImageFixtures(dir) {
  const images = path.join(dir, "test_objects", "images");
  fs.mkdirSync(images, { recursive: true });
  const rgba = UPSTREAM_TEST_PIXELS.flatMap((value, i) => (i % 3 === 2 ? [value, 255] : [value]));
  /** @type {[string, Buffer][]} */
  const files = [
    ["image_png_test.png", encodePng(2, 2, 3, UPSTREAM_TEST_PIXELS)],
    ["image_png_4_channel_test.png", encodePng(2, 2, 4, rgba)],
    ["image_bmp_test.bmp", encodeBmp(2, 2, UPSTREAM_TEST_PIXELS)],
  ];
  return files.map(([name, bytes]) => {
    const file = path.join(images, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
}
