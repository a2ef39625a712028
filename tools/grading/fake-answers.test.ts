/**
 * The tests of the shipped assignments check what the answers compute: each fake answer
 * of tools/grading/synthetic-submissions.ts scores 0 on the exercise it fakes, while the
 * instructor's solution, graded in the same batch, scores full marks. One autograde batch
 * per assignment, with real kernels.
 */
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { serializeNotebook } from "../notebooks/notebook-format";
import { projectTemporaryFolder } from "../test-support/fixture-notebook";
import { type AutogradeResult, autograde, type GradedSubmission } from "./autograde";
import type { CellScore } from "./score";
import { fakeAnswers, fullMarks, type SyntheticSubmission } from "./synthetic-submissions";
import { loadAssignment, shippedAssignments, solvedFromSource } from "./test-support";

const limits = { workers: 2, cellTimeoutSeconds: 60, totalTimeoutSeconds: 300, memoryMb: 768, fast: true };

describe("respostas falsas tiram 0 no exercício que fingem resolver", { timeout: 1_800_000 }, () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  const plans = new Map<string, Record<string, SyntheticSubmission>>();
  const results = new Map<string, AutogradeResult>();

  before(async () => {
    ({ folder, remove } = await projectTemporaryFolder("respostas-falsas"));
    for (const name of shippedAssignments) {
      const { source, released, sourceFile } = await loadAssignment(name);
      const plan: Record<string, SyntheticSubmission> = {
        correta: { notebook: solvedFromSource(released, source), expected: fullMarks[name] ?? {} },
        ...(await fakeAnswers(name)),
      };
      plans.set(name, plan);
      const submissions = path.join(folder, name, "entregas");
      await mkdir(submissions, { recursive: true });
      for (const [student, { notebook }] of Object.entries(plan)) {
        await writeFile(path.join(submissions, `${student}.ipynb`), serializeNotebook(notebook));
      }
      results.set(name, await autograde({ assignment: name, sourceNotebook: sourceFile, submissions, outputDir: path.join(folder, name, "saida"), ...limits }));
    }
  });
  after(() => remove());

  for (const name of shippedAssignments) {
    test(`${name}: a solução tem nota máxima e cada resposta falsa perde os pontos do exercício`, () => {
      const result = results.get(name);
      assert.ok(result, `${name} não foi corrigida`);
      for (const [student, { expected }] of Object.entries(plans.get(name) ?? {})) {
        const row: GradedSubmission | undefined = result.rows.find((candidate) => candidate.student === student);
        assert.ok(row, `falta a linha de ${student}`);
        const detail: string = `${student}: ${row.status} ${JSON.stringify(row.scores.map((score: CellScore) => [score.gradeId, score.status, score.errorText.slice(0, 300)]))}`;
        assert.equal(row.status, "ok", detail);
        assert.deepEqual(row.points, expected, detail);
      }
    });
  }
});
