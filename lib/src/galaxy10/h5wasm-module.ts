/**
 * The parts of h5wasm that the Galaxy10 reader uses, typed structurally (hyperslab
 * `slice`), over the library's one h5wasm loader (hdf5/load-h5wasm.ts).
 */
import { loadH5wasm } from "../hdf5/load-h5wasm";

/** The parts of h5wasm's API the course uses (h5wasm 0.10.x). */
export interface H5Dataset {
  readonly shape: number[] | null;
  readonly dtype: unknown;
  readonly value: unknown;
  slice(ranges: ([] | [number | null] | [number | null, number | null] | [number | null, number | null, number | null])[]): unknown;
}

interface H5Group {
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

/** h5wasm's Node build, ready to open files of the real file system. */
export async function loadH5Wasm(): Promise<H5WasmModule> {
  return (await loadH5wasm()) as unknown as H5WasmModule;
}

/** Tells whether an object read from an h5wasm file is a dataset (has shape and slice). */
export function isH5Dataset(value: unknown): value is H5Dataset {
  return typeof value === "object" && value !== null && "slice" in value && "shape" in value;
}
