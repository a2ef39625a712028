/**
 * The automatic results of a grading run, saved beside the gradebook
 * (`resultados-automaticos.json`) so that `assignments:gradebook` (cli.ts) can merge a
 * new roster, new manual adjustments or a new late rule, and write the gradebook,
 * feedback and LMS exports again, without running any submission again.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { ClassFileError } from "./class-file-error";
import type { GradedRow } from "./publish-grades";

const automaticResultsFileName = "resultados-automaticos.json";

interface SavedResults {
  format: "redes-neurais/resultados-automaticos";
  version: 1;
  assignment: string;
  rows: (Omit<GradedRow, "submittedAt"> & { submittedAt: string | null })[];
}

function automaticResultsFile(outputDir: string): string {
  return path.join(outputDir, automaticResultsFileName);
}

export async function saveAutomaticResults(outputDir: string, assignment: string, rows: readonly GradedRow[]): Promise<string> {
  const file = automaticResultsFile(outputDir);
  const saved: SavedResults = {
    format: "redes-neurais/resultados-automaticos",
    version: 1,
    assignment,
    rows: [...rows]
      .sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))
      .map((row) => ({
        student: row.student, assignment: row.assignment, points: row.points, total: row.total, maxTotal: row.maxTotal,
        status: row.status, reason: row.reason, scores: row.scores, notes: row.notes,
        submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
      })),
  };
  await writeFileAtomically(file, JSON.stringify(saved, null, 1) + "\n");
  return file;
}

/** @throws {ClassFileError} when the file is missing (no grading yet) or is not from this assignment. */
export async function loadAutomaticResults(outputDir: string, assignment: string): Promise<GradedRow[]> {
  const file = automaticResultsFile(outputDir);
  let saved: SavedResults;
  try {
    saved = JSON.parse(await readFile(file, "utf8")) as SavedResults;
  } catch (error) {
    throw new ClassFileError(file, null, `não consegui ler os resultados da correção (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Rode antes npm run assignments:autograde -- ${assignment} <pasta-de-entregas> (com a mesma --saida).`);
  }
  if (saved.format !== "redes-neurais/resultados-automaticos" || saved.version !== 1 || !Array.isArray(saved.rows)) {
    throw new ClassFileError(file, null, "não é um arquivo de resultados do corretor do curso. Corrija as entregas de novo com assignments:autograde.");
  }
  if (saved.assignment !== assignment) {
    throw new ClassFileError(file, null, `guarda a correção da tarefa ${JSON.stringify(saved.assignment)}, não de ${JSON.stringify(assignment)}. Confira a tarefa e a --saida.`);
  }
  return saved.rows.map((row) => ({ ...row, submittedAt: row.submittedAt === null ? null : new Date(row.submittedAt) }));
}
