/**
 * Loads `h5wasm` (an ESM-only package) from this CommonJS library.
 *
 * `require("h5wasm/node")` fails with ERR_PACKAGE_PATH_NOT_EXPORTED; a dynamic `import()`
 * works. TypeScript would rewrite a literal `import()` into `require()` under
 * `module: commonjs`, and tsx may too, so the import goes through a function built at
 * run time, which no compiler touches.
 */

/** The parts of h5wasm's API the course uses (h5wasm 0.10.x). */
export interface H5Dataset {
  readonly shape: number[] | null;
  readonly dtype: unknown;
  readonly value: unknown;
  slice(ranges: ([] | [number | null] | [number | null, number | null] | [number | null, number | null, number | null])[]): unknown;
}

export interface H5Group {
  keys(): string[];
  get(name: string): unknown;
  create_dataset(args: { name: string; data: unknown; shape?: number[] | null; dtype?: string | null; chunks?: number[] | null }): H5Dataset;
  create_attribute(name: string, data: unknown): void;
}

export interface H5File extends H5Group {
  close(): unknown;
}

export interface H5WasmModule {
  ready: Promise<unknown>;
  File: new (filename: string, mode?: "r" | "w" | "a") => H5File;
}

const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

let loaded: Promise<H5WasmModule> | undefined;

/** h5wasm's Node build, ready to open files of the real file system. */
export function loadH5Wasm(): Promise<H5WasmModule> {
  loaded ??= importModule("h5wasm/node").then(async (module) => {
    const h5wasm = module as H5WasmModule;
    await h5wasm.ready;
    return h5wasm;
  });
  return loaded;
}

/** Tells whether an object read from an h5wasm file is a dataset (has shape and slice). */
export function isH5Dataset(value: unknown): value is H5Dataset {
  return typeof value === "object" && value !== null && "slice" in value && "shape" in value;
}
