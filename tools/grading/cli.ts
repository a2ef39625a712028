/**
 * The grading commands (npm scripts, see README "Tarefas avaliadas"):
 *   assignments:check    [tarefa…]   metadados nbgrader e marcadores das tarefas-fonte
 *   assignments:release  [tarefa…]   versão do aluno em assignments/release/<tarefa>/
 *   assignments:validate <notebook>  o aluno roda o seu notebook e vê quais testes passam
 *   assignments:autograde <tarefa> <pasta-de-entregas> [--saida PASTA] [--workers 2]
 *        [--tempo-celula 60] [--tempo-total 300] [--memoria 1536] [--rapido] [--sem-isolamento]
 *        [--roster turma.csv] [--ajustes ajustes.csv] [--prazo DATA] [--penalidade 1/dia]
 *        [--penalidade-max 3] [--tolerancia 15min] [--zerar-apos 3d] [--revelar-ocultos] [--coluna-lms NOME]
 *   assignments:gradebook <tarefa> [--saida PASTA] [as mesmas opções da turma]
 *        refaz boletim, devolutivas e exportações a partir da última correção, sem rodar nada
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { runMain } from "../common/run-main";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { readNotebook, serializeNotebook } from "../notebooks/notebook-format";
import { releaseNotebookOf, selectAssignments, sourceNotebookOf } from "./assignments";
import { autograde } from "./autograde";
import { loadAutomaticResults } from "./automatic-results";
import { notInRosterFlag, notSubmittedStatus } from "./class-gradebook";
import { type ClassFlags, loadClassOptions } from "./class-options";
import { metadataProblems } from "./check-metadata";
import { publishGrades } from "./publish-grades";
import { releaseNotebook } from "./release-notebook";
import { gradedCells } from "./score";
import { validateNotebook } from "./validate";

async function check(names: string[]): Promise<number> {
  let bad = 0;
  for (const name of selectAssignments(names)) {
    const file = sourceNotebookOf(name);
    const problems = metadataProblems(await readNotebook(file));
    if (problems.length === 0) {
      console.log(`✓ ${name}: metadados nbgrader (esquema 3) válidos`);
      continue;
    }
    bad += 1;
    console.error(`✗ ${path.relative(process.cwd(), file)}:\n${problems.map((problem) => `    ${problem.message}`).join("\n")}`);
  }
  return bad === 0 ? 0 : 1;
}

async function release(names: string[]): Promise<number> {
  if ((await check(names)) !== 0) {
    console.error("Nada foi publicado: corrija os metadados acima.");
    return 1;
  }
  for (const name of selectAssignments(names)) {
    const target = releaseNotebookOf(name);
    await writeFileAtomically(target, serializeNotebook(releaseNotebook(await readNotebook(sourceNotebookOf(name)))));
    console.log(`✓ ${name} → ${path.relative(process.cwd(), target)}`);
  }
  return 0;
}

async function validate(files: string[]): Promise<number> {
  if (files.length !== 1) {
    console.error("Uso: npm run assignments:validate -- caminho/do/notebook.ipynb");
    return 2;
  }
  const result = await validateNotebook(path.resolve(files[0] as string));
  console.log(result.text);
  return result.allPassed ? 0 : 1;
}

/** The options of the class (roster, adjustments, late rule) and of the published files. */
const classOptionSpecs = {
  roster: { type: "string" },
  ajustes: { type: "string" },
  prazo: { type: "string" },
  penalidade: { type: "string" },
  "penalidade-max": { type: "string" },
  tolerancia: { type: "string" },
  "zerar-apos": { type: "string" },
  "revelar-ocultos": { type: "boolean", default: false },
  "reveal-hidden": { type: "boolean", default: false },
  "coluna-lms": { type: "string" },
} as const;

function classFlagsOf(values: ClassFlags): ClassFlags {
  const { roster, ajustes, prazo, penalidade, tolerancia } = values;
  return { roster, ajustes, prazo, penalidade, "penalidade-max": values["penalidade-max"], tolerancia, "zerar-apos": values["zerar-apos"] };
}

function printPublished(files: { gradebookFile: string; feedbackDir: string; canvasFile: string; moodleFile: string }): void {
  const relative = (file: string) => path.relative(process.cwd(), file);
  console.log(`  boletim: ${relative(files.gradebookFile)}; devolutivas: ${relative(files.feedbackDir)}/`);
  console.log(`  para o Canvas: ${relative(files.canvasFile)}; para o Moodle: ${relative(files.moodleFile)}`);
}

/** Gradebook, feedback and exports again from the saved results: after editing the adjustments or the roster. */
async function regradebook(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { saida: { type: "string" }, ...classOptionSpecs } });
  const [name] = positionals;
  if (!name || positionals.length > 1) {
    console.error("Uso: npm run assignments:gradebook -- <tarefa> [--saida PASTA] [--roster turma.csv] [--ajustes ajustes.csv] [--prazo DATA] [--penalidade 1/dia]");
    return 2;
  }
  const [assignment] = selectAssignments([name]);
  const outputDir = path.resolve(values.saida ?? path.join("assignments", "feedback", name));
  const source = await readNotebook(sourceNotebookOf(assignment as string));
  const rows = await loadAutomaticResults(outputDir, assignment as string);
  const gradeIds = gradedCells(source).map((cell) => cell.gradeId);
  const classOptions = await loadClassOptions(classFlagsOf(values), rows.map((row) => row.student), gradeIds);
  const published = await publishGrades({
    assignment: assignment as string, source, rows, outputDir, classOptions,
    revealHidden: values["revelar-ocultos"] || values["reveal-hidden"], lmsColumn: values["coluna-lms"] ?? (assignment as string),
  });
  console.log(`✓ ${published.rows.length} linha(s) no boletim (nenhuma entrega rodou de novo)`);
  printPublished(published);
  return 0;
}

async function grade(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      saida: { type: "string" },
      workers: { type: "string", default: "2" },
      "tempo-celula": { type: "string", default: "60" },
      "tempo-total": { type: "string", default: "300" },
      memoria: { type: "string", default: "1536" },
      rapido: { type: "boolean", default: false },
      "sem-isolamento": { type: "boolean", default: false },
      ...classOptionSpecs,
    },
  });
  const [name, submissions] = positionals;
  if (!name || !submissions) {
    console.error("Uso: npm run assignments:autograde -- <tarefa> <pasta-de-entregas> [--saida PASTA]");
    return 2;
  }
  const [assignment] = selectAssignments([name]);
  const outputDir = path.resolve(values.saida ?? path.join("assignments", "feedback", name));
  const result = await autograde({
    assignment: assignment as string,
    sourceNotebook: sourceNotebookOf(assignment as string),
    submissions: path.resolve(submissions),
    outputDir,
    workers: Number(values.workers),
    cellTimeoutSeconds: Number(values["tempo-celula"]),
    totalTimeoutSeconds: Number(values["tempo-total"]),
    memoryMb: Number(values.memoria),
    fast: values.rapido,
    isolate: !values["sem-isolamento"],
    class: classFlagsOf(values),
    revealHidden: values["revelar-ocultos"] || values["reveal-hidden"],
    lmsColumn: values["coluna-lms"] ?? (assignment as string),
    onGraded: (row) =>
      console.log(`  ${row.student}: ${row.total}/${row.maxTotal} (${row.status}${row.reason ? `: ${row.reason}` : ""}) em ${row.seconds.toFixed(1)} s`),
  });
  console.log(`✓ ${result.rows.length} entrega(s) corrigida(s) em ${result.seconds.toFixed(1)} s`);
  const missing = result.classRows.filter((row) => row.status === notSubmittedStatus).length;
  const unknown = result.classRows.filter((row) => row.extra["roster"] === notInRosterFlag).map((row) => row.student);
  if (missing > 0) console.log(`  ${missing} aluno(s) do roster não entregaram`);
  if (unknown.length > 0) console.log(`  ⚠ entrega(s) de quem não está no roster: ${unknown.join(", ")}`);
  printPublished(result);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "check":
      return check(rest);
    case "release":
      return release(rest);
    case "validate":
      return validate(rest);
    case "autograde":
      return grade(rest);
    case "gradebook":
      return regradebook(rest);
    default:
      console.error("Comandos: check, release, validate, autograde, gradebook (veja o README, seção Tarefas avaliadas).");
      return 2;
  }
}

runMain(main);
