/**
 * The adversarial suite: on each shipped assignment, ONE autograde batch (sandbox, fast
 * mode, 2 workers) with the instructor's solution and one submission per kind of attack
 * (tools/grading/adversarial-submissions.ts), none doing honest work. The solution must
 * get full marks and every attack 0 on every test; the gradebook and the feedback page
 * must say which cell was refused and why. Prints the table attack × assignment → points.
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { serializeNotebook } from "../notebooks/notebook-format";
import { projectTemporaryFolder } from "../test-support/fixture-notebook";
import { attacks, attackSubmission } from "./adversarial-submissions";
import { type AutogradeResult, autograde } from "./autograde";
import { loadAssignment, shippedAssignments, solvedFromSource } from "./test-support";

const solution = "a00-solucao-do-professor";
/** Refused before running by tools/grading/student-code-rules.ts; the others are stopped at run time. */
const runTimeOnly = new Set(["a15-flood-output"]);

describe("suíte adversarial: nenhum ataque ganha ponto, a solução ganha todos", { timeout: 3_600_000 }, () => {
  let remove: () => Promise<void> = async () => {};
  const results = new Map<string, AutogradeResult>();

  before(async () => {
    let folder: string;
    ({ folder, remove } = await projectTemporaryFolder("adversarial"));
    for (const name of shippedAssignments) {
      const { source, released, sourceFile } = await loadAssignment(name);
      const submissions = path.join(folder, name, "entregas");
      await mkdir(submissions, { recursive: true });
      await writeFile(path.join(submissions, `${solution}.ipynb`), serializeNotebook(solvedFromSource(released, source)));
      for (const attack of attacks) {
        await writeFile(path.join(submissions, `${attack.id}.ipynb`), serializeNotebook(attackSubmission(released, attack)));
      }
      const started = performance.now();
      results.set(name, await autograde({
        assignment: name, sourceNotebook: sourceFile, submissions, outputDir: path.join(folder, name, "saida"),
        workers: 2, fast: true, cellTimeoutSeconds: 30, totalTimeoutSeconds: 240, memoryMb: 768,
      }));
      console.log(`${name}: ${attacks.length + 1} entregas em ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const header = ["ataque", ...shippedAssignments].join(" | ");
    const lines = attacks.map((attack) => [attack.id, ...shippedAssignments.map((name) => {
      const row = results.get(name)?.rows.find((candidate) => candidate.student === attack.id);
      return row ? `${row.total}/${row.maxTotal} (${row.status})` : "?";
    })].join(" | "));
    console.log(["pontos por ataque e tarefa:", header, ...lines].join("\n"));
  });
  after(() => remove());

  for (const name of shippedAssignments) {
    test(`${name}: a solução do professor tira a nota máxima no mesmo lote`, () => {
      const row = results.get(name)?.rows.find((candidate) => candidate.student === solution);
      assert.ok(row, "falta a linha da solução");
      assert.equal(row.status, "ok", row.reason);
      assert.equal(row.total, row.maxTotal, JSON.stringify(row.scores.map((score) => [score.gradeId, score.status, score.errorText.slice(0, 300)])));
    });

    for (const attack of attacks) {
      test(`${name}: ${attack.kind} → 0 em todos os testes`, async () => {
        const result = results.get(name);
        const row = result?.rows.find((candidate) => candidate.student === attack.id);
        assert.ok(result && row, `falta a linha de ${attack.id}`);
        const detail = `${row.status}: ${row.reason}`;
        for (const [id, points] of Object.entries(row.points)) assert.equal(points, 0, `${id} — ${detail}`);
        assert.equal(row.total, 0, detail);
        if (runTimeOnly.has(attack.id)) return;
        assert.equal(row.status, "tampering", detail);
        assert.match(row.reason, /(resposta|célula adicionada) .*, linha \d+: /, "o boletim diz a célula, a linha e o que foi recusado");
        const page = await readFile(path.join(result.feedbackDir, `${attack.id}.html`), "utf8");
        assert.match(page, /situação: tampering/);
        assert.match(page, /linha \d+: /);
      });
    }
  }
});
