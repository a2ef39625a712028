/**
 * The course's compatibility layer with current Node.js: the Node APIs that its dependency
 * tree still calls but that Node has removed or turned into runtime warnings. It is the one
 * place that knows about them; `./load-on-import.ts` installs it before TensorFlow.js loads,
 * and tools that load `@tensorflow/tfjs-node` themselves get it from the tools entry first
 * (lib/src/tools-entry.ts, imported by tools/conformance/run.mjs).
 *
 * What the installed tree calls (tools/node-compat/removed-node-apis.test.ts scans
 * node_modules for every API in {@link REMOVED_NODE_APIS} and fails on a caller this file
 * does not cover):
 * - `util.isNullOrUndefined` — `@tensorflow/tfjs-node` 4.22 (`dist/nodejs_kernel_backend.js`,
 *   `dist/kernels/TopK.js`), on every op that takes optional attributes (any `fit`, most
 *   losses). Removed in Node 23 with the rest of the `util.is*` family: without it those ops
 *   throw `TypeError: (0 , util_1.isNullOrUndefined) is not a function`.
 *   Node 22 still has them, but their first call prints a `DeprecationWarning` (DEP0051…)
 *   on stderr, so they are replaced there too.
 * - `util.isArray` — same tfjs-node file; still present, but since Node 22 its first call
 *   prints `DeprecationWarning: The util.isArray API is deprecated` (DEP0044) on stderr.
 *
 * tfjs is no longer released (4.22.0 is the last), so nothing upstream will change these
 * calls: the course provides the functions with Node 20's semantics.
 */
import util from "node:util";

/** Node 20's implementations of the `util.is*` predicates that Node 23 removed. */
const removedUtilPredicates = {
  isBoolean: (value: unknown): boolean => typeof value === "boolean",
  isBuffer: (value: unknown): boolean => Buffer.isBuffer(value),
  isDate: (value: unknown): boolean => util.types.isDate(value),
  isError: (value: unknown): boolean => util.types.isNativeError(value) || value instanceof Error,
  isFunction: (value: unknown): boolean => typeof value === "function",
  isNull: (value: unknown): boolean => value === null,
  isNullOrUndefined: (value: unknown): boolean => value === null || value === undefined,
  isNumber: (value: unknown): boolean => typeof value === "number",
  isObject: (value: unknown): boolean => value !== null && typeof value === "object",
  isPrimitive: (value: unknown): boolean => value === null || (typeof value !== "object" && typeof value !== "function"),
  isRegExp: (value: unknown): boolean => util.types.isRegExp(value),
  isString: (value: unknown): boolean => typeof value === "string",
  isSymbol: (value: unknown): boolean => typeof value === "symbol",
  isUndefined: (value: unknown): boolean => value === undefined,
} as const;

/**
 * Node APIs gone (or warning at run time) in a supported Node version, by module: what
 * the dependency scan looks for. `covered` are those this file provides.
 */
export const REMOVED_NODE_APIS: Readonly<Record<string, { readonly names: readonly string[]; readonly covered: readonly string[] }>> = {
  util: {
    names: [...Object.keys(removedUtilPredicates), "isArray", "log", "_extend"],
    covered: [...Object.keys(removedUtilPredicates), "isArray"],
  },
  fs: { names: ["F_OK", "R_OK", "W_OK", "X_OK"], covered: [] },
  buffer: { names: ["SlowBuffer"], covered: [] },
  tls: { names: ["createSecurePair"], covered: [] },
  crypto: { names: ["createCipher", "createDecipher"], covered: [] },
  assert: { names: ["CallTracker"], covered: [] },
};

type MutableUtil = Record<string, unknown>;

/**
 * Puts on Node's `util` module the `util.is*` predicates with Node 20's semantics — defined
 * where Node removed them, replacing Node 22's versions that warn — and `Array.isArray` as
 * `util.isArray` (same result, no warning). Idempotent.
 *
 * @param target The module to complete: Node's `util` (tests pass a copy).
 * @returns The names it defined or replaced.
 */
export function installNodeCompat(target: MutableUtil = util as unknown as MutableUtil): string[] {
  const changed: string[] = [];
  for (const [name, implementation] of Object.entries(removedUtilPredicates)) {
    if (target[name] !== implementation) {
      target[name] = implementation;
      changed.push(name);
    }
  }
  if (target["isArray"] !== Array.isArray) {
    target["isArray"] = Array.isArray;
    changed.push("isArray");
  }
  return changed;
}

installNodeCompat();
