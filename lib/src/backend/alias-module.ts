import Module from "node:module";
import path from "node:path";

/**
 * Registers `exports` in Node's require cache under the file that `specifier` resolves to,
 * seen from each folder in `lookupFrom`, so that later `require(specifier)` calls from
 * those places return `exports` instead of loading the real file.
 *
 * Used when `@tensorflow/tfjs-node`'s binding cannot load: danfojs-node requires
 * tfjs-node when it loads, and gets `@tensorflow/tfjs` (same engine) instead of a crash.
 * Entries already in the cache (a module that did load) are left alone.
 *
 * @param specifier The package name, e.g. `@tensorflow/tfjs-node`.
 * @param exports What `require(specifier)` should return.
 * @param lookupFrom Folders whose resolution of `specifier` should be redirected.
 * @returns The absolute file paths now aliased (empty if `specifier` resolves nowhere).
 */
export function aliasModuleInRequireCache(specifier: string, exports: unknown, lookupFrom: readonly string[]): string[] {
  const aliased: string[] = [];
  for (const folder of lookupFrom) {
    let file: string;
    try {
      file = require.resolve(specifier, { paths: [folder] });
    } catch {
      continue;
    }
    if (require.cache[file] !== undefined) {
      continue;
    }
    const entry = new Module(file);
    entry.filename = file;
    entry.exports = exports;
    entry.loaded = true;
    entry.paths = [path.dirname(file)];
    require.cache[file] = entry;
    aliased.push(file);
  }
  return aliased;
}

/**
 * The folders whose `require("@tensorflow/tfjs-node")` must reach the course's TensorFlow.js:
 * this library's own and danfojs-node's (when installed).
 */
export function tensorFlowConsumerFolders(): string[] {
  const folders = [__dirname];
  try {
    folders.push(path.dirname(require.resolve("danfojs-node")));
  } catch {
    // danfojs-node is optional for the backend; nothing to redirect then.
  }
  return folders;
}
