/** The 8 bytes every PNG file starts with (PNG spec, section 5.2). */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a PNG's size from its IHDR chunk, which must come first: length (4 bytes),
 * "IHDR", then width and height as big-endian 32-bit integers.
 *
 * @throws {Error} When `png` is not a PNG.
 */
export function readPngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error(`Not a PNG: starts with ${png.subarray(0, 8).toString("hex")}`);
  }
  if (png.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error("PNG without IHDR as first chunk");
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
