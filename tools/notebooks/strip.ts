/**
 * `npm run notebooks:strip [-- NOME...] [--check]`: leaves the course notebooks as they
 * go into git — outputs and execution counts cleared, the course's kernelspec and
 * TypeScript language_info in the metadata — rewriting in place only the files that
 * change. With `--check`, changes nothing and exits with 1 if a notebook is not clean.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { cleanlinessProblems, cleanNotebook } from "./clean-notebook";
import { listCourseNotebooks, selectNotebooks } from "./course-notebooks";
import { readNotebook, serializeNotebook } from "./notebook-format";
import { runMain } from "../common/run-main";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { check: { type: "boolean", default: false } },
  });
  const notebooks = selectNotebooks(await listCourseNotebooks(), positionals);
  if (notebooks.length === 0) {
    console.error("Nenhum notebook do curso (notebooks/NN_nome.ipynb) encontrado.");
    return 1;
  }
  let dirty = 0;
  for (const notebook of notebooks) {
    const before = await readFile(notebook.file, "utf8");
    const parsed = await readNotebook(notebook.file);
    const after = serializeNotebook(cleanNotebook(parsed));
    if (values.check) {
      const problems = cleanlinessProblems(parsed);
      if (problems.length > 0) {
        dirty += 1;
        console.error(`✗ ${notebook.displayPath}:\n${problems.map((problem) => `    ${problem}`).join("\n")}`);
      } else {
        console.log(`✓ ${notebook.displayPath}`);
      }
      continue;
    }
    if (after === before) {
      console.log(`  ${notebook.displayPath}: já estava limpo`);
      continue;
    }
    await writeFileAtomically(notebook.file, after);
    dirty += 1;
    console.log(`✓ ${notebook.displayPath}: saídas e contagens apagadas, metadados do curso gravados`);
  }
  if (values.check && dirty > 0) {
    console.error(`\n${dirty} notebook(s) com saídas ou metadados fora do padrão. Rode \`npm run notebooks:strip\`.`);
    return 1;
  }
  if (!values.check) console.log(`${dirty} de ${notebooks.length} notebook(s) alterado(s).`);
  return 0;
}

runMain(main);
