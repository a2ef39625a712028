/**
 * h5wasm (HDF5 in WebAssembly), loaded once for the whole library: Keras weight files
 * (pretrained/) and Galaxy10 (galaxy10/).
 *
 * h5wasm is an ES module, which a CommonJS package cannot `require`
 * (ERR_PACKAGE_PATH_NOT_EXPORTED); the library is compiled with `module: node16`, which
 * keeps this `import()` as is.
 */

/** The h5wasm module (ESM-only: loaded with a real dynamic `import()`). */
export type H5wasmModule = typeof import("h5wasm/node", { with: { "resolution-mode": "import" } });

let h5wasmPromise: Promise<H5wasmModule> | undefined;

/** h5wasm's Node build, ready to open files of the real file system. */
export async function loadH5wasm(): Promise<H5wasmModule> {
  h5wasmPromise ??= (async () => {
    const imported = (await import("h5wasm/node")) as H5wasmModule & { default?: H5wasmModule };
    const h5wasm = imported.default ?? imported;
    await h5wasm.ready;
    return h5wasm;
  })();
  return h5wasmPromise;
}
