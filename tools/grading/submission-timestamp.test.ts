import assert from "node:assert/strict";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { ClassFileError } from "./class-file-error";
import { parseTimestamp, readSubmissionTimestamp } from "./submission-timestamp";

let folder = "";
let remove = async () => {};
before(async () => ({ folder, remove } = await temporaryFolder("timestamp")));
after(() => remove());

test("lê o timestamp.txt como o nbgrader o escreve (com e sem microssegundos, UTC, deslocamento ou sem fuso)", () => {
  assert.equal(parseTimestamp("2026-12-04 18:38:17.123456 UTC", "t").toISOString(), "2026-12-04T18:38:17.123Z");
  assert.equal(parseTimestamp("2026-12-04 18:38:17 UTC\n", "t").toISOString(), "2026-12-04T18:38:17.000Z");
  assert.equal(parseTimestamp("2026-12-04 15:38:17.5 -03", "t").toISOString(), "2026-12-04T18:38:17.500Z");
  assert.equal(parseTimestamp("2026-12-04T15:38:17-03:00", "t").toISOString(), "2026-12-04T18:38:17.000Z");
  assert.equal(parseTimestamp("2026-12-04 20:08:17 +0130", "t").toISOString(), "2026-12-04T18:38:17.000Z");
  assert.equal(parseTimestamp("2026-12-04 18:38", "t").toISOString(), "2026-12-04T18:38:00.000Z", "sem fuso é UTC, como no parse_utc do nbgrader");
});

test("uma data inválida diz o arquivo, o que veio e um exemplo", () => {
  assert.throws(() => parseTimestamp("04/12/2026 18:38", "aluno/timestamp.txt", 1), (error: unknown) => {
    assert.ok(error instanceof ClassFileError);
    assert.match(error.message, /^aluno\/timestamp\.txt, linha 1: esperava data e hora como o nbgrader escreve, por exemplo 2026-12-04 18:38:17\.123456 UTC .*veio "04\/12\/2026 18:38"/);
    return true;
  });
  assert.throws(() => parseTimestamp("2026-02-30 10:00:00 UTC", "--prazo"), /--prazo: a data "2026-02-30 10:00:00 UTC" não existe/);
  assert.throws(() => parseTimestamp("2026-12-04 10:00:00 BRT", "--prazo"), /Fusos por nome \(BRT, EST\) não valem/);
});

test("acha o timestamp.txt na pasta do aluno, nos dois formatos de pasta, e nunca na pasta de entregas", async () => {
  const submissions = path.join(folder, "entregas");
  await mkdir(path.join(submissions, "ana"), { recursive: true });
  await mkdir(path.join(submissions, "bruno", "t1"), { recursive: true });
  await writeFile(path.join(submissions, "ana", "timestamp.txt"), "2026-12-01 10:00:00.000001 UTC\n");
  await writeFile(path.join(submissions, "bruno", "t1", "timestamp.txt"), "2026-12-02 10:00:00 UTC");
  await writeFile(path.join(submissions, "timestamp.txt"), "2026-12-03 10:00:00 UTC");
  assert.equal((await readSubmissionTimestamp(path.join(submissions, "ana", "t1.ipynb"), submissions))?.toISOString(), "2026-12-01T10:00:00.000Z");
  assert.equal((await readSubmissionTimestamp(path.join(submissions, "bruno", "t1", "t1.ipynb"), submissions))?.toISOString(), "2026-12-02T10:00:00.000Z");
  assert.equal(await readSubmissionTimestamp(path.join(submissions, "carla.ipynb"), submissions), null, "um .ipynb solto não tem timestamp");
  await mkdir(path.join(submissions, "davi"));
  assert.equal(await readSubmissionTimestamp(path.join(submissions, "davi", "t1.ipynb"), submissions), null);
});

test("um timestamp.txt que é link, grande ou inválido é recusado sem ecoar o conteúdo", async () => {
  const submissions = path.join(folder, "entregas-ruins");
  for (const student of ["link", "grande", "lixo"]) await mkdir(path.join(submissions, student), { recursive: true });
  await writeFile(path.join(folder, "segredo.txt"), "2026-12-01 10:00:00 UTC");
  await symlink(path.join(folder, "segredo.txt"), path.join(submissions, "link", "timestamp.txt"));
  await writeFile(path.join(submissions, "grande", "timestamp.txt"), "x".repeat(5000));
  await writeFile(path.join(submissions, "lixo", "timestamp.txt"), `ontem à noite ${"y".repeat(150)}`);
  await assert.rejects(readSubmissionTimestamp(path.join(submissions, "link", "t.ipynb"), submissions), /link\/timestamp\.txt: não é um arquivo comum/);
  await assert.rejects(readSubmissionTimestamp(path.join(submissions, "grande", "t.ipynb"), submissions), /grande\/timestamp\.txt: tem 5000 bytes/);
  await assert.rejects(readSubmissionTimestamp(path.join(submissions, "lixo", "t.ipynb"), submissions), (error: unknown) => {
    assert.ok(error instanceof ClassFileError);
    assert.match(error.message, /linha 1: esperava data e hora/);
    assert.ok(!error.message.includes("y".repeat(100)), "a mensagem corta o que veio");
    return true;
  });
});
