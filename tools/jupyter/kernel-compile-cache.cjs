/**
 * V8's compile cache for the course's kernel (tools/jupyter/tslab-kernel.cjs): on Node.js ≥ 22.1
 * the compiled code of the JavaScript a kernel loads (TypeScript's compiler, which tslab starts
 * before answering Jupyter, then tfjs and the library in the first cell) is kept on disk and
 * reused by the next kernel instead of being parsed and compiled again.
 *
 * The cache lives in the course's cache folder (lib/src/files/cache-directory.ts:
 * `$REDES_NEURAIS_CACHE`, else `$XDG_CACHE_HOME/redes-neurais`, else `~/.cache/redes-neurais`),
 * in `node-compile-cache/`; Node keeps one subfolder per Node version and V8 flags, so
 * kernels of different Node versions never share entries. It is only an acceleration: on
 * Node 20 (no `module.enableCompileCache`), with `NODE_DISABLE_COMPILE_CACHE=1`, without
 * the compiled library, or on a folder that cannot be written, the kernel starts as before,
 * silently.
 */
"use strict";
const path = require("node:path");

/** The cache's subfolder inside the course's cache folder. */
const COMPILE_CACHE_FOLDER = "node-compile-cache";

/**
 * The folder of the kernel's compile cache, from the course's one definition of its cache
 * folder (the compiled library, lib/dist/files/cache-directory.js), or null when the library
 * is not compiled yet.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
function kernelCompileCacheFolder(env = process.env) {
  try {
    const { courseCacheDirectory } = require(path.join(__dirname, "..", "..", "lib", "dist", "files", "cache-directory.js"));
    return path.join(courseCacheDirectory(env), COMPILE_CACHE_FOLDER);
  } catch {
    return null;
  }
}

/**
 * The part of Node's `node:module` used here (Node ≥ 22.1; @types/node 20 does not describe it).
 * @typedef {object} CompileCacheModuleApi
 * @property {(directory: string) => { status: number, message?: string, directory?: string }} [enableCompileCache]
 * @property {() => void} [flushCompileCache]
 * @property {{ compileCacheStatus?: Record<string, number> }} [constants]
 */

/**
 * @typedef {object} KernelCompileCache
 * @property {"enabled" | "already-enabled" | "unsupported" | "disabled" | "failed"} status
 *   "unsupported": this Node has no compile cache (Node 20); "disabled": NODE_DISABLE_COMPILE_CACHE
 *   or no cache folder; "failed": Node could not use the folder (e.g. not writable).
 * @property {string | null} directory Where Node writes the cache, when enabled.
 * @property {() => void} flush Writes what was compiled so far (no-op unless enabled).
 */

/**
 * Enables the compile cache for this process; never throws.
 * @param {{ env?: NodeJS.ProcessEnv, moduleApi?: CompileCacheModuleApi }} [options]
 *   `moduleApi` is Node's `node:module` (replaceable in tests).
 * @returns {KernelCompileCache}
 */
function enableKernelCompileCache({ env = process.env, moduleApi = /** @type {CompileCacheModuleApi} */ (require("node:module")) } = {}) {
  const off = (/** @type {KernelCompileCache["status"]} */ status) => ({ status, directory: null, flush() {} });
  if (typeof moduleApi.enableCompileCache !== "function") return off("unsupported");
  const folder = kernelCompileCacheFolder(env);
  if (folder === null) return off("disabled");
  let result;
  try {
    result = moduleApi.enableCompileCache(folder);
  } catch {
    return off("failed");
  }
  const statuses = moduleApi.constants?.compileCacheStatus ?? {};
  const status =
    result?.status === statuses.ENABLED ? "enabled"
    : result?.status === statuses.ALREADY_ENABLED ? "already-enabled"
    : result?.status === statuses.DISABLED ? "disabled"
    : "failed";
  if (status !== "enabled" && status !== "already-enabled") return off(status);
  return {
    status,
    directory: result?.directory ?? folder,
    flush() {
      // flushCompileCache exists from Node 22.10 / 23.0; earlier, Node writes the cache at exit.
      try {
        moduleApi.flushCompileCache?.();
      } catch {
        // A cache that cannot be written is only a slower next start.
      }
    },
  };
}

module.exports = { enableKernelCompileCache, kernelCompileCacheFolder, COMPILE_CACHE_FOLDER };
