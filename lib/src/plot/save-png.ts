import path from "node:path";
import { writeFileAtomically } from "../files/write-file-atomically";
import type { Figure } from "./figure";
import { figureToPng, type PngOptions } from "./figure-to-png";

/**
 * Renders a figure to a PNG file (for PDFs and slides). The image is rendered in memory
 * first and then written atomically: if anything fails, no file (and no temporary file)
 * is left behind.
 *
 * @example
 * await savePng(fig, "perda.png", { width: 640, height: 400, scale: 2 });
 *
 * @param figure The figure.
 * @param filePath Where to write; the folder must exist.
 * @param options Size and Chromium options (see {@link PngOptions}).
 * @returns The absolute path written.
 * @throws The errors of {@link figureToPng}, and {FileWriteError} when the file cannot be written.
 */
export async function savePng(figure: Figure, filePath: string, options: PngOptions): Promise<string> {
  const png = await figureToPng(figure, options);
  const target = path.resolve(filePath);
  await writeFileAtomically(target, png);
  return target;
}
