import assert from "node:assert/strict";
import { test } from "node:test";
import { gradebookCsv } from "./gradebook-csv";
import { mapWithWorkers } from "./worker-pool";

test("o boletim tem uma coluna por teste, linhas em ordem de aluno e campos com vírgula entre aspas", () => {
  const rows = [
    { student: "zé", assignment: "t", points: { a: 1, b: 0.5 }, total: 1.5, maxTotal: 3, status: "ok", reason: "" },
    { student: "ana", assignment: "t", points: { a: 0, b: 0 }, total: 0, maxTotal: 3, status: "invalid-notebook", reason: 'não é JSON, "x"\nlinha 2' },
  ];
  const csv = gradebookCsv(["a", "b"], rows);
  assert.equal(
    csv,
    'student,assignment,a,b,total,max_total,status,reason\nana,t,0,0,0,3,invalid-notebook,"não é JSON, ""x"" linha 2"\nzé,t,1,0.5,1.5,3,ok,\n',
  );
  assert.equal(gradebookCsv(["a", "b"], [...rows].reverse()), csv, "a ordem de chegada não muda o arquivo");
});

test("o pool nunca roda mais que o limite ao mesmo tempo e devolve na ordem de entrada", async () => {
  let running = 0;
  let peak = 0;
  const results = await mapWithWorkers([30, 5, 20, 1, 10], 2, async (delay, index) => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, delay));
    running -= 1;
    return index;
  });
  assert.equal(peak, 2);
  assert.deepEqual(results, [0, 1, 2, 3, 4]);
});
