/**
 * Every course notebook (notebooks/NN_*.ipynb) is a test: committed clean, its code
 * cells type-check as the tslab kernel compiles them, and it runs from top to bottom in
 * a fresh kernel on the native TensorFlow backend in fast mode (fewer epochs and less
 * data; no cell is skipped), with no warning of Node.js's own in any output; its
 * exercises follow the convention of tools/notebooks/exercise-cells.ts and, still
 * unanswered, are told "Ainda não respondido".
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { executeNotebook, isNotebookExecutionError } from "../jupyter/execute-notebook";
import { cleanlinessProblems } from "./clean-notebook";
import { listCourseNotebooks, selectNotebooks } from "./course-notebooks";
import { answeredExerciseCells, exerciseConventionProblems } from "./exercise-cells";
import { readNotebook } from "./notebook-format";
import { nodeWarningsInOutputs } from "./node-warnings";
import { formatDiagnostics, typecheckNotebook } from "./typecheck-notebook";
import { needsVgg16Weights, writeRandomVgg16Weights } from "./vgg16-test-weights";
import { VGG16_WEIGHTS_ENV_VAR } from "@redes-neurais/lib/ferramentas";

/**
 * `REDES_NEURAIS_NOTEBOOKS="05 06"` limits the run to the named notebooks (numbers or
 * names, as `npm run handouts -- 05`), for working on one notebook; unset runs them all.
 */
const requestedNotebooks = (process.env.REDES_NEURAIS_NOTEBOOKS ?? "").split(/[\s,]+/).filter(Boolean);

/**
 * The type checks do not depend on the Node.js version: tools/node-matrix.mjs, which runs
 * the notebooks again on other Nodes, sets `REDES_NEURAIS_NOTEBOOKS_SO_EXECUCAO=1` to skip
 * them there (npm test runs them on the machine's Node).
 */
const typecheckSkipped =
  process.env.REDES_NEURAIS_NOTEBOOKS_SO_EXECUCAO === "1" ? "checagem de tipos já feita no Node da máquina (npm test)" : false;

/** Seconds a cell may take in fast mode before the test gives up on it. */
const fastCellTimeoutSeconds = 300;

test("notebooks do curso", async (t) => {
  const notebooks = selectNotebooks(await listCourseNotebooks(), requestedNotebooks);
  const fixtures = await mkdtemp(path.join(tmpdir(), "redes-neurais-notebook-fixtures-"));
  t.after(() => rm(fixtures, { recursive: true, force: true }));
  /** Stand-in VGG16 weights (tools/notebooks/vgg16-test-weights.ts), written once for the notebooks that look for them. */
  let vgg16Weights: Promise<string> | undefined;
  await t.test("há notebooks do curso em notebooks/ (NN_nome.ipynb)", () => {
    assert.ok(notebooks.length > 0, "nenhum notebooks/NN_nome.ipynb encontrado");
  });

  for (const notebook of notebooks) {
    await t.test(notebook.displayPath, async (t) => {
      await t.test("está limpo no git: sem saídas nem contagens, kernel redes-neurais, linguagem TypeScript", async () => {
        const problems = cleanlinessProblems(await readNotebook(notebook.file));
        assert.deepEqual(problems, [], `${problems.join("\n")}\nRode \`npm run notebooks:strip\`.`);
      });

      await t.test("os exercícios seguem a convenção: resposta undefined, explicada uma vez", async () => {
        const problems = exerciseConventionProblems(await readNotebook(notebook.file));
        assert.deepEqual(problems, [], problems.join("\n"));
      });

      await t.test("as células de código passam na checagem de tipos do tslab", { skip: typecheckSkipped }, async () => {
        const diagnostics = await typecheckNotebook(notebook.file);
        if (diagnostics.length > 0) assert.fail(`\n${formatDiagnostics(diagnostics)}`);
      });

      await t.test("executa do início ao fim no backend nativo, em modo rápido", { timeout: 30 * 60_000 }, async () => {
        const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-notebook-"));
        const executed = path.join(work, `${notebook.name}.ipynb`);
        const env: Record<string, string> = { REDES_NEURAIS_FAST: "1", REDES_NEURAIS_BACKEND: "tensorflow" };
        if (needsVgg16Weights(JSON.stringify(await readNotebook(notebook.file)))) {
          vgg16Weights ??= writeRandomVgg16Weights(fixtures);
          env[VGG16_WEIGHTS_ENV_VAR] = await vgg16Weights;
        }
        try {
          await executeNotebook(
            {
              input: notebook.file,
              output: executed,
              cellTimeoutSeconds: fastCellTimeoutSeconds,
              env,
            },
            notebook.displayPath,
          );
          const outputs = await readNotebook(executed);
          const warnings = nodeWarningsInOutputs(outputs);
          assert.deepEqual(warnings, [], `avisos do Node ${process.version} chegaram às células (lib/src/backend/node-compat.ts deve evitá-los)`);
          const answered = answeredExerciseCells(outputs);
          assert.deepEqual(answered, [], answered.join("\n"));
        } catch (error) {
          if (isNotebookExecutionError(error)) assert.fail(`\n${error.message}`);
          throw error;
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      });
    });
  }
});
