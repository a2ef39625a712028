// @ts-check
/**
 * Writes a file so that readers see either the old content or the new one, never a
 * half-written file: the data goes to a temporary file in the same folder, which is
 * then renamed over the target (a rename within one file system is atomic).
 * Plain JavaScript (checked by TypeScript) because `tools/setup.mjs` uses it before
 * npm packages are installed.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** @param {string} target */
function temporaryNameFor(target) {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * @param {string} target
 * @param {string | Uint8Array} data
 * @returns {Promise<void>}
 */
export async function writeFileAtomically(target, data) {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryNameFor(target);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The same, synchronously (for the set-up script).
 * @param {string} target
 * @param {string | Uint8Array} data
 */
export function writeFileAtomicallySync(target, data) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryNameFor(target);
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
