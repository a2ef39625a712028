/**
 * Type-checks a notebook's code cells exactly as the tslab kernel compiles them: with
 * tslab's own converter (its TypeScript 5.0.4 and compiler options: ES2022, ESNext
 * modules with Node 10 resolution, not `strict`, top-level await allowed), one cell
 * after the other, each seeing the declarations of the cells before it, with imports
 * resolved from the notebook's folder (so `@redes-neurais/lib` means lib/dist/*.d.ts).
 *
 * A cell with errors leaves the scope as it was, as in the kernel: later cells that use
 * its names then report them as missing. Such diagnostics are marked
 * `followsEarlierError`, so that a report can put the real error first. A cell tagged
 * `raises-exception` shows an error on purpose: its own diagnostics are not reported.
 */
import path from "node:path";
import { createConverter, type Diagnostic } from "tslab/dist/converter";
import { getCodeMetadata } from "tslab/dist/metadata";
import { displayPathOf } from "./course-notebooks";
import { readNotebook, textOf, type Notebook } from "./notebook-format";
import { topLevelNames } from "./top-level-names";

/** "Cannot find name", "Cannot find name. Did you mean", "Cannot find namespace". */
const missingNameCodes = new Set([2304, 2552, 2503]);

export interface CellDiagnostic {
  /** `notebooks/01_x.ipynb` (or the path given, outside notebooks/). */
  notebook: string;
  /** Position of the cell in the notebook, from 0 (markdown cells count). */
  cellIndex: number;
  /** Line and column in the cell, from 1. */
  line: number;
  column: number;
  message: string;
  /** TypeScript's error code (2322 for TS2322). */
  code: number;
  /** The cell's line the diagnostic points at. */
  sourceLine: string;
  /** Set when the error is in a local file the cell imports, not in the cell. */
  fileName?: string;
  /** A missing name that an earlier cell with errors declares: fix that cell first. */
  followsEarlierError?: true;
}

export async function typecheckNotebook(file: string): Promise<CellDiagnostic[]> {
  return typecheckNotebookContent(await readNotebook(file), file);
}

/**
 * {@link typecheckNotebook} for a notebook held in memory (e.g. a course notebook with one
 * line changed), type-checked as if it were saved at `file`.
 */
export function typecheckNotebookContent(notebook: Notebook, file: string): CellDiagnostic[] {
  const displayPath = displayPathOf(path.resolve(file));
  const cells = notebook.cells.map((cell): CodeCellInput | null => {
    if (cell.cell_type !== "code") return null;
    const tags = Array.isArray(cell.metadata["tags"]) ? (cell.metadata["tags"] as unknown[]) : [];
    return { source: textOf(cell.source), errorsExpected: tags.includes("raises-exception") };
  });
  return typecheckCells(cells, path.dirname(path.resolve(file)), displayPath);
}

interface CodeCellInput {
  source: string;
  /** Tagged `raises-exception`: an error shown on purpose. */
  errorsExpected?: boolean;
}

/**
 * Type-checks code cells (`null` stands for a markdown or raw cell, kept so that cell
 * positions match the notebook) as tslab would in a kernel started in `folder`.
 */
function typecheckCells(cells: readonly (CodeCellInput | null)[], folder: string, displayPath: string): CellDiagnostic[] {
  const previousFolder = process.cwd();
  // tslab's converter takes its root folder (where imports resolve from) from the
  // process's current folder; everything below is synchronous, so nothing else runs
  // while it is changed.
  process.chdir(folder);
  const converter = createConverter({ isJS: false, isBrowser: false });
  try {
    const found: CellDiagnostic[] = [];
    let previousDeclarations = "";
    /** Names declared by cells that failed, so absent from the scope of later cells. */
    const lostNames = new Set<string>();
    cells.forEach((cell, cellIndex) => {
      if (cell === null || cell.source.trim() === "") return;
      const source = cell.source;
      const report = (diagnostics: readonly Diagnostic[]): void => {
        for (const diagnostic of cell.errorsExpected ? [] : diagnostics) {
          const cellDiagnostic = toCellDiagnostic(diagnostic, source, cellIndex, displayPath);
          if (missingNameCodes.has(diagnostic.code) && lostNames.has(missingName(diagnostic.messageText))) {
            cellDiagnostic.followsEarlierError = true;
          }
          found.push(cellDiagnostic);
        }
        for (const name of topLevelNames(source)) lostNames.add(name);
      };
      const metadata = getCodeMetadata(source);
      if (metadata.module) {
        report(converter.addModule(metadata.module, source, metadata));
        return;
      }
      if (metadata.mode === "browser") return; // tslab does not run browser cells either
      const converted = converter.convert(previousDeclarations, source);
      if (converted.diagnostics.length > 0) {
        report(converted.diagnostics);
        return;
      }
      previousDeclarations = converted.declOutput ?? "";
      for (const name of topLevelNames(source)) lostNames.delete(name);
    });
    return found;
  } finally {
    converter.close();
    process.chdir(previousFolder);
  }
}

function missingName(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? "";
}

function toCellDiagnostic(diagnostic: Diagnostic, source: string, cellIndex: number, notebook: string): CellDiagnostic {
  const sourceLine = diagnostic.fileName ? "" : (source.split("\n")[diagnostic.start.line] ?? "");
  const result: CellDiagnostic = {
    notebook,
    cellIndex,
    line: diagnostic.start.line + 1,
    column: diagnostic.start.character + 1,
    message: diagnostic.messageText,
    code: diagnostic.code,
    sourceLine,
  };
  if (diagnostic.fileName) result.fileName = diagnostic.fileName;
  return result;
}

/**
 * `notebooks/01_x.ipynb, célula 4, linha 2: mensagem (TS2322)`, then the source line
 * with a caret under the column.
 */
function formatCellDiagnostic(diagnostic: CellDiagnostic): string {
  const where = diagnostic.fileName
    ? `${diagnostic.notebook}, célula ${diagnostic.cellIndex + 1}, em ${diagnostic.fileName} linha ${diagnostic.line}`
    : `${diagnostic.notebook}, célula ${diagnostic.cellIndex + 1}, linha ${diagnostic.line}`;
  const lines = [`${where}: ${diagnostic.message} (TS${diagnostic.code})`];
  if (diagnostic.code === 2307 && diagnostic.message.includes("@redes-neurais/lib")) {
    lines[0] +=
      "\n    Os tipos da biblioteca do curso vêm de lib/dist/, que ainda não foi compilada: " +
      "rode `npm run build --workspace lib` (ou `npm run setup`) e tente de novo.";
  }
  if (diagnostic.sourceLine) {
    lines.push(`    ${diagnostic.sourceLine}`, `    ${" ".repeat(Math.max(0, diagnostic.column - 1))}^`);
  }
  return lines.join("\n");
}

/**
 * All diagnostics of a notebook for people: each real error in full, and per cell one
 * line for the names that are missing only because an earlier cell failed.
 */
export function formatDiagnostics(diagnostics: readonly CellDiagnostic[]): string {
  const blocks: string[] = [];
  const followers = new Map<string, { cell: number; names: Set<string> }>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.followsEarlierError) {
      blocks.push(formatCellDiagnostic(diagnostic));
      continue;
    }
    const key = `${diagnostic.notebook}\u0000${diagnostic.cellIndex}`;
    const entry = followers.get(key) ?? { cell: diagnostic.cellIndex, names: new Set<string>() };
    entry.names.add(missingName(diagnostic.message));
    followers.set(key, entry);
  }
  for (const [key, entry] of followers) {
    const notebook = key.split("\u0000")[0];
    const names = [...entry.names];
    blocks.push(
      names.length === 1
        ? `${notebook}, célula ${entry.cell + 1}: usa ${names[0]}, que não existe porque a célula anterior ` +
            "que o declara tem erro (corrija aquela primeiro)."
        : `${notebook}, célula ${entry.cell + 1}: usa ${names.join(", ")}, que não existem porque as células ` +
            "anteriores que os declaram têm erro (corrija aquelas primeiro).",
    );
  }
  return blocks.join("\n\n");
}
