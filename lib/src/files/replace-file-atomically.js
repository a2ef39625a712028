// @ts-check
/**
 * The course's one atomic file replacement, for the library and every tool: the new
 * content is produced in a temporary file in the target's folder, which is then renamed
 * over the target (a rename within one file system is atomic), so readers see either the
 * old file or the whole new one, never half of it. On failure the temporary file is
 * removed and the target is untouched.
 *
 * Plain CommonJS with JSDoc types and no dependencies (checked by TypeScript through
 * lib/tsconfig.json, compiled into lib/dist like the rest of the library) because
 * tools/setup.mjs and tools/setup/ load it from lib/src on a fresh clone, with plain
 * Node, before npm packages and lib/dist exist. Library code and TypeScript tools use
 * lib/src/files/write-file-atomically.ts, which adds the error in Portuguese.
 */
"use strict";
const { randomBytes } = require("node:crypto");
const fs = require("node:fs");
const fsp = require("node:fs/promises");
const path = require("node:path");

const TEMPORARY_SUFFIX = ".tmp";

/**
 * A fresh temporary name beside `target`: `.<name>.<pid>.<random>.tmp` (hidden, and
 * carrying the process id so that leftovers of a dead process can be recognised).
 * @param {string} target
 * @returns {string}
 */
function temporaryPathFor(target) {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}${TEMPORARY_SUFFIX}`);
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * Removes the temporary files of `target` left by processes that died while writing it
 * (killed mid-download, for instance); those of living processes are left alone.
 * @param {string} target
 * @returns {Promise<void>}
 */
async function removeAbandonedTemporaries(target) {
  const folder = path.dirname(path.resolve(target));
  const prefix = `.${path.basename(target)}.`;
  /** @type {string[]} */
  let names = [];
  try {
    names = await fsp.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMPORARY_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) await fsp.rm(path.join(folder, name), { force: true });
  }
}

/**
 * Replaces `target` with the file that `produce` writes at the temporary path it is given
 * (data, a copy, a stream, an HDF5 file…). The target's folder is created when missing.
 * If `produce` throws, or the rename fails, the temporary file is removed and the error
 * passed on unchanged.
 * @template T
 * @param {string} target
 * @param {(temporaryPath: string) => Promise<T> | T} produce
 * @returns {Promise<T>} What `produce` returned (a checksum, for instance).
 */
async function replaceFileAtomically(target, produce) {
  const resolved = path.resolve(target);
  await fsp.mkdir(path.dirname(resolved), { recursive: true });
  const temporary = temporaryPathFor(resolved);
  try {
    const result = await produce(temporary);
    await fsp.rename(temporary, resolved);
    return result;
  } catch (error) {
    await fsp.rm(temporary, { force: true, recursive: true });
    throw error;
  }
}

/**
 * The same, synchronously (for the set-up scripts).
 * @param {string} target
 * @param {(temporaryPath: string) => void} produce
 * @returns {void}
 */
function replaceFileAtomicallySync(target, produce) {
  const resolved = path.resolve(target);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const temporary = temporaryPathFor(resolved);
  try {
    produce(temporary);
    fs.renameSync(temporary, resolved);
  } catch (error) {
    fs.rmSync(temporary, { force: true, recursive: true });
    throw error;
  }
}

/**
 * Writes `data` to `target` atomically, synchronously (for the set-up scripts; library
 * code and TypeScript tools use `writeFileAtomically` of write-file-atomically.ts).
 * @param {string} target
 * @param {string | Uint8Array} data
 * @returns {void}
 */
function writeFileAtomicallySync(target, data) {
  replaceFileAtomicallySync(target, (temporary) => fs.writeFileSync(temporary, data, { flag: "wx" }));
}

exports.removeAbandonedTemporaries = removeAbandonedTemporaries;
exports.replaceFileAtomically = replaceFileAtomically;
exports.replaceFileAtomicallySync = replaceFileAtomicallySync;
exports.writeFileAtomicallySync = writeFileAtomicallySync;
