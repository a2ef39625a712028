/**
 * The library's types read while the student is still reading the notebook. tslab type-checks
 * every cell; the first `import … from "@redes-neurais/lib"` makes TypeScript read the
 * declarations of the library, of tfjs and of danfojs-node (about 1.3 s of CPU here), and the
 * student waits for it. The course's kernel (tools/jupyter/tslab-kernel.cjs) type-checks that
 * import once on its own, right after it has answered Jupyter's first `kernel_info_request`
 * (so the kernel's start is not delayed), with tslab's own converter: TypeScript keeps the
 * declarations it read, and the student's first import cell finds them ready.
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

/** Delay after the first kernel_info reply, so the reply and the idle status leave first. */
const WARM_UP_DELAY_MS = 50;

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
 * (`createConverter`, called by tslab's main.js at start), and type-checks the library once,
 * shortly after the first `handleKernelInfo` of any ZmqServer.
 * @param {{ createConverter: (options: { isJS: boolean, isBrowser: boolean }) => any }} converterModule tslab/dist/converter.js
 * @param {{ ZmqServer: { prototype: { handleKernelInfo: (...args: any[]) => unknown } } }} jupyterModule tslab/dist/jupyter.js
 * @param {{ delayMs?: number, onDone?: (ok: boolean) => void }} [options]
 */
function installLibraryTypesWarmUp(converterModule, jupyterModule, { delayMs = WARM_UP_DELAY_MS, onDone = () => {} } = {}) {
  /** @type {any} */
  let nodeConverter = null;
  let scheduled = false;
  const createConverter = converterModule.createConverter;
  converterModule.createConverter = function createConverterRemembered(options) {
    const converter = createConverter.call(this, options);
    if (!options.isJS && !options.isBrowser && nodeConverter === null) nodeConverter = converter;
    return converter;
  };
  const handleKernelInfo = jupyterModule.ZmqServer.prototype.handleKernelInfo;
  jupyterModule.ZmqServer.prototype.handleKernelInfo = function handleKernelInfoThenWarmUp(...args) {
    const result = handleKernelInfo.apply(this, args);
    if (!scheduled && nodeConverter !== null) {
      scheduled = true;
      setTimeout(() => onDone(warmUpLibraryTypes(nodeConverter)), delayMs);
    }
    return result;
  };
}

module.exports = { installLibraryTypesWarmUp, warmUpLibraryTypes, WARM_UP_SOURCE };
