/**
 * The library's types read while the student is still reading the notebook. tslab type-checks
 * every cell; the first `import … from "@redes-neurais/lib"` makes TypeScript read the
 * declarations of the library, of tfjs and of danfojs-node (about 1.3 s of CPU here), and the
 * student waits for it. The course's kernel (tools/jupyter/tslab-kernel.cjs) type-checks that
 * import once on its own, with tslab's own converter, when Jupyter has gone quiet after its
 * `kernel_info_request`s: TypeScript keeps the declarations it read, and the student's first
 * import cell finds them ready.
 *
 * The start is not delayed: a client repeats `kernel_info_request` until its IOPub subscription
 * works (jupyter_client's `wait_for_ready`, JupyterLab), so the warm-up waits until no request
 * has come for QUIET_MS after the last one. A client that executes a cell at once (nbclient:
 * `npm run handouts`, the notebook tests) never sees a warm-up: the first cell cancels it and
 * pays for its own type check, as before.
 *
 * Only the type checker sees that cell: nothing is run, nothing is printed, the library and
 * TensorFlow are not loaded (the backend is still chosen by the student's first import,
 * lib/src/backend/load-on-import.ts), and the cells' shared declarations do not change (tslab's
 * executor passes its own to every conversion, node_modules/tslab/dist/executor.js). A cell
 * that arrives during the warm-up waits for it, as it would wait for its own type check.
 */
"use strict";

/** What the warm-up type-checks: the library's whole public surface. */
const WARM_UP_SOURCE = 'import * as courseLibraryTypes from "@redes-neurais/lib";';

/** Quiet time after the last kernel_info request before the warm-up starts. */
const QUIET_MS = 400;

/**
 * Type-checks WARM_UP_SOURCE with a tslab converter; never throws.
 * @param {{ convert(previousDeclarations: string, source: string): { diagnostics: unknown[] } }} converter
 * @returns {boolean} Whether the library's types were read without errors.
 */
function warmUpLibraryTypes(converter) {
  try {
    return converter.convert("", WARM_UP_SOURCE).diagnostics.length === 0;
  } catch {
    return false;
  }
}

/**
 * Installs the warm-up on tslab's modules: remembers the Node.js converter tslab creates
 * (`createConverter`, called by tslab's main.js at start); each `handleKernelInfo` (re)arms a
 * timer of `quietMs`; when it fires the library is type-checked, once. The first
 * `handleExecute` disarms it for good.
 * @param {{ createConverter: (options: { isJS: boolean, isBrowser: boolean }) => any }} converterModule tslab/dist/converter.js
 * @param {{ ZmqServer: { prototype: { handleKernelInfo: (...args: any[]) => unknown } }, JupyterHandlerImpl: { prototype: { handleExecute: (...args: any[]) => unknown } } }} jupyterModule tslab/dist/jupyter.js
 * @param {{ quietMs?: number, onDone?: (ok: boolean) => void }} [options]
 */
function installLibraryTypesWarmUp(converterModule, jupyterModule, { quietMs = QUIET_MS, onDone = () => {} } = {}) {
  /** @type {any} */
  let nodeConverter = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let finished = false;
  const createConverter = converterModule.createConverter;
  converterModule.createConverter = function createConverterRemembered(options) {
    const converter = createConverter.call(this, options);
    if (!options.isJS && !options.isBrowser && nodeConverter === null) nodeConverter = converter;
    return converter;
  };
  const handleKernelInfo = jupyterModule.ZmqServer.prototype.handleKernelInfo;
  jupyterModule.ZmqServer.prototype.handleKernelInfo = function handleKernelInfoThenWarmUp(/** @type {any[]} */ ...args) {
    const result = handleKernelInfo.apply(this, args);
    if (!finished && nodeConverter !== null) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        finished = true;
        onDone(warmUpLibraryTypes(nodeConverter));
      }, quietMs);
    }
    return result;
  };
  const handleExecute = jupyterModule.JupyterHandlerImpl.prototype.handleExecute;
  jupyterModule.JupyterHandlerImpl.prototype.handleExecute = function handleExecuteWithoutWarmUp(/** @type {any[]} */ ...args) {
    finished = true;
    clearTimeout(timer);
    return handleExecute.apply(this, args);
  };
}

module.exports = { installLibraryTypesWarmUp, warmUpLibraryTypes, WARM_UP_SOURCE };
