/**
 * The class workflow with real kernels, on a two-test assignment that loads no
 * TensorFlow (so it runs in seconds): autograde with a roster, timestamp.txt files, a
 * late rule, manual adjustments and revealed hidden tests; `assignments:gradebook`
 * re-publishing the saved results through the command line (sealed again, new
 * adjustments); and `assignments:validate` on a notebook outside the project.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../project.mjs";
import { type Notebook, type NotebookCell, serializeNotebook } from "../notebooks/notebook-format";
import { fixtureNotebook, temporaryFolder } from "../test-support/fixture-notebook";
import { type AutogradeResult, autograde } from "./autograde";
import { loadAutomaticResults, saveAutomaticResults } from "./automatic-results";
import { isSolution } from "./nbgrader-cells";
import { releaseNotebook } from "./release-notebook";
import { readSubmissionTimestamp } from "./submission-timestamp";
import { validateNotebook } from "./validate";

const hiddenCheck = 'assert.equal(double(-7), -14, "negativos também dobram");';

function nbgraderCell(code: string, meta: Record<string, unknown>): NotebookCell {
  const [cell] = fixtureNotebook([{ code }]).cells as [NotebookCell];
  cell.metadata = { nbgrader: { schema_version: 3, grade: false, solution: false, locked: false, ...meta } };
  return cell;
}

function sourceNotebook(): Notebook {
  const notebook = fixtureNotebook([]);
  notebook.cells = [
    nbgraderCell('import assert from "node:assert/strict";', { grade_id: "preparacao", locked: true }),
    nbgraderCell("function double(x: number): number {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n}", { grade_id: "resposta", solution: true }),
    nbgraderCell(`assert.equal(double(2), 4, "o dobro de 2 é 4");\n// BEGIN HIDDEN TESTS\n${hiddenCheck}\n// END HIDDEN TESTS`, { grade_id: "testes-dobro", grade: true, locked: true, points: 2 }),
    nbgraderCell('assert.equal(double(0), 0, "o dobro de 0 é 0");', { grade_id: "testes-zero", grade: true, locked: true, points: 1 }),
  ];
  return notebook;
}

function answered(body: string): Notebook {
  const notebook = releaseNotebook(sourceNotebook());
  for (const cell of notebook.cells) if (isSolution(cell)) cell.source = `function double(x: number): number {\n  ${body}\n}`;
  return notebook;
}

let folder = "";
let remove = async () => {};
let submissions = "";
let outputDir = "";
let sourceFile = "";
let result: AutogradeResult;

before(async () => {
  ({ folder, remove } = await temporaryFolder("turma"));
  submissions = path.join(folder, "entregas");
  outputDir = path.join(folder, "notas");
  sourceFile = path.join(folder, "dobro.ipynb");
  await writeFile(sourceFile, serializeNotebook(sourceNotebook()));
  await mkdir(path.join(submissions, "ana"), { recursive: true });
  await mkdir(path.join(submissions, "bruno", "dobro"), { recursive: true });
  await writeFile(path.join(submissions, "ana", "dobro.ipynb"), serializeNotebook(answered("return 2 * x;")));
  await writeFile(path.join(submissions, "ana", "timestamp.txt"), "2026-12-06 02:00:00.250000 UTC\n"); // 23 h late: one started day
  await writeFile(path.join(submissions, "bruno", "dobro", "dobro.ipynb"), serializeNotebook(answered("return Math.abs(2 * x);")));
  await writeFile(path.join(submissions, "bruno", "dobro", "timestamp.txt"), "2026-12-04 20:00:00 -03:00\n"); // on time
  await writeFile(path.join(submissions, "intruso.ipynb"), serializeNotebook(answered("return 2 * x;")));
  await writeFile(path.join(folder, "turma.csv"), "id,nome,email\nana,Ana Souza,ana@uni.br\nbruno,Bruno Lima,bruno@uni.br\ncarla,Carla Dias,carla@uni.br\n");
  await writeFile(path.join(folder, "ajustes.csv"), 'aluno,grade_id,ajuste,comentario\nbruno,testes-dobro,+1,"Esqueceu os negativos, mas o resto está certo."\n');
  result = await autograde({
    assignment: "dobro", sourceNotebook: sourceFile, submissions, outputDir, workers: 2, cellTimeoutSeconds: 60, totalTimeoutSeconds: 120,
    memoryMb: 512, isolate: false, revealHidden: true, lmsColumn: "Dobro",
    class: { roster: path.join(folder, "turma.csv"), ajustes: path.join(folder, "ajustes.csv"), prazo: "2026-12-04 23:59:59 -03:00", penalidade: "1/dia" },
  });
});
after(() => remove());

test("o boletim junta roster, timestamps, atraso e ajustes à correção automática", async () => {
  const lines = (await readFile(result.gradebookFile, "utf8")).trim().split("\n");
  assert.deepEqual(lines, [
    "student,assignment,testes-dobro,testes-zero,total,max_total,status,reason,name,email,roster,timestamp,hours_late,late_penalty,adjustment,auto_total",
    "ana,dobro,2,1,2,3,ok,,Ana Souza,ana@uni.br,ok,2026-12-06T02:00:00.250Z,23,1,,3",
    "bruno,dobro,1,1,2,3,ok,,Bruno Lima,bruno@uni.br,ok,2026-12-04T23:00:00.000Z,0,0,1,1",
    "carla,dobro,0,0,0,3,não entregou,,Carla Dias,carla@uni.br,ok,,,,,0",
    "intruso,dobro,2,1,3,3,ok,,,,fora do roster,,,0,,3",
  ]);
  assert.deepEqual((await readFile(result.canvasFile, "utf8")).split("\n").slice(0, 3), ["Student,ID,SIS User ID,SIS Login ID,Section,Dobro", "    Points Possible,,,,,3", "Ana Souza,,ana,,,2"]);
  assert.match(await readFile(result.moodleFile, "utf8"), /\nbruno@uni\.br,bruno,Bruno Lima,2,"testes-dobro: Esqueceu os negativos, mas o resto está certo\."\n/);
});

test("--revelar-ocultos: a devolutiva mostra o teste oculto que falhou", async () => {
  const page = await readFile(path.join(result.feedbackDir, "bruno.html"), "utf8");
  assert.ok(page.includes("negativos também dobram"), "a mensagem do teste oculto");
  assert.ok(page.includes("assert.equal(double(-7), -14"), "o código do teste oculto");
  assert.match(page, /Comentários do professor/);
});

test("assignments:gradebook republica os resultados salvos pela linha de comando: selado de novo, com outros ajustes", async () => {
  const saved = await loadAutomaticResults(outputDir, "dobro");
  assert.deepEqual(saved.map((row) => [row.student, row.total, row.submittedAt?.toISOString() ?? null]), [
    ["ana", 3, "2026-12-06T02:00:00.250Z"], ["bruno", 1, "2026-12-04T23:00:00.000Z"], ["intruso", 3, null],
  ]);
  // The command line knows only the shipped assignments: it re-publishes assignment 1 from results saved for it.
  const assignmentOne = path.join(folder, "notas-tarefa1");
  const points = { "testes-sigmoide": 1, "testes-gradientes": 4, "testes-treino": 0, "testes-acuracia": 2 };
  await saveAutomaticResults(assignmentOne, "01_regressao_logistica", [{
    student: "ana", assignment: "01_regressao_logistica", points, total: 7, maxTotal: 10, status: "ok", reason: "", notes: [], submittedAt: null,
    scores: [{ gradeId: "testes-treino", points: 0, maxPoints: 3, index: 9, status: "error", errorText: "  assert.ok(Math.abs(got.b - want.b) < 1e-5, `${label}: o b final = ${got.b}, mas a descida do gradiente dá ${want.b.toFixed(5)}`);\nAssertionError: 400 objetos, 300 épocas, η = 2: o b final = 3, mas a descida do gradiente dá -2.00000" }],
  }]);
  await writeFile(path.join(folder, "ajustes1.csv"), "aluno,grade_id,ajuste,comentario\nana,testes-treino,3,Revisto à mão.\n");
  const run = (extra: string[]) => spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "tools", "grading", "cli.ts"), "gradebook", "01_regressao_logistica", "--saida", assignmentOne, ...extra], { cwd: projectRoot, encoding: "utf8" });
  const revealed = run(["--ajustes", path.join(folder, "ajustes1.csv"), "--revelar-ocultos"]);
  assert.equal(revealed.status, 0, revealed.stderr);
  assert.match(revealed.stdout, /nenhuma entrega rodou de novo/);
  const revealedPage = await readFile(path.join(assignmentOne, "feedback", "ana.html"), "utf8");
  assert.ok(revealedPage.includes("replayGradientDescent"), "revelado: o código do teste oculto");
  assert.match(revealedPage, /Nota: <strong>10 de 10<\/strong>/);
  const sealed = run([]);
  assert.equal(sealed.status, 0, sealed.stderr);
  const sealedPage = await readFile(path.join(assignmentOne, "feedback", "ana.html"), "utf8");
  assert.ok(!sealedPage.includes("replayGradientDescent") && !sealedPage.includes("want.b"), "sem a opção, os testes ocultos ficam selados");
  assert.ok(sealedPage.includes("o b final = 3, mas a descida do gradiente dá -2.00000"), "selado: a mensagem escrita para o aluno");
  assert.match(sealedPage, /Nota: <strong>7 de 10<\/strong>/);
  const typo = run(["--ajustes", path.join(folder, "turma.csv")]);
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /turma\.csv, linha 1: falta\(m\) a\(s\) coluna\(s\) aluno, grade_id, ajuste, comentario/);
});

test("um roster ou ajuste com erro para a correção antes de rodar qualquer entrega", async () => {
  await writeFile(path.join(folder, "ajustes-ruins.csv"), "aluno,grade_id,ajuste,comentario\nana,testes-dobro,muito,x\n");
  const started = performance.now();
  await assert.rejects(
    autograde({ assignment: "dobro", sourceNotebook: sourceFile, submissions, outputDir: path.join(folder, "outra"), isolate: false, class: { ajustes: path.join(folder, "ajustes-ruins.csv") } }),
    /ajustes-ruins\.csv, linha 2: ajuste "muito" não é um número/,
  );
  assert.ok(performance.now() - started < 2000, "falha antes de iniciar kernels");
  assert.equal(existsSync(path.join(folder, "outra")), false);
  assert.equal(await readSubmissionTimestamp(path.join(submissions, "intruso.ipynb"), submissions), null);
});

test("validate roda um notebook fora do projeto (uma cópia lá dentro) e diz isso ao aluno", async () => {
  const downloads = path.join(folder, "Downloads");
  await mkdir(downloads);
  const file = path.join(downloads, "minha tarefa.ipynb");
  const notebook = serializeNotebook(answered("return 2 * x;"));
  await writeFile(file, notebook);
  const before = readdirSync(projectRoot).filter((name) => name.startsWith(".validar-"));
  const validation = await validateNotebook(file, { cellTimeoutSeconds: 60, totalTimeoutSeconds: 120 });
  assert.equal(validation.allPassed, true, validation.text);
  assert.equal(validation.points, 3);
  assert.match(validation.text, /está fora do projeto, onde o kernel não encontra @redes-neurais\/lib: validei uma cópia/);
  assert.doesNotMatch(validation.text, /Cannot find name/);
  assert.equal(await readFile(file, "utf8"), notebook, "o arquivo do aluno não muda");
  assert.deepEqual(readdirSync(projectRoot).filter((name) => name.startsWith(".validar-")), before, "a cópia é apagada");
  await assert.rejects(validateNotebook(path.join(downloads, "nao-existe.ipynb")), /Não encontrei o notebook .*nao-existe\.ipynb\. Confira o caminho/);
  await assert.rejects(validateNotebook(downloads), /não é um arquivo \.ipynb/);
});
