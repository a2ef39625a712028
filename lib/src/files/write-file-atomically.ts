import { writeFile } from "node:fs/promises";
import path from "node:path";
import { CourseError, describeThrown } from "../errors";
import { replaceFileAtomically } from "./replace-file-atomically";

/** A file could not be written. */
export class FileWriteError extends CourseError {
  override name = "FileWriteError";
}

/**
 * Writes `data` to `filePath` so that readers see either the old file or the whole new
 * one, never half of it (lib/src/files/replace-file-atomically.js: a temporary file in the
 * same folder renamed over the target). The folder is created when missing. On failure
 * the temporary file is removed and the target is untouched.
 *
 * @param filePath Where the file goes.
 * @param data The file's content.
 * @throws {FileWriteError} When writing or renaming fails (message says why and what to check).
 */
export async function writeFileAtomically(filePath: string, data: Uint8Array | string): Promise<void> {
  try {
    await replaceFileAtomically(filePath, (temporary) => writeFile(temporary, data, { flag: "wx" }));
  } catch (error) {
    throw new FileWriteError(
      `Não consegui gravar "${path.resolve(filePath)}": ${describeThrown(error)}. ` +
        "Verifique se há permissão de escrita na pasta e se o caminho não é uma pasta.",
      { cause: error },
    );
  }
}
