import assert from "node:assert/strict";
import { test } from "node:test";
import { type AutomaticRow, classColumns, classGradebookRows } from "./class-gradebook";
import { gradebookCsv } from "./gradebook-csv";
import { canvasCsv, moodleCsv } from "./gradebook-export";
import type { LatePolicy } from "./late-penalty";
import type { Roster } from "./roster";

const maxPoints = new Map([["testes-a", 4], ["testes-b", 6]]);
const roster: Roster = {
  file: "turma.csv",
  students: [
    { id: "ana", name: "Souza, Ana", email: "ana@uni.br", section: "T1", canvasId: "101", sisLoginId: "ana.souza" },
    { id: "bruno", name: "Bruno Lima", email: "bruno@uni.br", section: "T1", canvasId: "", sisLoginId: "" },
    { id: "carla", name: "Carla Dias", email: "carla@uni.br", section: "T2", canvasId: "", sisLoginId: "" },
  ],
};
const late: LatePolicy = {
  deadline: new Date("2026-12-04T23:59:00Z"), graceHours: 0, amount: 1, percent: false, unitHours: 24, capPoints: null, zeroAfterHours: null,
};
function automatic(student: string, a: number, b: number, submittedAt: string | null, status = "ok"): AutomaticRow {
  return { student, assignment: "t1", points: { "testes-a": a, "testes-b": b }, total: a + b, maxTotal: 10, status, reason: "", submittedAt: submittedAt ? new Date(submittedAt) : null };
}
const rows = [
  automatic("ana", 4, 3, "2026-12-05T10:00:00Z"),
  automatic("bruno", 2, 6, "2026-12-04T20:00:00Z"),
  automatic("intruso", 4, 6, null),
];
const adjustments = [
  { student: "ana", gradeId: "testes-b", points: 2, comment: "Semente ruim; o treino estava certo.", line: 2 },
  { student: "bruno", gradeId: "testes-a", points: 5, comment: "Teto: não passa de 4.", line: 3 },
];

test("o boletim da turma lista todo o roster, marca quem não entregou e quem não está no roster", () => {
  const merged = classGradebookRows(rows, { roster }, "t1", maxPoints);
  const byStudent = Object.fromEntries(merged.map((row) => [row.student, row]));
  assert.deepEqual(Object.keys(byStudent).sort(), ["ana", "bruno", "carla", "intruso"]);
  assert.equal(byStudent["carla"]?.status, "não entregou");
  assert.equal(byStudent["carla"]?.total, 0);
  assert.equal(byStudent["intruso"]?.extra["roster"], "fora do roster");
  assert.equal(byStudent["ana"]?.extra["roster"], "ok");
  assert.equal(byStudent["ana"]?.extra["name"], "Souza, Ana");
});

test("ajustes por célula primeiro (limitados ao máximo), depois a penalidade de atraso sobre o total", () => {
  const merged = classGradebookRows(rows, { roster, adjustments, late }, "t1", maxPoints);
  const ana = merged.find((row) => row.student === "ana");
  assert.deepEqual(ana?.points, { "testes-a": 4, "testes-b": 5 });
  assert.equal(ana?.automaticTotal, 7);
  assert.equal(ana?.total, 8, "7 + 2 de ajuste − 1 ponto (10 h de atraso: um dia começado)");
  assert.deepEqual(
    Object.fromEntries(classColumns.map((column) => [column, ana?.extra[column]])),
    { name: "Souza, Ana", email: "ana@uni.br", roster: "ok", timestamp: "2026-12-05T10:00:00.000Z", hours_late: "10.017", late_penalty: "1", adjustment: "2", auto_total: "7" },
  );
  const bruno = merged.find((row) => row.student === "bruno");
  assert.equal(bruno?.total, 10, "2 + 5 de ajuste passa de 4: fica 4; no prazo");
  assert.equal(bruno?.extra["late_penalty"], "0");
  const intruso = merged.find((row) => row.student === "intruso");
  assert.equal(intruso?.total, 10, "sem timestamp.txt: sem penalidade");
  assert.match(intruso?.late?.note ?? "", /sem timestamp\.txt/);
  const carla = merged.find((row) => row.student === "carla");
  assert.equal(carla?.extra["late_penalty"], "", "quem não entregou não tem atraso");
  const csv = gradebookCsv(["testes-a", "testes-b"], merged, classColumns);
  assert.equal(
    csv.split("\n")[0],
    "student,assignment,testes-a,testes-b,total,max_total,status,reason,name,email,roster,timestamp,hours_late,late_penalty,adjustment,auto_total",
  );
  assert.equal(csv.split("\n")[1], 'ana,t1,4,5,8,10,ok,,"Souza, Ana",ana@uni.br,ok,2026-12-05T10:00:00.000Z,10.017,1,2,7');
  assert.equal(csv.split("\n")[3], "carla,t1,0,0,0,10,não entregou,,Carla Dias,carla@uni.br,ok,,,,,0");
});

test("sem roster, ajustes nem prazo, o total é o automático", () => {
  const merged = classGradebookRows(rows, {}, "t1", maxPoints);
  assert.deepEqual(merged.map((row) => [row.student, row.total, row.extra["roster"]]), [["ana", 7, ""], ["bruno", 8, ""], ["intruso", 10, ""]]);
});

test("o CSV do Canvas tem as colunas da exportação do Canvas e o do Moodle um identificador e a nota", () => {
  const merged = classGradebookRows(rows, { roster, adjustments, late }, "t1", maxPoints);
  assert.equal(
    canvasCsv(merged, "Tarefa 1"),
    [
      "Student,ID,SIS User ID,SIS Login ID,Section,Tarefa 1",
      "    Points Possible,,,,,10",
      '"Souza, Ana",101,ana,ana.souza,T1,8',
      "Bruno Lima,,bruno,,T1,10",
      "Carla Dias,,carla,,T2,0",
      "intruso,,intruso,,,10",
      "",
    ].join("\n"),
  );
  const moodle = moodleCsv(merged, "Tarefa 1").split("\n");
  assert.equal(moodle[0], "email,idnumber,nome,Tarefa 1,feedback");
  assert.equal(moodle[1], 'ana@uni.br,ana,"Souza, Ana",8,entregue 10 h depois do prazo: −1 ponto(s) de penalidade. | testes-b: Semente ruim; o treino estava certo.');
  assert.equal(moodle[3], "carla@uni.br,carla,Carla Dias,0,");
});

test("um nome que uma planilha rodaria como fórmula sai com apóstrofo nas exportações", () => {
  const merged = classGradebookRows([automatic("=HYPERLINK(\"http://x\")", 1, 1, null)], {}, "t1", maxPoints);
  assert.match(canvasCsv(merged, "t1"), /\n"'=HYPERLINK\(""http:\/\/x""\)",,"'=HYPERLINK/);
  assert.match(moodleCsv(merged, "t1"), /\n,"'=HYPERLINK/);
});
