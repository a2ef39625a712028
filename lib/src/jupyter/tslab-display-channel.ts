import type { MimeBundle } from "./mime-bundle";

/**
 * The payload of one `display_data` / `update_display_data` message, as tslab 1.0.22
 * sends it (`DisplayData` in node_modules/tslab/dist/jupyter.d.ts).
 */
export interface TslabDisplayData {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/** tslab's writer: `update` false sends `display_data`, true sends `update_display_data`. */
export type TslabDisplayWriter = (data: TslabDisplayData, update: boolean) => void;

/**
 * The part of tslab's internal module `tslab/dist/jupyter` this library relies on.
 *
 * tslab's public `display` API sends one MIME type per message (`DisplayImpl.raw` in
 * node_modules/tslab/dist/public.js), so a figure could not carry its Plotly JSON and its
 * HTML fallback in one output. The kernel keeps the writer of the cell being executed in
 * the module-level `lastWriteDisplayData` (set in `handleExecuteImpl`, `null` until the
 * first execution), which `DisplayImpl.raw` itself calls; we call it the same way with a
 * whole MIME bundle. This is internal API: the project pins tslab 1.0.22, and a tslab
 * upgrade must re-check this file (tests: display-mime-bundle.test.ts).
 */
interface TslabJupyterModule {
  lastWriteDisplayData: TslabDisplayWriter | null;
}

/** The module tslab's kernel loads, by package path. */
const TSLAB_JUPYTER_MODULE = "tslab/dist/jupyter";
/** The same module found by file path in the require cache (e.g. a tslab installed elsewhere). */
const TSLAB_JUPYTER_FILE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/**
 * Finds the display writer of the running tslab kernel, without loading tslab: in a
 * kernel, tslab's `jupyter` module is already in Node's require cache (the kernel and the
 * notebook's code share one process and one cache); in a plain script it is not.
 *
 * @returns The writer, or `null` outside a running tslab kernel.
 */
export function findTslabDisplayWriter(): TslabDisplayWriter | null {
  for (const candidate of cachedTslabJupyterModules()) {
    const writer = candidate.lastWriteDisplayData;
    if (typeof writer === "function") {
      return writer;
    }
  }
  return null;
}

/**
 * Tells whether this code runs inside a tslab kernel that is executing notebook cells
 * (so rich outputs can be displayed).
 */
export function isInsideTslabKernel(): boolean {
  return findTslabDisplayWriter() !== null;
}

function* cachedTslabJupyterModules(): Generator<Partial<TslabJupyterModule>> {
  const seen = new Set<string>();
  try {
    const file = require.resolve(TSLAB_JUPYTER_MODULE);
    seen.add(file);
    const exports = require.cache[file]?.exports as Partial<TslabJupyterModule> | undefined;
    if (exports !== undefined) yield exports;
  } catch {
    // tslab not resolvable from here: look through the cache below.
  }
  for (const [file, entry] of Object.entries(require.cache)) {
    if (!seen.has(file) && TSLAB_JUPYTER_FILE.test(file) && entry !== undefined) {
      yield entry.exports as Partial<TslabJupyterModule>;
    }
  }
}
