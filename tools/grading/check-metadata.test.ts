/**
 * The metadata check accepts the shipped assignments and rejects malformed nbgrader
 * metadata with a message naming the cell.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { AssignmentMetadataError, assertValidMetadata, metadataProblems } from "./check-metadata";
import { loadAssignment, shippedAssignments } from "./test-support";

function notebookOf(...cells: NotebookCell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

function code(source: string, nbgrader: unknown): NotebookCell {
  return { cell_type: "code", source, metadata: { nbgrader }, outputs: [], execution_count: null };
}

const test1 = (id: string, extra: Record<string, unknown> = {}) =>
  code("assert.ok(f());", { schema_version: 3, grade: true, solution: false, locked: true, grade_id: id, points: 2, ...extra });
const answer = (id: string) => code("function f() {\n  // BEGIN SOLUTION\n  return true;\n  // END SOLUTION\n}", { schema_version: 3, grade: false, solution: true, locked: false, grade_id: id });

describe("checagem dos metadados nbgrader (esquema 3)", () => {
  for (const name of shippedAssignments) {
    test(`a tarefa ${name} é válida`, async () => {
      const { source, released } = await loadAssignment(name);
      assert.deepEqual(metadataProblems(source), []);
      assert.deepEqual(metadataProblems(released), [], "a versão publicada também (com checksum e cell_type)");
    });
  }

  test("um notebook válido passa", () => {
    assert.deepEqual(metadataProblems(notebookOf(answer("resposta"), test1("teste"))), []);
  });

  const cases: [string, NotebookCell, RegExp][] = [
    ["grade_id com espaço", test1("meu teste"), /célula 2 \("meu teste"\).*grade_id "meu teste" inválido/],
    ["grade_id ausente", code("x", { schema_version: 3, grade: false, solution: true, locked: false }), /célula 2 .*falta "grade_id"/],
    ["pontos ausentes", test1("t", { points: undefined }), /célula 2 \("t"\).*precisa de "points"/],
    ["pontos negativos", test1("t", { points: -1 }), /"points" não pode ser negativo; veio -1/],
    ["pontos como texto", test1("t", { points: "2" }), /precisa de "points".*veio "2"/],
    ["esquema antigo", test1("t", { schema_version: 2 }), /schema_version deve ser 3; veio 2/],
    ["grade não booleano", test1("t", { grade: "yes" }), /"grade" deve ser true ou false/],
    ["campo desconhecido", test1("t", { pontos: 2 }), /campo desconhecido "pontos"/],
  ];
  for (const [what, bad, pattern] of cases) {
    test(`rejeita: ${what}`, () => {
      const problems = metadataProblems(notebookOf(answer("resposta"), bad));
      assert.ok(problems.some((problem) => pattern.test(problem.message)), JSON.stringify(problems));
      assert.ok(problems.every((problem) => problem.cellIndex === 1));
    });
  }

  test("rejeita grade_id repetido nomeando as duas células", () => {
    const problems = metadataProblems(notebookOf(test1("t"), answer("r"), test1("t")));
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? "", /célula 3 \("t"\).*repetido \(já usado na célula 1\)/);
  });

  test("rejeita marcadores fora do lugar e regiões sem fim", () => {
    const locked = code("// BEGIN SOLUTION\nx\n// END SOLUTION", { schema_version: 3, grade: false, solution: false, locked: true, grade_id: "l" });
    const open = code("// BEGIN SOLUTION\nx", { schema_version: 3, grade: false, solution: true, locked: false, grade_id: "o" });
    const hidden = code("// BEGIN HIDDEN TESTS\nx\n// END HIDDEN TESTS", { schema_version: 3, grade: false, solution: true, locked: false, grade_id: "h" });
    const messages = metadataProblems(notebookOf(locked, open, hidden, test1("t"))).map((problem) => problem.message).join("\n");
    assert.match(messages, /célula 1 \("l"\).*não é célula de solução/);
    assert.match(messages, /célula 2 \("o"\).*sem o END SOLUTION/);
    assert.match(messages, /célula 3 \("h"\).*não é célula de testes/);
  });

  test("sem nenhuma célula com pontos não há o que corrigir", () => {
    assert.match(metadataProblems(notebookOf(answer("r")))[0]?.message ?? "", /nenhuma célula avaliada/);
  });

  test("assertValidMetadata lança um erro que lista os problemas e diz o que fazer", () => {
    assert.throws(
      () => assertValidMetadata(notebookOf(test1("a b")), "tarefa.ipynb"),
      (error: unknown) => error instanceof AssignmentMetadataError && /tarefa\.ipynb.*\n.*"a b"/.test(error.message) && /Corrija/.test(error.message),
    );
  });
});
