/**
 * What the instructor publishes from automatic results (publish-grades.ts), on the
 * shipped assignment 1's source, without running kernels: the two feedback modes
 * (sealed by default, hidden tests revealed on request), the instructor's comments,
 * the class gradebook and the LMS exports, written atomically and the same every time.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { readNotebook } from "../notebooks/notebook-format";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { sourceNotebookOf } from "./assignments";
import { loadAutomaticResults, saveAutomaticResults } from "./automatic-results";
import { type GradedRow, publishGrades } from "./publish-grades";

let folder = "";
let remove = async () => {};
before(async () => ({ folder, remove } = await temporaryFolder("publicar")));
after(() => remove());

/** A line inside assignment 1's hidden tests, as the runtime quotes it when it fails. */
const hiddenLine = "  assert.ok(Math.abs(got.b - want.b) < 1e-5, `${label}: o b final = ${got.b}, mas a descida do gradiente dá ${want.b.toFixed(5)}`);";
const studentMessage = "400 objetos, 300 épocas, η = 2: o b final = 3, mas a descida do gradiente dá -2.00000";
const hiddenFailure = `evalmachine.<anonymous>:9\n${hiddenLine}\n^\n\nAssertionError [ERR_ASSERTION]: ${studentMessage}`;

function row(student: string, treino: number, submittedAt: string | null): GradedRow {
  const points = { "testes-sigmoide": 1, "testes-gradientes": 4, "testes-treino": treino, "testes-acuracia": 2 };
  return {
    student, assignment: "01_regressao_logistica", points, total: 7 + treino, maxTotal: 10, status: "ok", reason: "", notes: [],
    submittedAt: submittedAt ? new Date(submittedAt) : null,
    scores: Object.entries(points).map(([gradeId, value], index) => ({
      gradeId, points: value, maxPoints: gradeId === "testes-treino" ? 3 : value, index,
      status: gradeId === "testes-treino" && treino === 0 ? ("error" as const) : ("ok" as const),
      errorText: gradeId === "testes-treino" && treino === 0 ? hiddenFailure : "",
    })),
  };
}

const rows = [row("ana", 0, "2026-12-05T01:00:00Z"), row("bruno", 3, null)];

async function publish(outputDir: string, revealHidden: boolean) {
  const source = await readNotebook(sourceNotebookOf("01_regressao_logistica"));
  return publishGrades({
    assignment: "01_regressao_logistica", source, rows, outputDir, revealHidden, lmsColumn: "Tarefa 1",
    classOptions: {
      roster: { file: "turma.csv", students: [{ id: "ana", name: "Ana", email: "ana@uni.br", section: "", canvasId: "", sisLoginId: "" }, { id: "carla", name: "Carla", email: "carla@uni.br", section: "", canvasId: "", sisLoginId: "" }] },
      adjustments: [{ student: "ana", gradeId: "testes-treino", points: 2, comment: "O custo <inicial> estava certo; o teste oculto pedia log 2 antes do passo.", line: 2 }],
      late: { deadline: new Date("2026-12-04T23:59:00Z"), graceHours: 0, amount: 1, percent: false, unitHours: 24, capPoints: null, zeroAfterHours: null },
    },
  });
}

test("devolutiva selada por padrão: nem o código nem a linha do teste oculto aparecem", async () => {
  const published = await publish(path.join(folder, "selada"), false);
  const page = await readFile(path.join(published.feedbackDir, "ana.html"), "utf8");
  assert.ok(!page.includes("want.b") && !page.includes("replayGradientDescent"), "o teste oculto não aparece");
  assert.ok(!page.includes("BEGIN HIDDEN TESTS"));
  assert.match(page, /<h2>Testes visíveis<\/h2>/);
  assert.ok(page.includes(`AssertionError [ERR_ASSERTION]: ${studentMessage}`), "a mensagem escrita para o aluno");
});

test("com revealHidden a devolutiva mostra o código dos testes ocultos e o erro inteiro", async () => {
  const published = await publish(path.join(folder, "revelada"), true);
  const page = await readFile(path.join(published.feedbackDir, "ana.html"), "utf8");
  assert.match(page, /<h2>Testes \(com os ocultos, revelados depois do prazo\)<\/h2>/);
  assert.ok(page.includes("// BEGIN HIDDEN TESTS"), "o código da célula de teste inteira");
  assert.ok(page.includes("Math.abs(got.b - want.b)"), "a linha do teste oculto, no código e no erro");
});

test("a devolutiva mostra o comentário do professor, a nota ajustada e o atraso", async () => {
  const published = await publish(path.join(folder, "comentarios"), false);
  const page = await readFile(path.join(published.feedbackDir, "ana.html"), "utf8");
  assert.match(page, /<h2>Comentários do professor<\/h2>/);
  assert.match(page, /<code>testes-treino<\/code><\/td><td>0 → 2 de 3<\/td><td>O custo &lt;inicial&gt; estava certo/);
  assert.match(page, /Nota: <strong>8 de 10<\/strong>/, "7 + 2 de ajuste − 1 de atraso");
  assert.match(page, /entregue 1 h depois do prazo: −1 ponto\(s\) de penalidade/);
  assert.match(page, /testes-treino: 2 de 3/);
  assert.equal(published.rows.find((candidate) => candidate.student === "carla")?.status, "não entregou");
  await assert.rejects(readFile(path.join(published.feedbackDir, "carla.html")), /ENOENT/, "quem não entregou não tem devolutiva");
});

test("boletim, exportações e devolutivas: escritos sem arquivos temporários e iguais a cada publicação", async () => {
  const outputDir = path.join(folder, "repetida");
  await publish(outputDir, false);
  const first = await Promise.all(["gradebook.csv", "canvas.csv", "moodle.csv", "feedback/ana.html"].map((file) => readFile(path.join(outputDir, file), "utf8")));
  await publish(outputDir, false);
  const second = await Promise.all(["gradebook.csv", "canvas.csv", "moodle.csv", "feedback/ana.html"].map((file) => readFile(path.join(outputDir, file), "utf8")));
  assert.deepEqual(second, first);
  assert.deepEqual((await readdir(outputDir)).sort(), ["canvas.csv", "feedback", "gradebook.csv", "moodle.csv"]);
  assert.deepEqual((await readdir(path.join(outputDir, "feedback"))).sort(), ["ana.html", "bruno.html"]);
  assert.match(first[0] as string, /^student,assignment,testes-sigmoide,testes-gradientes,testes-treino,testes-acuracia,total,max_total,status,reason,name,email,roster,timestamp/);
  assert.match(first[0] as string, /\nbruno,01_regressao_logistica,1,4,3,2,10,10,ok,,,,fora do roster,,,0,,10\n/);
  assert.match(first[1] as string, /^Student,ID,SIS User ID,SIS Login ID,Section,Tarefa 1\n/);
});

test("os resultados automáticos salvos voltam iguais, e os de outra tarefa são recusados", async () => {
  const outputDir = path.join(folder, "salvos");
  await saveAutomaticResults(outputDir, "01_regressao_logistica", rows);
  const loaded = await loadAutomaticResults(outputDir, "01_regressao_logistica");
  assert.deepEqual(loaded, [...rows].sort((a, b) => a.student.localeCompare(b.student)));
  await assert.rejects(loadAutomaticResults(outputDir, "02_universalidade_mlp"), /guarda a correção da tarefa "01_regressao_logistica", não de "02_universalidade_mlp"/);
  await assert.rejects(loadAutomaticResults(path.join(folder, "nada"), "01_regressao_logistica"), /Rode antes npm run assignments:autograde -- 01_regressao_logistica/);
});
