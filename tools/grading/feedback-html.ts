/**
 * The feedback page of one student: the score, what the grader restored, and for each
 * graded cell the points and, when it failed, the error's name and the message written
 * for students (tools/grading/sealed-error-text.ts); the instructor's comments (manual
 * adjustments) and the lateness. Hidden tests stay sealed: the cells appear as the student
 * received them, and no stack or source line of a test is shown, unless the instructor
 * reveals them after the deadline (`revealHidden`, `--revelar-ocultos` in cli.ts).
 */
import { escapeHtml } from "@redes-neurais/lib/ferramentas";
import type { AdjustedCell } from "./manual-adjustments";
import { sealedErrorText } from "./sealed-error-text";
import type { CellScore } from "./score";

export interface FeedbackInput {
  student: string;
  assignment: string;
  total: number;
  maxTotal: number;
  status: string;
  reason: string;
  notes: string[];
  scores: CellScore[];
  /** The released (student) source of each graded cell, by grade_id. */
  visibleSource: Map<string, string>;
  /** Lines of the hidden tests: removed from error texts (tslab quotes the failing line). */
  hiddenLines?: readonly string[];
  /** The instructor's manual adjustments of this student's cells, with their comments (manual-adjustments.ts). */
  adjustments?: readonly AdjustedCell[];
  /** Lateness and penalty, one sentence (late-penalty.ts). */
  lateNote?: string;
  /** After the deadline, on the instructor's request: show each graded cell's full source (hidden tests included) and the kernel's whole error text (stack, generated messages). */
  revealHidden?: boolean;
  /** The instructor's source of each graded cell, by grade_id (shown only with `revealHidden`). */
  fullSource?: Map<string, string>;
}

/** The error text without any line that quotes a hidden test. */
export function withoutHiddenLines(text: string, hiddenLines: readonly string[]): string {
  const secrets = hiddenLines.map((line) => line.trim()).filter((line) => line.length > 0);
  return text
    .split("\n")
    .map((line) => (secrets.some((secret) => line.includes(secret) || (line.trim().length > 8 && secret.includes(line.trim()))) ? "    (linha de um teste oculto)" : line))
    .join("\n");
}


const statusText: Record<string, string> = {
  ok: "passou",
  error: "falhou",
  timeout: "tempo esgotado",
  "kernel-died": "o kernel morreu",
  "not-run": "não rodou",
};

function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(".", ",");
}

export function feedbackHtml(input: FeedbackInput): string {
  const rows = input.scores
    .map((score) => {
      const mark = score.points === score.maxPoints && score.maxPoints > 0 ? "✔" : "✘";
      return `<tr><td>${mark}</td><td><code>${escapeHtml(score.gradeId)}</code></td><td>${escapeHtml(statusText[score.status] ?? score.status)}</td><td>${formatPoints(score.points)} / ${formatPoints(score.maxPoints)}</td></tr>`;
    })
    .join("\n");
  const details = input.scores
    .map((score) => {
      const source = (input.revealHidden ? input.fullSource?.get(score.gradeId) : undefined) ?? input.visibleSource.get(score.gradeId) ?? "";
      const said = input.revealHidden ? score.errorText : withoutHiddenLines(sealedErrorText(score.errorText), input.hiddenLines ?? []);
      const error = score.status === "ok" ? "" : `<p>O que o kernel disse:</p><pre class="erro">${escapeHtml(said || statusText[score.status] || score.status)}</pre>`;
      return `<section><h3>${escapeHtml(score.gradeId)}: ${formatPoints(score.points)} de ${formatPoints(score.maxPoints)}</h3><pre>${escapeHtml(source)}</pre>${error}</section>`;
    })
    .join("\n");
  const notes = [input.status !== "ok" ? input.reason : "", input.lateNote ?? "", ...input.notes].filter((note) => note);
  const adjustments = (input.adjustments ?? [])
    .map((cell) => `<tr><td><code>${escapeHtml(cell.gradeId)}</code></td><td>${formatPoints(cell.automatic)} → ${formatPoints(cell.final)} de ${formatPoints(cell.maxPoints)}</td><td>${escapeHtml(cell.comment)}</td></tr>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>${escapeHtml(input.assignment)}: ${escapeHtml(input.student)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}pre.erro{background:#fff0f0}</style>
</head><body>
<h1>${escapeHtml(input.assignment)}: ${escapeHtml(input.student)}</h1>
<p class="nota">Nota: <strong>${formatPoints(input.total)} de ${formatPoints(input.maxTotal)}</strong> (situação: ${escapeHtml(input.status)})</p>
${notes.length ? `<ul class="avisos">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>` : ""}
<table><thead><tr><th></th><th>teste</th><th>resultado</th><th>pontos</th></tr></thead><tbody>
${rows}
</tbody></table>
${adjustments ? `<h2>Comentários do professor</h2>\n<table class="ajustes"><thead><tr><th>teste</th><th>pontos (automático → final)</th><th>comentário</th></tr></thead><tbody>\n${adjustments}\n</tbody></table>` : ""}
<h2>${input.revealHidden ? "Testes (com os ocultos, revelados depois do prazo)" : "Testes visíveis"}</h2>
${details}
</body></html>
`;
}
