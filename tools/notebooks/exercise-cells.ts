/**
 * The exercise convention of the course's notebooks, checked on their sources and on their
 * executed outputs: each answer cell holds `undefined` on a line marked
 * {@link ANSWER_MARKER}, the checkers of lib/src/exercises/ answer "Ainda não respondido"
 * to it, and every notebook with exercises explains this once, in the words of
 * {@link EXERCISE_CONVENTION}.
 */
import { cellOutputTexts, textOf, type Notebook } from "./notebook-format";

/** The paragraph, the same in every notebook with exercises, that states the convention to students. */
export const EXERCISE_CONVENTION =
  "Cada exercício tem uma célula de resposta com `undefined` (marcada `// ← sua resposta`): troque o `undefined` " +
  "pela sua resposta e rode a verificação, que diz se está certo e dá uma dica sem revelar a resposta. Enquanto a " +
  "resposta for `undefined`, ela avisa «Ainda não respondido» e o notebook roda até o fim. Números são aceitos com " +
  "três algarismos significativos; contagens, só exatas.";

/** The comment that marks the line of an answer. */
const ANSWER_MARKER = "// ← sua resposta";

/** The start of the verdict of lib/src/exercises/exercise-check.ts for an answer still `undefined`. */
const NOT_ANSWERED_VERDICT = "✘ Ainda não respondido";

/** `const x: T = undefined;`, or an object member whose every field is `undefined` (`a: { b: undefined, c: undefined },`). */
const placeholderLine = /^(const \w+(: .+)? = undefined;|\w+: \{ \w+: undefined(, \w+: undefined)* \},)$/;

function callsChecker(source: string): boolean {
  return source.includes("showExerciseCheck(");
}

/**
 * What in a notebook's sources breaks the convention: the convention paragraph missing or
 * repeated, no answer line, or an answer line holding something else than `undefined`.
 * A notebook without exercises has nothing to break.
 */
export function exerciseConventionProblems(notebook: Notebook): string[] {
  const sources = notebook.cells.map((cell) => ({ cell, text: textOf(cell.source) }));
  if (!sources.some(({ cell, text }) => cell.cell_type === "code" && callsChecker(text))) return [];
  const problems: string[] = [];
  const explained = sources.filter(({ cell, text }) => cell.cell_type === "markdown" && text.includes(EXERCISE_CONVENTION)).length;
  if (explained !== 1) problems.push(`o parágrafo da convenção dos exercícios aparece ${explained} vezes no texto; esperava 1 (tools/notebooks/exercise-cells.ts)`);
  let answerLines = 0;
  sources.forEach(({ cell, text }, index) => {
    if (cell.cell_type !== "code") return;
    for (const line of text.split("\n")) {
      const marker = line.indexOf(ANSWER_MARKER);
      if (marker < 0) continue;
      answerLines++;
      const code = line.slice(0, marker).trim();
      if (!placeholderLine.test(code)) problems.push(`célula ${index}: a linha de resposta "${code}" deveria valer undefined`);
    }
  });
  if (answerLines === 0) problems.push(`nenhuma linha de resposta marcada "${ANSWER_MARKER}", mas o notebook chama showExerciseCheck`);
  return problems;
}

/** Cells of an executed notebook that call a checker and did not show "Ainda não respondido". */
export function answeredExerciseCells(executed: Notebook): string[] {
  const problems: string[] = [];
  executed.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code" || !callsChecker(textOf(cell.source))) return;
    if (!cellOutputTexts(cell).some((text) => text.includes(NOT_ANSWERED_VERDICT))) {
      problems.push(`célula ${index}: a verificação não respondeu "${NOT_ANSWERED_VERDICT}" à resposta undefined`);
    }
  });
  return problems;
}
