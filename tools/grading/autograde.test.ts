/**
 * The full cycle on the shipped assignments, with real kernels: release → the
 * student solves → validate → autograde → gradebook and feedback. Each assignment is
 * graded once, as one batch of synthetic submissions (correct, partially correct, empty,
 * tampered, malformed JSON, endless loop, memory exhaustion, an answer that tries to kill
 * the kernel); every
 * assertion reads that batch.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { escapeHtml } from "@redes-neurais/lib/ferramentas";
import { type Notebook, serializeNotebook, textOf } from "../notebooks/notebook-format";
import { projectTemporaryFolder } from "../test-support/fixture-notebook";
import { type AutogradeResult, autograde, type GradedSubmission } from "./autograde";
import type { CellScore } from "./score";
import { isGrade } from "./nbgrader-cells";
import { releaseNotebook } from "./release-notebook";
import { cellById, loadAssignment, shippedAssignments, solvedFromSource, withAnswer, withoutCell } from "./test-support";
import { validateNotebook } from "./validate";

type Expected = { points: Record<string, number>; status: string; reason?: RegExp };
type Batch = Record<string, { notebook: Notebook | string; expected: Expected }>;

const limits = { workers: 2, cellTimeoutSeconds: 45, totalTimeoutSeconds: 300, memoryMb: 512, fast: true };

function tampered(notebook: Notebook, testId: string, deletedTestId: string): Notebook {
  const copy = withoutCell(notebook, deletedTestId);
  cellById(copy, testId).source = "// os testes passam, confie";
  return copy;
}

async function batches(): Promise<Record<string, Batch>> {
  const a1 = await loadAssignment("01_regressao_logistica");
  const a2 = await loadAssignment("02_universalidade_mlp");
  const a3 = await loadAssignment("03_convnet_galaxias");
  const a4 = await loadAssignment("04_transferencia");
  const a5 = await loadAssignment("05_redshift_fotometrico");
  const s1 = solvedFromSource(a1.released, a1.source);
  const partial1 = withAnswer(
    s1,
    "gradientes", // the gradient with its sign flipped: training climbs the loss
    textOf(cellById(s1, "gradientes").source).replace("const error = sigmoid(", "const error = (t[i] as number) - sigmoid(").replace(") - (t[i] as number);", ");"),
  );
  const s2 = solvedFromSource(a2.released, a2.source);
  const partial2 = withAnswer(
    withAnswer(s2, "aproximacao", "function approximate(f: (x: number) => number, a: number, b: number, nTowers: number, steepness: number): (x: number) => number {\n  return () => 0;\n}"),
    "mlp",
    textOf(cellById(s2, "mlp").source).replace('activation: "sigmoid"', 'activation: "relu"'),
  );
  const s3 = solvedFromSource(a3.released, a3.source);
  const s4 = solvedFromSource(a4.released, a4.source);
  const s5 = solvedFromSource(a5.released, a5.source);
  const a6 = await loadAssignment("06_sobreajuste_validacao");
  const s6 = solvedFromSource(a6.released, a6.source);
  const partial6 = withAnswer( // early stopping that watches the test set: the choice is no longer made on validation
    s6,
    "parada",
    textOf(cellById(s6, "parada").source).replace("v = toTensors(validationSample)", "v = toTensors(test)"),
  );
  const a7 = await loadAssignment("07_autoencoder_pca");
  const s7 = solvedFromSource(a7.released, a7.source);
  const partial7 = withAnswer( // PCA of the raw spectra (no mean subtracted): another subspace
    s7,
    "pca",
    textOf(cellById(s7, "pca").source).replace("(row[i]! - mean[i]!) * (row[j]! - mean[j]!)", "row[i]! * row[j]!"),
  );
  const ones = { "testes-sigmoide": 1, "testes-gradientes": 4, "testes-treino": 3, "testes-acuracia": 2 };
  return {
    "01_regressao_logistica": {
      correta: { notebook: s1, expected: { points: ones, status: "ok" } },
      parcial: { notebook: partial1, expected: { points: { ...ones, "testes-gradientes": 0, "testes-treino": 0 }, status: "ok" } },
      vazia: { notebook: a1.released, expected: { points: { "testes-sigmoide": 0, "testes-gradientes": 0, "testes-treino": 0, "testes-acuracia": 0 }, status: "ok" } },
      adulterada: {
        notebook: tampered(partial1, "testes-gradientes", "testes-acuracia"),
        expected: { points: { ...ones, "testes-gradientes": 0, "testes-treino": 0 }, status: "ok" },
      },
      malformada: { notebook: serializeNotebook(s1).slice(0, 500), expected: { points: {}, status: "invalid-notebook", reason: /não é JSON válido/ } },
      "laco-infinito": {
        notebook: withAnswer(s1, "gradientes", "function gradients(w: number[], b: number, X: number[][], t: number[]): { dw: number[]; db: number } {\n  while (true) {}\n}"),
        expected: { points: { "testes-sigmoide": 1, "testes-gradientes": 0, "testes-treino": 0, "testes-acuracia": 0 }, status: "cell-timeout", reason: /não terminou em 45 s/ },
      },
    },
    "02_universalidade_mlp": {
      correta: { notebook: s2, expected: { points: { "testes-degrau": 2, "testes-torre": 2, "testes-aproximacao": 3, "testes-mlp": 3 }, status: "ok" } },
      parcial: { notebook: partial2, expected: { points: { "testes-degrau": 2, "testes-torre": 2, "testes-aproximacao": 0, "testes-mlp": 0 }, status: "ok" } },
      vazia: { notebook: a2.released, expected: { points: { "testes-degrau": 0, "testes-torre": 0, "testes-aproximacao": 0, "testes-mlp": 0 }, status: "ok" } },
      "sem-memoria": {
        notebook: withAnswer(s2, "aproximacao", textOf(cellById(s2, "aproximacao").source) + "\nconst hog: number[][] = [];\nwhile (true) hog.push(new Array(1e6).fill(Math.random()));"),
        expected: { points: { "testes-degrau": 2, "testes-torre": 2, "testes-aproximacao": 0, "testes-mlp": 0 }, status: "kernel-died", reason: /kernel morreu na célula/ },
      },
      "nao-e-notebook": { notebook: '{"ola": 1}', expected: { points: {}, status: "invalid-notebook", reason: /falta a lista "cells"/ } },
    },
    "03_convnet_galaxias": {
      correta: { notebook: s3, expected: { points: { "testes-tensor": 3, "testes-convnet": 3, "testes-treino": 4 }, status: "ok" } },
      parcial: {
        notebook: withAnswer(s3, "treino", "async function trainConvnet(model: tf.Sequential, x: tf.Tensor4D, labels: number[], epochs: number): Promise<number> {\n  return 0.5;\n}"),
        expected: { points: { "testes-tensor": 3, "testes-convnet": 3, "testes-treino": 0 }, status: "ok" },
      },
      vazia: { notebook: a3.released, expected: { points: { "testes-tensor": 0, "testes-convnet": 0, "testes-treino": 0 }, status: "ok" } },
      "kernel-morto": {
        // Student code cannot reach `process` (tools/grading/student-code-rules.ts): the
        // answer is refused before it runs, its tests score 0, the others are graded.
        notebook: withAnswer(s3, "convnet", 'process.kill(process.pid, "SIGKILL");'),
        expected: { points: { "testes-tensor": 3, "testes-convnet": 0, "testes-treino": 0 }, status: "tampering", reason: /resposta "convnet", linha 1: o nome global `process`/ },
      },
      apagada: {
        notebook: withoutCell(withoutCell(s3, "testes-treino"), "galaxias"),
        expected: { points: { "testes-tensor": 3, "testes-convnet": 3, "testes-treino": 4 }, status: "ok" },
      },
    },
    "04_transferencia": {
      correta: { notebook: s4, expected: { points: { "testes-atributos": 2, "testes-cabeca": 3, "testes-do-zero": 3, "testes-relatorio": 2 }, status: "ok" } },
      // Sections 1, 2 and 4 answered, section 3 left as released: section 4 trains its candidates with section 3's functions.
      parcial: {
        notebook: withAnswer(s4, "do-zero", textOf(cellById(a4.released, "do-zero").source)),
        expected: { points: { "testes-atributos": 2, "testes-cabeca": 3, "testes-do-zero": 0, "testes-relatorio": 0 }, status: "ok" },
      },
      vazia: { notebook: a4.released, expected: { points: { "testes-atributos": 0, "testes-cabeca": 0, "testes-do-zero": 0, "testes-relatorio": 0 }, status: "ok" } },
    },
    "05_redshift_fotometrico": {
      correta: { notebook: s5, expected: { points: { "testes-metricas": 4, "testes-rede": 3, "testes-relatorio": 3 }, status: "ok" } },
      // Metrics and network answered, the report left as released.
      parcial: {
        notebook: withAnswer(s5, "relatorio", textOf(cellById(a5.released, "relatorio").source)),
        expected: { points: { "testes-metricas": 4, "testes-rede": 3, "testes-relatorio": 0 }, status: "ok" },
      },
      vazia: { notebook: a5.released, expected: { points: { "testes-metricas": 0, "testes-rede": 0, "testes-relatorio": 0 }, status: "ok" } },
    },
    "06_sobreajuste_validacao": {
      correta: { notebook: s6, expected: { points: { "testes-lacuna": 2, "testes-rede": 2, "testes-parada": 3, "testes-regularizacao": 3 }, status: "ok" } },
      parcial: { notebook: partial6, expected: { points: { "testes-lacuna": 2, "testes-rede": 2, "testes-parada": 0, "testes-regularizacao": 3 }, status: "ok" } },
      vazia: { notebook: a6.released, expected: { points: { "testes-lacuna": 0, "testes-rede": 0, "testes-parada": 0, "testes-regularizacao": 0 }, status: "ok" } },
    },
    "07_autoencoder_pca": {
      correta: { notebook: s7, expected: { points: { "testes-angulos": 3, "testes-pca": 3, "testes-autoencoder": 4 }, status: "ok" } },
      parcial: { notebook: partial7, expected: { points: { "testes-angulos": 3, "testes-pca": 0, "testes-autoencoder": 4 }, status: "ok" } },
      vazia: { notebook: a7.released, expected: { points: { "testes-angulos": 0, "testes-pca": 0, "testes-autoencoder": 0 }, status: "ok" } },
    },
  };
}

describe("ciclo completo: publicar → resolver → validar → corrigir", { timeout: 1_800_000 }, () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  const results = new Map<string, AutogradeResult>();
  let plan: Record<string, Batch> = {};

  before(async () => {
    ({ folder, remove } = await projectTemporaryFolder("correcao"));
    plan = await batches();
    for (const [name, batch] of Object.entries(plan)) {
      const submissions = path.join(folder, name, "entregas");
      await mkdir(submissions, { recursive: true });
      for (const [student, { notebook }] of Object.entries(batch)) {
        await writeFile(path.join(submissions, `${student}.ipynb`), typeof notebook === "string" ? notebook : serializeNotebook(notebook));
      }
      const started = performance.now();
      results.set(name, await autograde({ assignment: name, sourceNotebook: (await loadAssignment(name)).sourceFile, submissions, outputDir: path.join(folder, name, "saida"), ...limits }));
      console.log(`# ${name}: ${Object.keys(batch).length} entregas em ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  after(() => remove());

  test("validar: o notebook publicado roda inteiro (esboços lançam, nenhum teste passa); resolvido, todos passam", async () => {
    const { source, released } = await loadAssignment("01_regressao_logistica");
    const student = path.join(folder, "aluno");
    await mkdir(student, { recursive: true });
    const empty = path.join(student, "vazio.ipynb");
    const solved = path.join(student, "resolvido.ipynb");
    await writeFile(empty, serializeNotebook(releaseNotebook(source)));
    await writeFile(solved, serializeNotebook(solvedFromSource(released, source)));
    const before = await validateNotebook(empty);
    assert.equal(before.allPassed, false);
    assert.equal(before.points, 0);
    assert.match(before.text, /✘ testes-sigmoide: falhou — .*não implementado/);
    assert.doesNotMatch(before.text, /kernel morreu/);
    const done = await validateNotebook(solved);
    assert.equal(done.allPassed, true, done.text);
    assert.equal(done.points, 10);
  });

  for (const name of shippedAssignments) {
    test(`${name}: os pontos de cada entrega são os esperados`, () => {
      const result = results.get(name);
      assert.ok(result);
      for (const [student, { expected }] of Object.entries(plan[name] ?? {})) {
        const row: GradedSubmission | undefined = result.rows.find((candidate) => candidate.student === student);
        assert.ok(row, `falta a linha de ${student}`);
        const detail: string = `${student}: ${row.status} ${row.reason} ${JSON.stringify(row.scores.map((s: CellScore) => [s.gradeId, s.status, s.errorText.slice(0, 200)]))}`;
        assert.equal(row.status, expected.status, detail);
        if (expected.reason) assert.match(row.reason, expected.reason, detail);
        for (const [id, points] of Object.entries(expected.points)) assert.equal(row.points[id], points, `${id} — ${detail}`);
        const expectedTotal = Object.values(expected.points).reduce((sum, value) => sum + value, 0);
        assert.equal(row.total, expectedTotal, detail);
        assert.equal(row.maxTotal, 10);
      }
    });

    test(`${name}: boletim CSV e uma devolutiva por aluno, sem os testes ocultos`, async () => {
      const result = results.get(name);
      assert.ok(result);
      const csv = (await readFile(result.gradebookFile, "utf8")).trim().split("\n");
      const students = Object.keys(plan[name] ?? {}).sort();
      assert.deepEqual(csv.slice(1).map((line) => line.split(",")[0]), students);
      assert.match(csv[0] ?? "", /^student,assignment,testes-[a-z-]+,.*,total,max_total,status,reason$/);
      const { source } = await loadAssignment(name);
      const hidden = source.cells.filter(isGrade).flatMap((cell) => {
        const text = textOf(cell.source);
        return text.slice(text.indexOf("BEGIN HIDDEN TESTS"), text.indexOf("END HIDDEN TESTS")).split("\n").slice(1, -1).map((line) => line.trim()).filter((line) => line.length > 12);
      });
      for (const student of students) {
        const page: string = await readFile(path.join(result.feedbackDir, `${student}.html`), "utf8");
        assert.match(page, new RegExp(`<h1>${name}: ${student}</h1>`));
        for (const line of hidden) assert.equal(page.includes(escapeHtml(line)), false, `teste oculto na devolutiva: ${line}`);
      }
    });
  }

  test("a devolutiva da entrega adulterada diz o que foi restaurado", async () => {
    const page = await readFile(path.join(results.get("01_regressao_logistica")?.feedbackDir ?? "", "adulterada.html"), "utf8");
    assert.match(page, /&quot;testes-gradientes&quot; \(somente leitura\) foi editada/);
    assert.match(page, /&quot;testes-acuracia&quot; .*foi apagada e foi restaurada/);
  });

  test("corrigir de novo dá o mesmo boletim", async () => {
    const name = "01_regressao_logistica";
    const first = results.get(name);
    assert.ok(first);
    const again = path.join(folder, "de-novo");
    await mkdir(again, { recursive: true });
    for (const student of ["malformada", "vazia"]) {
      await copyFile(path.join(folder, name, "entregas", `${student}.ipynb`), path.join(again, `${student}.ipynb`));
    }
    const second = await autograde({ assignment: name, sourceNotebook: (await loadAssignment(name)).sourceFile, submissions: again, outputDir: path.join(folder, "de-novo-saida"), ...limits });
    const firstLines = (await readFile(first.gradebookFile, "utf8")).split("\n");
    const secondText = await readFile(second.gradebookFile, "utf8");
    const expected = [firstLines[0], ...firstLines.filter((line) => /^(malformada|vazia),/.test(line))].join("\n") + "\n";
    assert.equal(secondText, expected);
    assert.equal(existsSync(path.join(folder, "de-novo-saida", "feedback", "vazia.html")), true);
  });
});
