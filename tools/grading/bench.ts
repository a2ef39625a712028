/**
 * `node --import tsx tools/grading/bench.ts [N] [tarefa] [workers]`: grades N synthetic
 * submissions of an assignment (a third solved, a third with one wrong answer, a third
 * empty) and prints the time, to size a class's grading. Default: 30 submissions of
 * 01_regressao_logistica with 2 workers.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { runMain } from "../common/run-main";
import { serializeNotebook, textOf } from "../notebooks/notebook-format";
import { projectTemporaryFolder } from "../test-support/fixture-notebook";
import { autograde } from "./autograde";
import { nbgraderOf } from "./nbgrader-cells";
import { loadAssignment, solvedFromSource, withAnswer } from "./test-support";

async function main(argv: string[]): Promise<number> {
  const count = Number(argv[0] ?? 30);
  const name = argv[1] ?? "01_regressao_logistica";
  const workers = Number(argv[2] ?? 2);
  const { source, released, sourceFile } = await loadAssignment(name);
  const solved = solvedFromSource(released, source);
  const firstAnswer = solved.cells.find((cell) => nbgraderOf(cell)?.solution);
  const wrong = withAnswer(solved, nbgraderOf(firstAnswer!)?.grade_id ?? "", "// resposta errada de propósito");
  const { folder, remove } = await projectTemporaryFolder("bench");
  try {
    const submissions = path.join(folder, "entregas");
    await mkdir(submissions, { recursive: true });
    for (let i = 0; i < count; i++) {
      // Each notebook differs (a comment), as in a class: identical notebooks run only once.
      const notebook = structuredClone([solved, wrong, released][i % 3]!);
      const answer = notebook.cells.find((cell) => nbgraderOf(cell)?.solution);
      if (answer) answer.source = `// aluno ${i}\n${textOf(answer.source)}`;
      await writeFile(path.join(submissions, `aluno-${String(i).padStart(3, "0")}.ipynb`), serializeNotebook(notebook));
    }
    const result = await autograde({ assignment: name, sourceNotebook: sourceFile, submissions, outputDir: path.join(folder, "saida"), workers });
    const per = result.rows.map((row) => row.seconds);
    const statuses = [...new Set(result.rows.map((row) => row.status))].join(", ");
    console.log(
      `${count} entregas de ${name} com ${workers} workers: ${result.seconds.toFixed(1)} s no total, ` +
        `${(result.seconds / count).toFixed(1)} s por entrega em média (cada uma: ${Math.min(...per).toFixed(1)}–${Math.max(...per).toFixed(1)} s); situações: ${statuses}`,
    );
    return 0;
  } finally {
    await remove();
  }
}

runMain(main);
