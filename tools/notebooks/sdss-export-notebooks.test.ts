/**
 * Notebook 05 tells students that an SDSS export (SkyServer / CasJobs CSV) read with
 * `readSdssCsvFile` (lib/src/photometry/read-catalogue.ts) feeds the notebooks exactly like
 * the simulated catalogue. Here every course notebook that reads the catalogue is type-
 * checked as tslab compiles it, with each `readStarGalaxyCatalogue()` replaced by
 * `readSdssCsvFile(...)`: the records of an export, whose PSF magnitudes may be missing,
 * must be accepted wherever the notebook uses the catalogue. (That the records and colours
 * are the same is tested in lib/src/photometry/read-catalogue.test.ts.)
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { listCourseNotebooksSync } from "./course-notebooks";
import { readNotebook, textOf, type Notebook } from "./notebook-format";
import { formatDiagnostics, typecheckNotebookContent } from "./typecheck-notebook";

const readsCatalogue = /readStarGalaxyCatalogue\(\)/g;

/** The notebook with every read of the catalogue swapped for an SDSS export, or undefined when it reads none. */
function withSdssExport(notebook: Notebook): Notebook | undefined {
  let swapped = false;
  const cells = notebook.cells.map((cell) => {
    const source = textOf(cell.source);
    if (cell.cell_type !== "code" || !readsCatalogue.test(source)) return cell;
    readsCatalogue.lastIndex = 0;
    swapped = true;
    const replaced = source.replace(readsCatalogue, 'readSdssCsvFile("minha-consulta.csv")');
    return { ...cell, source: `import { readSdssCsvFile } from "@redes-neurais/lib";\n${replaced}` };
  });
  return swapped ? { ...notebook, cells } : undefined;
}

const notebooks = listCourseNotebooksSync();

test("as leituras do catálogo simulado aceitam uma exportação do SDSS (readSdssCsvFile)", async (t) => {
  const checked: string[] = [];
  for (const notebook of notebooks) {
    const swapped = withSdssExport(await readNotebook(notebook.file));
    if (!swapped) continue;
    checked.push(notebook.name.slice(0, 2));
    await t.test(notebook.displayPath, () => {
      const diagnostics = typecheckNotebookContent(swapped, notebook.file);
      if (diagnostics.length > 0) assert.fail(`\ncom readSdssCsvFile no lugar de readStarGalaxyCatalogue:\n${formatDiagnostics(diagnostics)}`);
    });
  }
  assert.ok(checked.includes("05"), `o notebook 05, que ensina a trocar o catálogo, deveria ler o catálogo simulado; lidos: ${checked.join(", ")}`);
});
