import assert from "node:assert/strict";
import { test } from "node:test";
import { answeredExerciseCells, EXERCISE_CONVENTION, exerciseConventionProblems } from "./exercise-cells";
import type { Notebook, NotebookCell } from "./notebook-format";

const markdown = (source: string): NotebookCell => ({ cell_type: "markdown", source, metadata: {} });
const code = (source: string, outputs: unknown[] = []): NotebookCell => ({ cell_type: "code", source, metadata: {}, outputs });
const notebookOf = (...cells: NotebookCell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

const conventionCell = markdown(`## Exercícios\n\n${EXERCISE_CONVENTION}\n\n**1.** Quanto vale z?`);

test("a notebook that follows the exercise convention has no problem", () => {
  const notebook = notebookOf(
    conventionCell,
    code("const respostaZ: number | undefined = undefined; // ← sua resposta\nshowExerciseCheck(checkNeuronSum(respostaZ));"),
    code("const minhaDerivada: ((z: number) => number) | undefined = undefined; // ← sua resposta"),
    code("const escolhas = {\n  redshift: { activation: undefined, loss: undefined }, // ← sua resposta\n};\nshowExerciseCheck(checkOutputChoices(escolhas));"),
  );
  assert.deepEqual(exerciseConventionProblems(notebook), []);
});

test("a notebook without exercises has nothing to follow", () => {
  assert.deepEqual(exerciseConventionProblems(notebookOf(markdown("# Texto"), code("const x = 1;"))), []);
});

test("other placeholders, committed answers, a missing or repeated paragraph and unmarked answers are named", () => {
  const problems = exerciseConventionProblems(
    notebookOf(
      markdown("## Exercícios"),
      code("const a: number | null = null; // ← sua resposta\nconst b = NaN; // ← sua resposta\nconst c: number | undefined = 0.38; // ← sua resposta\nshowExerciseCheck(check(a, b, c));"),
      code('const d = { redshift: { activation: "", loss: undefined } }; // ← sua resposta'),
    ),
  );
  assert.equal(problems.length, 5, problems.join("\n"));
  assert.match(problems[0] ?? "", /aparece 0 vezes/);
  assert.match(problems.slice(1).join("\n"), /null[\s\S]*NaN[\s\S]*0\.38[\s\S]*activation: ""/);
  assert.deepEqual(
    exerciseConventionProblems(notebookOf(conventionCell, conventionCell, code("showExerciseCheck(checkX(1));"))),
    [
      "o parágrafo da convenção dos exercícios aparece 2 vezes no texto; esperava 1 (tools/notebooks/exercise-cells.ts)",
      'nenhuma linha de resposta marcada "// ← sua resposta", mas o notebook chama showExerciseCheck',
    ],
  );
});

test("an executed notebook must show 'Ainda não respondido' under every check of an undefined answer", () => {
  const notAnswered = { output_type: "display_data", data: { "text/plain": "✘ Ainda não respondido (z): troque o `undefined`…" } };
  const right = { output_type: "display_data", data: { "text/plain": "✔ certo." } };
  const executed = notebookOf(
    conventionCell,
    code("showExerciseCheck(checkNeuronSum(respostaZ));", [notAnswered]),
    code("showExerciseCheck(checkNeuronOutput(respostaY));", [right]),
    code("showExerciseCheck(checkBump(r));", []),
    code("console.log(1);", []),
  );
  assert.deepEqual(answeredExerciseCells(executed), [
    'célula 2: a verificação não respondeu "✘ Ainda não respondido" à resposta undefined',
    'célula 3: a verificação não respondeu "✘ Ainda não respondido" à resposta undefined',
  ]);
});
