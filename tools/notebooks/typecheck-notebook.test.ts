/**
 * The cell type-check on small notebooks: errors point at the right cell and line, the
 * cells share one scope in order (as in the kernel), and names lost to a failing cell
 * are told apart from real errors.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { temporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";
import { formatDiagnostics, typecheckNotebook } from "./typecheck-notebook";

describe("checagem de tipos das células", () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  before(async () => {
    ({ folder, remove } = await temporaryFolder("typecheck"));
  });
  after(() => remove());

  test("um erro de tipo é apontado na célula e na linha certas, com a linha do código", async () => {
    const file = await writeFixtureNotebook(folder, "erro.ipynb", [
      { markdown: "# Erro de tipo" },
      { code: "const massa = 5.97e24;" },
      { markdown: "Texto entre as células." },
      { code: '// comentário\nconst nome: string = "Terra";\nconst raio: string = massa;' },
    ]);
    const diagnostics = await typecheckNotebook(file);
    assert.equal(diagnostics.length, 1, formatDiagnostics(diagnostics));
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic?.cellIndex, 3);
    assert.equal(diagnostic?.line, 3);
    assert.equal(diagnostic?.column, 7);
    assert.equal(diagnostic?.code, 2322);
    assert.equal(diagnostic?.sourceLine, "const raio: string = massa;");
    const text = formatDiagnostics(diagnostics);
    assert.match(text, /erro\.ipynb, célula 4, linha 3: Type 'number' is not assignable to type 'string'\. \(TS2322\)/);
    assert.match(text, /\n {4}const raio: string = massa;\n {10}\^/);
  });

  test("as células compartilham um escopo em ordem, aceitam await no topo e podem redeclarar nomes, como no tslab", async () => {
    const file = await writeFixtureNotebook(folder, "escopo.ipynb", [
      { code: "const passos = await Promise.resolve([1, 2, 3]);" },
      { code: "function dobro(x: number): number {\n  return 2 * x;\n}" },
      { code: "const tamanho = passos.length;" },
      { code: "const passos = dobro(tamanho);\nconst resultado: number = passos;" },
      { code: "interface Estrela { nome: string }\nconst sol: Estrela = { nome: 'Sol' };" },
      { code: "console.log(sol.nome.toUpperCase(), resultado.toFixed(1));" },
    ]);
    const diagnostics = await typecheckNotebook(file);
    assert.deepEqual(diagnostics, [], formatDiagnostics(diagnostics));
  });

  test("uma célula com a etiqueta raises-exception mostra um erro de propósito e não é relatada", async () => {
    const file = await writeFixtureNotebook(folder, "de-proposito.ipynb", [
      { code: 'const texto: number = "não é número";', tags: ["raises-exception"] },
      { code: "const outro: string = 1;" },
    ]);
    const diagnostics = await typecheckNotebook(file);
    assert.deepEqual(
      diagnostics.map((d) => [d.cellIndex, d.code]),
      [[1, 2322]],
      formatDiagnostics(diagnostics),
    );
  });

  test("um nome que só falta porque a célula que o declara tem erro é marcado como consequência", async () => {
    const file = await writeFixtureNotebook(folder, "cascata.ipynb", [
      { code: 'const a: number = "um";\nconst b = 2;' },
      { code: "console.log(a, b);\nnaoExiste();" },
    ]);
    const diagnostics = await typecheckNotebook(file);
    const summary = diagnostics.map((d) => [d.cellIndex, d.line, d.code, d.followsEarlierError ?? false]);
    assert.deepEqual(summary, [
      [0, 1, 2322, false],
      [1, 1, 2304, true],
      [1, 1, 2304, true],
      [1, 2, 2304, false],
    ]);
    assert.match(formatDiagnostics(diagnostics), /célula 2: usa a, b, que não existem porque as células anteriores/);
  });
});
