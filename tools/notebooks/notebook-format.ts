/**
 * The parts of the Jupyter notebook format (nbformat 4) that the course tools read and
 * write. Unknown fields are kept as they are.
 */
import { readFile } from "node:fs/promises";

/** A cell's source: one string, or a list of lines as Jupyter saves it. */
export type MultilineText = string | string[];

export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: MultilineText;
  metadata: Record<string, unknown>;
  id?: string;
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

export interface KernelSpecMetadata {
  name: string;
  display_name: string;
  language?: string;
}

export interface LanguageInfo {
  name: string;
  [field: string]: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: {
    kernelspec?: KernelSpecMetadata;
    language_info?: LanguageInfo;
    [field: string]: unknown;
  };
  cells: NotebookCell[];
}

/** Thrown when a file is not a notebook the tools can read. */
class NotebookFormatError extends Error {
  override name = "NotebookFormatError";
}

export function textOf(source: MultilineText): string {
  return Array.isArray(source) ? source.join("") : source;
}

/** The texts a cell's outputs show: stream text and every text-valued entry of display data. */
export function cellOutputTexts(cell: NotebookCell): string[] {
  const texts: string[] = [];
  for (const output of (cell.outputs ?? []) as { text?: unknown; data?: Record<string, unknown> }[]) {
    if (typeof output.text === "string" || Array.isArray(output.text)) texts.push(textOf(output.text as MultilineText));
    for (const value of Object.values(output.data ?? {})) {
      if (typeof value === "string" || Array.isArray(value)) texts.push(textOf(value as MultilineText));
    }
  }
  return texts;
}

export async function readNotebook(file: string): Promise<Notebook> {
  const text = await readFile(file, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new NotebookFormatError(
      `${file} não é um notebook: esperava JSON, mas a leitura falhou (${(error as Error).message}). ` +
        "Abra o arquivo no JupyterLab ou restaure-o com git.",
      { cause: error },
    );
  }
  if (!isNotebook(data)) {
    throw new NotebookFormatError(
      `${file} não é um notebook no formato 4: esperava um objeto com "nbformat": 4, "metadata" e "cells".`,
    );
  }
  return data;
}

function isNotebook(data: unknown): data is Notebook {
  if (typeof data !== "object" || data === null) return false;
  const candidate = data as Partial<Notebook>;
  return (
    candidate.nbformat === 4 &&
    typeof candidate.metadata === "object" &&
    candidate.metadata !== null &&
    Array.isArray(candidate.cells)
  );
}

/** The notebook as Jupyter itself writes it: one-space indent, sorted keys, final newline. */
export function serializeNotebook(notebook: Notebook): string {
  return JSON.stringify(sortKeys(notebook), null, 1) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}
