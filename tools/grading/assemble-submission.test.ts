/**
 * The graded notebook takes the instructor's cells from the source, whatever the student
 * did to them, and only the answers (and added cells) from the submission.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { textOf } from "../notebooks/notebook-format";
import { assembleSubmission } from "./assemble-submission";
import { nbgraderOf } from "./nbgrader-cells";
import { cellById, loadAssignment, solvedFromSource, withAnswer, withoutCell } from "./test-support";

const name = "01_regressao_logistica";
const ids = (cells: { metadata: Record<string, unknown> }[]) => cells.map((cell) => (cell.metadata["nbgrader"] as { grade_id?: string } | undefined)?.grade_id ?? "(aluno)");

test("uma entrega intacta vira a fonte com as respostas do aluno e os testes ocultos de volta", async () => {
  const { source, released } = await loadAssignment(name);
  const submitted = withAnswer(released, "sigmoide", "function sigmoid(z: number): number { return 0; }");
  const { notebook, notes } = assembleSubmission(source, submitted.cells);
  assert.deepEqual(notes, []);
  assert.deepEqual(ids(notebook.cells), ids(source.cells));
  assert.equal(textOf(cellById(notebook, "sigmoide").source), "function sigmoid(z: number): number { return 0; }");
  assert.match(textOf(cellById(notebook, "testes-gradientes").source), /BEGIN HIDDEN TESTS[\s\S]*tf\.grads/);
});

test("testes editados e apagados voltam do original, com avisos; células novas do aluno ficam no lugar", async () => {
  const { source, released } = await loadAssignment(name);
  let submitted = solvedFromSource(released, source);
  cellById(submitted, "testes-gradientes").source = "// confia";
  (cellById(submitted, "testes-gradientes").metadata["nbgrader"] as { solution: boolean }).solution = true;
  submitted = withoutCell(submitted, "testes-acuracia");
  submitted = withoutCell(submitted, "treino");
  const extra = { cell_type: "code", source: "const rascunho = 1;", metadata: {}, outputs: [], execution_count: null };
  const at = submitted.cells.findIndex((cell) => nbgraderOf(cell)?.grade_id === "sigmoide") + 1;
  submitted.cells.splice(at, 0, extra as never, { nada: true } as never);
  const { notebook, notes } = assembleSubmission(source, submitted.cells);
  const expected = ids(source.cells);
  expected.splice(expected.indexOf("sigmoide") + 1, 0, "(aluno)");
  assert.deepEqual(ids(notebook.cells), expected);
  assert.equal(textOf(cellById(notebook, "testes-gradientes").source), textOf(cellById(source, "testes-gradientes").source));
  assert.equal((cellById(notebook, "testes-gradientes").metadata["nbgrader"] as { grade: boolean }).grade, true);
  assert.match(textOf(cellById(notebook, "treino").source), /throw new Error\("não implementado"\)/, "resposta apagada: esboço");
  const said = notes.join("\n");
  assert.match(said, /"testes-gradientes" \(somente leitura\) foi editada/);
  assert.match(said, /"testes-acuracia" .* foi apagada e foi restaurada/);
  assert.match(said, /resposta "treino" foi apagada/);
  assert.match(said, /1 célula\(s\) malformada/);
});

test("uma célula de teste copiada duas vezes conta uma vez", async () => {
  const { source, released } = await loadAssignment(name);
  const submitted = structuredClone(released);
  submitted.cells.push(structuredClone(cellById(released, "testes-sigmoide")));
  const { notebook, notes } = assembleSubmission(source, submitted.cells);
  assert.equal(ids(notebook.cells).filter((id) => id === "testes-sigmoide").length, 1);
  assert.match(notes.join("\n"), /aparece mais de uma vez/);
});
