/**
 * Cleaning notebooks for git: outputs, counts and view state go, authors' content
 * and metadata stay, and the check says what is off.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureNotebook } from "../test-support/fixture-notebook";
import { cleanlinessProblems, cleanNotebook } from "./clean-notebook";
import type { Notebook } from "./notebook-format";

function executedNotebook(): Notebook {
  const notebook = fixtureNotebook([{ markdown: "# T\n\ntexto" }, { code: "console.log(1);\n1 + 1" }]);
  notebook.metadata.kernelspec = { name: "tslab", display_name: "TypeScript" };
  notebook.metadata.language_info = { name: "typescript", version: "3.7.2" };
  notebook.metadata["autor"] = "curso";
  const code = notebook.cells[1];
  assert.ok(code);
  code.outputs = [{ output_type: "stream", name: "stdout", text: ["1\n"] }];
  code.execution_count = 7;
  code.metadata = { execution: { "iopub.status.busy": "2026" }, scrolled: true, tags: ["lento"] };
  return notebook;
}

test("cleanNotebook apaga saídas, contagens e metadados de execução, e grava o kernel e a linguagem do curso", () => {
  const cleaned = cleanNotebook(executedNotebook());
  assert.deepEqual(cleaned.cells[1]?.outputs, []);
  assert.equal(cleaned.cells[1]?.execution_count, null);
  assert.deepEqual(cleaned.cells[1]?.metadata, { tags: ["lento"] });
  assert.deepEqual(cleaned.cells[1]?.source, ["console.log(1);\n", "1 + 1"]);
  assert.deepEqual(cleaned.cells[0]?.source, ["# T\n", "\n", "texto"]);
  assert.equal(cleaned.metadata.kernelspec?.name, "redes-neurais");
  assert.equal(cleaned.metadata.language_info?.pygments_lexer, "typescript");
  assert.equal(cleaned.metadata["autor"], "curso");
  assert.deepEqual(cleanlinessProblems(cleaned), []);
});

test("cleanlinessProblems diz o que está fora do padrão", () => {
  const problems = cleanlinessProblems(executedNotebook());
  assert.equal(problems.length, 5, problems.join("\n"));
  assert.match(problems[0] ?? "", /célula 2: tem metadados de execução \(execution, scrolled\)/);
  assert.match(problems[1] ?? "", /célula 2: tem 1 saída/);
  assert.match(problems[2] ?? "", /célula 2: tem contagem de execução 7/);
  assert.match(problems[3] ?? "", /kernelspec.name é "tslab"; esperava "redes-neurais"/);
  assert.match(problems[4] ?? "", /language_info/);
});

test("a notebook the check calls clean is one cleanNotebook leaves unchanged", () => {
  const notebook = executedNotebook();
  const cleaned = cleanNotebook(notebook);
  assert.deepEqual(cleanNotebook(cleaned), cleaned);
  const onlyViewState = cleanNotebook(notebook);
  const firstCell = onlyViewState.cells[0];
  assert.ok(firstCell);
  firstCell.metadata = { ...firstCell.metadata, scrolled: false };
  assert.notDeepEqual(cleanNotebook(onlyViewState), onlyViewState, "strip would change it…");
  assert.notDeepEqual(cleanlinessProblems(onlyViewState), [], "…so the check must not call it clean");
});
