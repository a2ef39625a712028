/**
 * What a student runs before handing in (like nbgrader's validate): the notebook as it
 * is, in a fresh kernel, and for each test cell whether it passes. It also warns about
 * read-only cells that were edited (the grader puts the original back) and about code
 * the grader would refuse (tools/grading/student-code-rules.ts). A notebook anywhere on
 * disk works: validation-folder.ts runs a copy inside the project.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readNotebook, textOf } from "../notebooks/notebook-format";
import { computeChecksum, isAutogradedTest, isLocked, isSolution, nbgraderOf } from "./nbgrader-cells";
import { runCells } from "./run-cells";
import { scoreCells } from "./score";
import { findForbiddenConstructs } from "./student-code-rules";
import { validationFolder } from "./validation-folder";

export interface ValidationResult {
  allPassed: boolean;
  points: number;
  maxPoints: number;
  text: string;
}

export async function validateNotebook(file: string, options: { cellTimeoutSeconds?: number; totalTimeoutSeconds?: number } = {}): Promise<ValidationResult> {
  const where = await validationFolder(file);
  const notebook = await readNotebook(file).catch(async (error: unknown) => {
    await where.remove();
    throw error;
  });
  const lines: string[] = where.notice ? [where.notice] : [];
  notebook.cells.forEach((cell) => {
    const meta = nbgraderOf(cell);
    if (meta && isLocked(cell) && meta.checksum && computeChecksum(cell) !== meta.checksum) {
      lines.push(`⚠ a célula "${meta.grade_id}" é somente leitura e foi alterada: na correção ela volta ao original.`);
    }
  });
  // What the grader would refuse before running (tools/grading/student-code-rules.ts).
  const codeCells = notebook.cells.flatMap((cell, index) =>
    cell.cell_type === "code"
      ? [{ index, source: textOf(cell.source), student: isSolution(cell) || nbgraderOf(cell) === undefined, test: isAutogradedTest(cell) }]
      : [],
  );
  for (const construct of findForbiddenConstructs(codeCells)) {
    const id = nbgraderOf(notebook.cells[construct.cellIndex]!)?.grade_id;
    lines.push(`⚠ ${id ? `resposta "${id}"` : `célula ${construct.cellIndex + 1}`}, linha ${construct.line}: ${construct.message} — na correção esta célula seria recusada (não roda, e os testes dela valem zero).`);
  }
  const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-validar-"));
  try {
    const report = await runCells({
      input: where.notebook,
      reportFile: path.join(work, "relatorio.json"),
      cwd: where.cwd,
      cellTimeoutSeconds: options.cellTimeoutSeconds ?? 120,
      totalTimeoutSeconds: options.totalTimeoutSeconds ?? 600,
    });
    const scores = scoreCells(notebook, report);
    for (const score of scores) {
      if (score.status === "ok") {
        lines.push(`✔ ${score.gradeId}: passou (${score.maxPoints} ponto(s))`);
      } else {
        const firstError = score.errorText.split("\n").find((line) => /Error|error/.test(line)) ?? score.errorText.split("\n")[0] ?? "";
        lines.push(`✘ ${score.gradeId}: ${score.status === "error" ? "falhou" : score.status}${firstError ? ` — ${firstError.trim()}` : ""}`);
      }
    }
    if (report.status !== "ok") lines.push(`✘ ${report.reason}`);
    const points = scores.reduce((sum, score) => sum + score.points, 0);
    const maxPoints = scores.reduce((sum, score) => sum + score.maxPoints, 0);
    const allPassed = report.status === "ok" && scores.every((score) => score.status === "ok");
    lines.push(
      allPassed
        ? `Todos os testes visíveis passaram (${points} de ${maxPoints} pontos). A correção final roda também testes ocultos.`
        : `${points} de ${maxPoints} pontos nos testes visíveis. Corrija o que falhou e valide de novo.`,
    );
    return { allPassed, points, maxPoints, text: lines.join("\n") };
  } finally {
    await rm(work, { recursive: true, force: true });
    await where.remove();
  }
}
