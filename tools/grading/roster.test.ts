import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { ClassFileError } from "./class-file-error";
import { parseCsvTable } from "./csv-table";
import { matchRoster, readRoster } from "./roster";

let folder = "";
let remove = async () => {};
before(async () => ({ folder, remove } = await temporaryFolder("roster")));
after(() => remove());

async function rosterFile(name: string, text: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<ClassFileError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ClassFileError, `esperava ClassFileError, veio ${String(error)}`);
    return error;
  }
  assert.fail("esperava um erro");
}

test("o roster lê id, nome, e-mail e as colunas do Canvas; aspas, BOM e ponto e vírgula valem", async () => {
  const roster = await readRoster(
    await rosterFile("turma.csv", '\uFEFFid,nome,email,secao,canvas_id\r\nana,"Souza, Ana",ana@uni.br,T1,101\r\n\r\nbruno,Bruno Lima,,T2,\r\n'),
  );
  assert.deepEqual(roster.students, [
    { id: "ana", name: "Souza, Ana", email: "ana@uni.br", section: "T1", canvasId: "101", sisLoginId: "" },
    { id: "bruno", name: "Bruno Lima", email: "", section: "T2", canvasId: "", sisLoginId: "" },
  ]);
  const semicolons = await readRoster(await rosterFile("planilha.csv", "ID;Nome;Email\nana;Ana;ana@uni.br\n"));
  assert.deepEqual(semicolons.students.map((student) => [student.id, student.name]), [["ana", "Ana"]]);
});

test("um campo entre aspas pode ter quebra de linha; a linha do registro seguinte continua certa", () => {
  const table = parseCsvTable('id,nome\na,"linha 1\nlinha 2"\nb,x\n', "t.csv", ["id"]);
  assert.deepEqual(table.records.map((record) => [record.line, record.values["nome"]]), [[2, "linha 1\nlinha 2"], [4, "x"]]);
});

test("um roster ruim diz o arquivo, a linha e o que corrigir", async () => {
  const noId = await rejection(readRoster(await rosterFile("sem-id.csv", "nome,email\nAna,ana@uni.br\n")));
  assert.match(noId.message, /sem-id\.csv, linha 1: falta\(m\) a\(s\) coluna\(s\) id/);
  const repeated = await rejection(readRoster(await rosterFile("repetido.csv", "id,nome\nana,Ana\nbruno,B\nana,Ana de novo\n")));
  assert.match(repeated.message, /repetido\.csv, linha 4: o id "ana" já apareceu na linha 2/);
  const email = await rejection(readRoster(await rosterFile("email.csv", "id,email\nana,ana.uni.br\n")));
  assert.match(email.message, /email\.csv, linha 2: o e-mail "ana\.uni\.br" não parece um endereço/);
  const empty = await rejection(readRoster(await rosterFile("vazio-id.csv", "id,nome\n,Ana\n")));
  assert.match(empty.message, /linha 2: a coluna id está vazia/);
  const slash = await rejection(readRoster(await rosterFile("barra.csv", "id\n../etc\n")));
  assert.match(slash.message, /linha 2: o id "\.\.\/etc" não pode ser nome de pasta/);
  const quotes = await rejection(readRoster(await rosterFile("aspas.csv", 'id,nome\nana,"Ana\n')));
  assert.match(quotes.message, /aspas\.csv, linha 2: há aspas/);
  const extra = await rejection(readRoster(await rosterFile("campos.csv", "id,nome\nana,Souza, Ana\n")));
  assert.match(extra.message, /campos\.csv, linha 2: a linha tem 3 campos e o cabeçalho 2/);
  const missing = await rejection(readRoster(path.join(folder, "nao-existe.csv")));
  assert.match(missing.message, /nao-existe\.csv: não consegui ler o arquivo \(ENOENT\)/);
  const onlyHeader = await rejection(readRoster(await rosterFile("so-cabecalho.csv", "id,nome\n")));
  assert.match(onlyHeader.message, /não tem nenhum aluno/);
});

test("o roster aponta quem não entregou e quem entregou sem estar nele", async () => {
  const roster = await readRoster(await rosterFile("turma2.csv", "id\nana\nbruno\ncarla\n"));
  const match = matchRoster(roster, ["ana", "carla", "intruso"]);
  assert.deepEqual(match.missing.map((student) => student.id), ["bruno"]);
  assert.deepEqual(match.unknown, ["intruso"]);
});
