/**
 * The notebook executor on small notebooks: a failing cell is named with its source
 * and tslab's error text, nothing runs after it, and a passing run writes a notebook
 * with numbered cells and TypeScript as its language.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { jupyterEnv, paths, projectRoot } from "../project.mjs";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { readNotebook } from "../notebooks/notebook-format";
import { temporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";
import { executeNotebook, type ExecutionReport, isNotebookExecutionError, NotebookExecutionError } from "./execute-notebook";

const kernelTest = { timeout: 180_000 };

describe("executor de notebooks", () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  before(async () => {
    ({ folder, remove } = await temporaryFolder("executor"));
  });
  after(() => remove());

  test("uma célula que lança erro faz o executor sair com código 1 e o relatório nomeia a célula, o código e o texto do erro", kernelTest, async () => {
    const input = await writeFixtureNotebook(folder, "lanca.ipynb", [
      { markdown: "# Lança um erro" },
      { code: 'const antes = 1;\nconsole.log("antes", antes);' },
      { code: 'console.log("vai falhar");\nthrow new Error("falhou de propósito: " + (40 + 2));' },
      { code: 'require("fs").writeFileSync("nao-devia-rodar.txt", "x");' },
    ]);
    const output = path.join(folder, "lanca.executado.ipynb");
    const reportFile = path.join(folder, "lanca.json");
    const result = await runProcess(
      paths.venvPython,
      [path.join(projectRoot, "tools/jupyter/execute_notebook.py"), input, output, "--report", reportFile],
      { env: jupyterEnv() },
    );
    assert.equal(result.exitCode, 1, `esperava código de saída 1; veio ${result.exitCode}. stderr:\n${result.stderr}`);
    const report = JSON.parse(await readFile(reportFile, "utf8")) as ExecutionReport;
    assert.equal(report.status, "cell-error");
    assert.equal(report.failure?.cellIndex, 2, "a célula que falhou é a terceira (a de markdown conta)");
    assert.equal(report.failure?.executionCount, 2);
    assert.match(report.failure?.source ?? "", /throw new Error\("falhou de propósito/);
    // tslab's stderr carries the exception's text, evaluated (42), and not the stdout.
    assert.match(report.failure?.errorText ?? "", /Error: falhou de propósito: 42/);
    assert.doesNotMatch(report.failure?.errorText ?? "", /vai falhar/);
    assert.deepEqual(report.cells.map((cell) => cell.index), [1], "só a célula antes da que falhou terminou");
    assert.equal(existsSync(path.join(folder, "nao-devia-rodar.txt")), false, "nenhuma célula roda depois da que falhou");
    assert.equal(existsSync(output), false, "uma execução que falhou não grava o notebook executado");
  });

  test("um erro de tipo é recusado pelo kernel e o texto do TypeScript chega ao erro lançado", kernelTest, async () => {
    const input = await writeFixtureNotebook(folder, "tipo.ipynb", [
      { code: "const quantidade = 3;" },
      { code: 'const nome: string = "x";\nconst errado: string = quantidade;' },
    ]);
    const error = await executeNotebook({ input, output: path.join(folder, "tipo.out.ipynb") }, "tipo.ipynb").then(
      () => assert.fail("esperava que a execução falhasse"),
      (reason: unknown) => reason,
    );
    assert.ok(isNotebookExecutionError(error), `esperava NotebookExecutionError; veio ${String(error)}`);
    const failure = (error as NotebookExecutionError).report.failure;
    assert.equal(failure?.cellIndex, 1);
    assert.match(failure?.errorText ?? "", /2:7 - Type 'number' is not assignable to type 'string'/);
    assert.match((error as Error).message, /^tipo\.ipynb, célula 2 \(In \[2\]\)/);
    assert.match((error as Error).message, /const errado: string = quantidade;/);
    assert.match((error as Error).message, /Type 'number' is not assignable/);
  });

  test("uma célula com a etiqueta raises-exception pode falhar, e a seguinte ainda roda (não é abortada pelo tslab)", kernelTest, async () => {
    const input = await writeFixtureNotebook(folder, "erro-de-proposito.ipynb", [
      { code: 'throw new Error("erro mostrado de propósito");', tags: ["raises-exception"] },
      { code: 'console.log("depois do erro");' },
    ]);
    const output = path.join(folder, "erro-de-proposito.out.ipynb");
    await executeNotebook({ input, output });
    const executed = await readNotebook(output);
    const shown = JSON.stringify(executed.cells[0]?.outputs);
    assert.match(shown, /erro mostrado de propósito/, "o erro aparece na saída da célula");
    assert.deepEqual(executed.cells[1]?.outputs, [{ name: "stdout", output_type: "stream", text: ["depois do erro\n"] }]);
  });

  test("uma célula que passa do tempo limite é interrompida e nomeada", kernelTest, async () => {
    const input = await writeFixtureNotebook(folder, "lenta.ipynb", [
      { code: "console.log(1);" },
      { code: "await new Promise((resolve) => setTimeout(resolve, 60_000));" },
    ]);
    const started = performance.now();
    const error = await executeNotebook({ input, output: path.join(folder, "lenta.out.ipynb"), cellTimeoutSeconds: 2 }).then(
      () => assert.fail("esperava que a execução passasse do tempo"),
      (reason: unknown) => reason,
    );
    assert.ok(isNotebookExecutionError(error), String(error));
    assert.equal(error.report.status, "cell-timeout");
    assert.equal(error.report.failure?.cellIndex, 1);
    assert.match(error.message, /passou de 2 s sem terminar/);
    assert.ok(performance.now() - started < 45_000, "não espera a célula terminar");
  });

  test("uma execução que passa grava o notebook com células numeradas, TypeScript como linguagem e o kernel na pasta do notebook", kernelTest, async () => {
    const input = await writeFixtureNotebook(folder, "passa.ipynb", [
      { markdown: "# Passa" },
      { code: "const valor = await Promise.resolve(20);" },
      { code: "" },
      { code: "console.log(valor + 1);" },
      { code: "console.log(process.cwd());" },
    ]);
    const output = path.join(folder, "saida", "passa.ipynb");
    const report = await executeNotebook({ input, output });
    assert.equal(report.status, "ok");
    assert.ok((report.kernelStartSeconds ?? 0) > 0, "mede o início do kernel");
    const executed = await readNotebook(output);
    assert.deepEqual(
      executed.cells.map((cell) => cell.execution_count ?? null),
      [null, 1, null, 2, 3],
      "células de código não vazias numeradas em ordem; markdown e vazias sem número",
    );
    assert.equal(executed.metadata.language_info?.name, "typescript");
    assert.equal(executed.metadata.language_info?.pygments_lexer, "typescript");
    assert.equal(executed.metadata.language_info?.file_extension, ".ts");
    assert.deepEqual(executed.cells[3]?.outputs, [{ name: "stdout", output_type: "stream", text: ["21\n"] }]);
    const cwdOutput = executed.cells[4]?.outputs?.[0] as { text: string[] } | undefined;
    assert.equal(cwdOutput?.text.join("").trim(), folder);
  });
});
