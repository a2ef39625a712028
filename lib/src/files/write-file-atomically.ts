import { randomBytes } from "node:crypto";
import { rm, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { CourseError, describeThrown } from "../errors";

/** A file could not be written. */
export class FileWriteError extends CourseError {
  override name = "FileWriteError";
}

/**
 * Writes `data` to `filePath` so that readers see either the old file or the whole new
 * one, never half of it: the data goes to a temporary file in the same folder, which is
 * then renamed over the target (`rename` is atomic within one file system). On failure
 * the temporary file is removed and the target is untouched.
 *
 * @param filePath Where the file goes; its folder must exist.
 * @param data The file's content.
 * @throws {FileWriteError} When writing or renaming fails (message says why and what to check).
 */
export async function writeFileAtomically(filePath: string, data: Uint8Array | string): Promise<void> {
  const target = path.resolve(filePath);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new FileWriteError(
      `Não consegui gravar "${target}": ${describeThrown(error)}. ` +
        `Verifique se a pasta existe, se há permissão de escrita e se o caminho não é uma pasta.`,
      { cause: error },
    );
  }
}
