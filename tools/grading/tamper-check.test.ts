/**
 * From an assembled submission to the notebook the kernel runs
 * (tools/grading/tamper-check.ts), on assignment 1: an honest submission keeps every
 * answer and gets the grader's cells; a refused answer becomes the stub, a refused added
 * cell is left out, and the findings name the cell as the student knows it.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type Notebook, textOf } from "../notebooks/notebook-format";
import { assembleSubmission } from "./assemble-submission";
import { isInternalCell } from "./grading-guard";
import { nbgraderOf } from "./nbgrader-cells";
import { typescriptStub } from "./release-notebook";
import { type CheckedNotebook, checkedNotebook, reasonWithCellNames, tamperingReason } from "./tamper-check";
import { cellById, loadAssignment, solvedFromSource, withAnswer } from "./test-support";

describe("verificação da entrega antes de rodar", () => {
  let honest: CheckedNotebook;
  let tampered: CheckedNotebook;
  let solved: Notebook;

  before(async () => {
    const { source, released } = await loadAssignment("01_regressao_logistica");
    solved = solvedFromSource(released, source);
    honest = checkedNotebook(assembleSubmission(source, solved.cells).notebook, source);
    const attacked = withAnswer(solved, "treino", `${textOf(cellById(solved, "treino").source)}\nprocess.exit(0);`);
    attacked.cells.splice(2, 0, { cell_type: "code", metadata: {}, source: "const ok = 1;\nObject.assign(assert, { ok() {} });", outputs: [], execution_count: null });
    tampered = checkedNotebook(assembleSubmission(source, attacked.cells).notebook, source);
  });

  test("a solução honesta passa inteira, com as células do corretor antes dos testes", () => {
    assert.deepEqual(honest.findings, []);
    assert.equal(textOf(cellById(honest.notebook, "treino").source), textOf(cellById(solved, "treino").source));
    assert.ok(isInternalCell(honest.notebook.cells[0]!), "a guarda é a primeira célula");
    const testAt = honest.notebook.cells.findIndex((cell) => nbgraderOf(cell)?.grade_id === "testes-treino");
    assert.match(textOf(honest.notebook.cells[testAt - 1]!.source), /train = correcaoProtecao\.protect\(train\)/);
  });

  test("a resposta recusada vira o esboço; a célula adicionada recusada sai; as outras ficam", () => {
    assert.match(textOf(cellById(tampered.notebook, "treino").source), new RegExp(typescriptStub[1]!.replace(/[()]/g, "\\$&")));
    assert.equal(textOf(cellById(tampered.notebook, "sigmoide").source), textOf(cellById(solved, "sigmoide").source));
    assert.equal(tampered.notebook.cells.some((cell) => textOf(cell.source).includes("Object.assign(assert")), false);
    const where = tampered.findings.map((finding) => `${finding.cell}:${finding.line}`);
    assert.ok(where.includes('célula adicionada depois de "preparacao":2'), where.join(", "));
    assert.ok(where.some((place) => place.startsWith('resposta "treino":')), where.join(", "));
    assert.match(tamperingReason(tampered.findings), /resposta "treino", linha \d+: o nome global `process`/);
  });

  test("o motivo de uma execução fala das células como o aluno as conhece", () => {
    const at = honest.notebook.cells.findIndex((cell) => nbgraderOf(cell)?.grade_id === "sigmoide");
    assert.equal(reasonWithCellNames(`A célula ${at + 1} não terminou em 30 s.`, honest.notebook), 'A célula "sigmoide" não terminou em 30 s.');
    assert.equal(reasonWithCellNames("O kernel morreu na célula 1.", honest.notebook), "O kernel morreu na célula de verificação do corretor.");
  });
});
