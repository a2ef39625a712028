// @ts-check
/**
 * Stamps: each set-up step records a hash of what it was made from, so that a later run
 * can tell "nothing changed" from "redo this step" without redoing it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { writeFileAtomicallySync } from "../../lib/src/files/replace-file-atomically.js";

/** @param {...string} parts @returns {string} */
export function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** The file's text, or `fallback` when it cannot be read. @param {string} file */
export function readOr(file, fallback = "") {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** @param {string} stampFile @param {string} wanted */
export function stampMatches(stampFile, wanted) {
  return readOr(stampFile) === wanted;
}

/** @param {string} stampFile @param {string} value */
export function writeStamp(stampFile, value) {
  writeFileAtomicallySync(stampFile, value);
}
