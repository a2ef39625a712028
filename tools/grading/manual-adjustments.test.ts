import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { applyAdjustments, readManualAdjustments } from "./manual-adjustments";

let folder = "";
let remove = async () => {};
before(async () => ({ folder, remove } = await temporaryFolder("ajustes")));
after(() => remove());

const students = ["ana", "bruno"];
const gradeIds = ["testes-a", "testes-b"];

async function adjustmentsFile(name: string, text: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
}

test("o arquivo de ajustes lê pontos com sinal, vírgula decimal entre aspas e comentários", async () => {
  const file = await adjustmentsFile(
    "ajustes.csv",
    'aluno,grade_id,ajuste,comentario\nana,testes-a,+1.5,"Treino certo, semente ruim."\nbruno,testes-b,"-0,5",Sinal trocado.\nana,testes-b,,Bom trabalho.\n',
  );
  assert.deepEqual(await readManualAdjustments(file, students, gradeIds), [
    { student: "ana", gradeId: "testes-a", points: 1.5, comment: "Treino certo, semente ruim.", line: 2 },
    { student: "bruno", gradeId: "testes-b", points: -0.5, comment: "Sinal trocado.", line: 3 },
    { student: "ana", gradeId: "testes-b", points: 0, comment: "Bom trabalho.", line: 4 },
  ]);
});

test("um ajuste ruim diz o arquivo, a linha e o que corrigir", async () => {
  const header = "aluno,grade_id,ajuste,comentario\n";
  const cases: [string, RegExp][] = [
    ["aluno,ajuste\nana,1\n", /linha 1: falta\(m\) a\(s\) coluna\(s\) grade_id, comentario/],
    [`${header}carla,testes-a,1,x\n`, /linha 2: o aluno "carla" não entregou esta tarefa nem está no roster/],
    [`${header}ana,testes-z,1,x\n`, /linha 2: grade_id "testes-z" não é um teste desta tarefa\. Os testes são: testes-a, testes-b\./],
    [`${header}ana,testes-a,um ponto,x\n`, /linha 2: ajuste "um ponto" não é um número/],
    [`${header}ana,testes-a,,\n`, /linha 2: a linha não tem ajuste nem comentário/],
    [`${header}ana,testes-a,1,x\nbruno,testes-a,1,y\nana,testes-a,-1,z\n`, /linha 4: já há um ajuste de "ana" em "testes-a" na linha 2/],
  ];
  for (const [index, [text, expected]] of cases.entries()) {
    const file = await adjustmentsFile(`ruim-${index}.csv`, text);
    await assert.rejects(readManualAdjustments(file, students, gradeIds), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.ok(error.message.startsWith(`${file}, linha `), error.message);
      assert.match(error.message, expected);
      return true;
    });
  }
});

test("nota final da célula = automática + ajuste, dentro de [0, máximo]", () => {
  const max = new Map([["testes-a", 2], ["testes-b", 3]]);
  const adjustments = [
    { student: "ana", gradeId: "testes-a", points: 5, comment: "generoso", line: 2 },
    { student: "ana", gradeId: "testes-b", points: -4, comment: "severo", line: 3 },
    { student: "bruno", gradeId: "testes-a", points: 1, comment: "outro aluno", line: 4 },
  ];
  const merged = applyAdjustments("ana", { "testes-a": 1, "testes-b": 2 }, max, adjustments);
  assert.deepEqual(merged.points, { "testes-a": 2, "testes-b": 0 });
  assert.deepEqual(merged.cells.map((cell) => [cell.gradeId, cell.automatic, cell.final, cell.comment]), [["testes-a", 1, 2, "generoso"], ["testes-b", 2, 0, "severo"]]);
  assert.deepEqual(applyAdjustments("carla", { "testes-a": 1 }, max, adjustments).points, { "testes-a": 1, "testes-b": 0 });
});
