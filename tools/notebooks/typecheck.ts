/**
 * `npm run notebooks:typecheck [-- NOME...]`: type-checks the code cells of the course
 * notebooks (all, or the ones named) as the tslab kernel would compile them, without
 * running anything. Exits with 1 when a cell has a type error.
 */
import { listCourseNotebooks, selectNotebooks } from "./course-notebooks";
import { formatDiagnostics, typecheckNotebook } from "./typecheck-notebook";
import { runMain } from "../common/run-main";

async function main(args: readonly string[]): Promise<number> {
  const notebooks = selectNotebooks(await listCourseNotebooks(), args);
  if (notebooks.length === 0) {
    console.error("Nenhum notebook do curso (notebooks/NN_nome.ipynb) encontrado.");
    return 1;
  }
  let errorCount = 0;
  for (const notebook of notebooks) {
    const diagnostics = await typecheckNotebook(notebook.file);
    errorCount += diagnostics.length;
    if (diagnostics.length === 0) {
      console.log(`✓ ${notebook.displayPath}`);
      continue;
    }
    console.log(`✗ ${notebook.displayPath}: ${diagnostics.length} erro(s)\n\n${formatDiagnostics(diagnostics)}\n`);
  }
  if (errorCount > 0) {
    console.error(
      `\n${errorCount} erro(s) de tipo nas células. Corrija-os no notebook: o kernel tslab recusa a célula com erro.`,
    );
    return 1;
  }
  console.log(`\nTipos corretos nas células de ${notebooks.length} notebook(s).`);
  return 0;
}

runMain(main);
