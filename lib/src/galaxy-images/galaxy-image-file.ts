/**
 * A compact binary file for a {@link GalaxyImageSet}, used by the shipped set
 * `datasets/galaxias-simuladas.bin`:
 *
 * | bytes            | content                                                      |
 * |------------------|--------------------------------------------------------------|
 * | 0–7              | magic `RNGALAX1` (ASCII)                                     |
 * | 8–11             | length L of the JSON header, uint32 little-endian           |
 * | 12 … 12+L        | JSON header: `{ shape, classNames, generator }` (UTF-8)      |
 * | then n·h·w bytes | pixels as uint8, value = round(pixel · 255), row-major       |
 * | then n bytes     | labels as uint8                                              |
 */
import type { GalaxyImageOptions, GalaxyImageSet } from "./generate-galaxy-images";
import { GalaxyImageError } from "./galaxy-image-errors";

const MAGIC = "RNGALAX1";

interface GalaxyImageFileHeader {
  shape: [number, number, number, 1];
  classNames: string[];
  /** The options the images were generated with (documents that they are simulated). */
  generator?: GalaxyImageOptions & { simulated: true };
}

/** Encodes a set (pixels quantised to 8 bits). */
export function encodeGalaxyImageFile(set: GalaxyImageSet, generator?: GalaxyImageOptions): Uint8Array {
  const header: GalaxyImageFileHeader = {
    shape: set.shape,
    classNames: [...set.classNames],
    ...(generator ? { generator: { ...generator, simulated: true as const } } : {}),
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const [n, h, w] = set.shape;
  const out = Buffer.alloc(12 + json.length + n * h * w + n);
  out.write(MAGIC, 0, "ascii");
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  const pixelStart = 12 + json.length;
  for (let i = 0; i < n * h * w; i++) {
    out[pixelStart + i] = Math.round(Math.min(1, Math.max(0, set.pixels[i]!)) * 255);
  }
  for (let i = 0; i < n; i++) out[pixelStart + n * h * w + i] = set.labels[i]!;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Decodes a file written by {@link encodeGalaxyImageFile} (pixels back to 0–1 floats).
 * @throws {GalaxyImageError} When the bytes are not such a file or are truncated.
 */
export function decodeGalaxyImageFile(bytes: Uint8Array, source = "arquivo"): GalaxyImageSet {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 12 || buffer.toString("ascii", 0, 8) !== MAGIC) {
    throw new GalaxyImageError(
      `${source} não é um arquivo de imagens de galáxias do curso: esperava começar por "${MAGIC}". ` +
        "Gere-o de novo com `node --import tsx tools/datasets/make-galaxy-images.ts`.",
    );
  }
  const jsonLength = buffer.readUInt32LE(8);
  let header: GalaxyImageFileHeader;
  try {
    header = JSON.parse(buffer.toString("utf8", 12, 12 + jsonLength)) as GalaxyImageFileHeader;
  } catch (error) {
    throw new GalaxyImageError(`${source}: o cabeçalho JSON está corrompido.`, { cause: error });
  }
  const [n, h, w] = header.shape;
  const pixelStart = 12 + jsonLength;
  const expected = pixelStart + n * h * w + n;
  if (buffer.length !== expected) {
    throw new GalaxyImageError(
      `${source}: o cabeçalho descreve ${n} imagens de ${h}×${w} (${expected} bytes), mas o arquivo tem ${buffer.length} bytes.`,
    );
  }
  const pixels = new Float32Array(n * h * w);
  for (let i = 0; i < pixels.length; i++) pixels[i] = buffer[pixelStart + i]! / 255;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = buffer[pixelStart + n * h * w + i]!;
  return { pixels, shape: [n, h, w, 1], labels, classNames: Object.freeze([...header.classNames]) };
}
