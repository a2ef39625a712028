/**
 * Node.js's own warnings ("(node:1234) [DEP0051] DeprecationWarning: …",
 * "(node:1234) ExperimentalWarning: …") in a notebook's outputs: none may reach a cell or a
 * handout on any supported Node (the course's compatibility layer,
 * lib/src/backend/node-compat.ts, exists to keep them out).
 */
import type { Notebook } from "./notebook-format";
import { cellOutputTexts } from "./notebook-format";

const nodeWarningLine = /^\(node:\d+\) (\[[A-Z]+\d+\] )?\w*Warning: .*$/gm;

/** Each Node warning line in the outputs, as `célula N: <line>` (cells counted from 0). */
export function nodeWarningsInOutputs(notebook: Notebook): string[] {
  const found: string[] = [];
  notebook.cells.forEach((cell, index) => {
    for (const text of cellOutputTexts(cell)) for (const match of text.matchAll(nodeWarningLine)) found.push(`célula ${index}: ${match[0]}`);
  });
  return found;
}
