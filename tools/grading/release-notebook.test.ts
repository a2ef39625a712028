/**
 * Release: the student version has stubs instead of solutions, no hidden tests, no
 * outputs, locked cells and nbgrader's checksums; the committed release files are the
 * current release of the sources and contain no solution or hidden-test text.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { paths } from "../project.mjs";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { serializeNotebook, textOf } from "../notebooks/notebook-format";
import { computeChecksum, isGrade, isLocked, isSolution, nbgraderOf } from "./nbgrader-cells";
import { MarkerError, releaseNotebook, removeHiddenTests, replaceSolutionRegions } from "./release-notebook";
import { loadAssignment, shippedAssignments } from "./test-support";

describe("marcadores", () => {
  test("a região de solução vira o esboço, com a indentação da linha BEGIN", () => {
    const source = "function f(x: number): number {\n  const a = 1;\n  // BEGIN SOLUTION\n  return a + x;\n  // END SOLUTION\n}";
    assert.equal(
      replaceSolutionRegions(source),
      'function f(x: number): number {\n  const a = 1;\n  // SEU CÓDIGO AQUI\n  throw new Error("não implementado");\n}',
    );
    assert.equal(replaceSolutionRegions("const x = 1;"), null, "sem região: null");
  });

  test("testes ocultos somem com os marcadores; o resto fica", () => {
    assert.equal(removeHiddenTests("a;\n// BEGIN HIDDEN TESTS\nb;\n// END HIDDEN TESTS\nc;"), "a;\nc;");
  });

  test("regiões aninhadas ou sem fim são erros", () => {
    assert.throws(() => replaceSolutionRegions("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"), MarkerError);
    assert.throws(() => removeHiddenTests("// BEGIN HIDDEN TESTS\nx"), MarkerError);
  });
});

/** Lines of the source that only the instructor may see (solutions, hidden tests). */
function secretLines(text: string, begin: string, end: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of text.split("\n")) {
    if (line.includes(begin)) inside = true;
    else if (line.includes(end)) inside = false;
    else if (inside && line.trim().length > 12) lines.push(line.trim());
  }
  return lines;
}

for (const name of shippedAssignments) {
  describe(`tarefa publicada ${name}`, () => {
    test("o arquivo publicado é a publicação atual da fonte (rode npm run assignments:release)", async () => {
      const { source, releasedFile } = await loadAssignment(name);
      assert.equal(await readFile(releasedFile, "utf8"), serializeNotebook(releaseNotebook(source)));
    });

    test("o arquivo publicado é um notebook válido para o nbformat (o validador do Jupyter)", async () => {
      const { releasedFile } = await loadAssignment(name);
      const result = await runProcess(paths.venvPython, ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('ok')", releasedFile]);
      assert.equal(result.stdout.trim(), "ok", result.stderr);
    });

    test("nenhum texto de solução nem de teste oculto no arquivo publicado", async () => {
      const { source, releasedFile } = await loadAssignment(name);
      const releasedText = await readFile(releasedFile, "utf8");
      const secrets = source.cells.flatMap((cell) => [
        ...(isSolution(cell) ? secretLines(textOf(cell.source), "BEGIN SOLUTION", "END SOLUTION") : []),
        ...(isGrade(cell) ? secretLines(textOf(cell.source), "BEGIN HIDDEN TESTS", "END HIDDEN TESTS") : []),
      ]);
      assert.ok(secrets.length >= 6, `a fonte deveria ter soluções e testes ocultos; achei ${secrets.length} linhas`);
      for (const secret of secrets) {
        assert.equal(releasedText.includes(JSON.stringify(secret).slice(1, -1)), false, `vazou: ${secret}`);
      }
      assert.doesNotMatch(releasedText, /BEGIN SOLUTION|END SOLUTION|HIDDEN TESTS/);
    });

    test("esboços no lugar das respostas, sem saídas, células travadas e checksums do nbgrader", async () => {
      const { source, released } = await loadAssignment(name);
      assert.equal(released.cells.length, source.cells.length);
      let answers = 0;
      for (const cell of released.cells) {
        const meta = nbgraderOf(cell);
        assert.ok(meta, "todas as células das tarefas têm metadados nbgrader");
        assert.equal(meta.checksum, computeChecksum(cell), `checksum de ${meta.grade_id}`);
        assert.equal(meta.cell_type, cell.cell_type);
        assert.equal(cell.metadata["deletable"], false);
        assert.equal(cell.metadata["editable"], isLocked(cell) ? false : undefined, `${meta.grade_id}: só as travadas não são editáveis`);
        if (cell.cell_type === "code") assert.deepEqual([cell.outputs, cell.execution_count], [[], null]);
        if (isSolution(cell)) {
          answers += 1;
          assert.match(textOf(cell.source), /\/\/ SEU CÓDIGO AQUI\n\s*throw new Error\("não implementado"\);/);
        }
      }
      assert.ok(answers >= 3);
    });
  });
}
