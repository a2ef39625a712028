/**
 * What a course notebook looks like in git: no outputs, no execution counts, the
 * course's kernel and TypeScript as its language. `cleanNotebook` makes it so;
 * `cleanlinessProblems` says, in Portuguese, what is still off.
 */
import { kernelDisplayName, kernelName } from "../project.mjs";
import type { KernelSpecMetadata, LanguageInfo, MultilineText, Notebook, NotebookCell } from "./notebook-format";

export const courseKernelspec: KernelSpecMetadata = {
  display_name: kernelDisplayName,
  language: "typescript",
  name: kernelName,
};

/** `pygments_lexer` makes nbconvert highlight the code as TypeScript (not Python). */
export const courseLanguageInfo: LanguageInfo = {
  file_extension: ".ts",
  mimetype: "text/typescript",
  name: "typescript",
  pygments_lexer: "typescript",
};

/** Cell metadata written by tools and views, not by authors. */
const transientCellMetadata = ["execution", "scrolled", "ExecuteTime"];

export function cleanNotebook(notebook: Notebook): Notebook {
  return {
    ...notebook,
    metadata: { ...notebook.metadata, kernelspec: { ...courseKernelspec }, language_info: { ...courseLanguageInfo } },
    cells: notebook.cells.map(cleanCell),
  };
}

function cleanCell(cell: NotebookCell): NotebookCell {
  const metadata = { ...cell.metadata };
  for (const key of transientCellMetadata) delete metadata[key];
  const cleaned: NotebookCell = { ...cell, metadata, source: asLines(cell.source) };
  if (cell.cell_type === "code") {
    cleaned.outputs = [];
    cleaned.execution_count = null;
  }
  return cleaned;
}

/** Jupyter saves a source as a list of lines, each but the last ending in "\n". */
function asLines(source: MultilineText): string[] {
  const text = Array.isArray(source) ? source.join("") : source;
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function cleanlinessProblems(notebook: Notebook): string[] {
  const problems: string[] = [];
  notebook.cells.forEach((cell, index) => {
    const transient = transientCellMetadata.filter((key) => key in cell.metadata);
    if (transient.length > 0) {
      problems.push(`célula ${index + 1}: tem metadados de execução (${transient.join(", ")}); esperava nenhum`);
    }
    if (cell.cell_type !== "code") return;
    if (cell.outputs && cell.outputs.length > 0) {
      problems.push(`célula ${index + 1}: tem ${cell.outputs.length} saída(s) gravada(s); esperava nenhuma`);
    }
    if (cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`célula ${index + 1}: tem contagem de execução ${cell.execution_count}; esperava null`);
    }
  });
  const kernel = notebook.metadata.kernelspec?.name;
  if (kernel !== kernelName) {
    problems.push(`metadata.kernelspec.name é ${JSON.stringify(kernel)}; esperava "${kernelName}"`);
  }
  const language = notebook.metadata.language_info;
  if (language?.name !== "typescript" || language.pygments_lexer !== "typescript") {
    problems.push(
      `metadata.language_info é ${JSON.stringify(language)}; esperava name e pygments_lexer "typescript"`,
    );
  }
  return problems;
}
