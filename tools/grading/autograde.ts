/**
 * Grades every submission of one assignment: rebuilds each graded notebook from the
 * source (assemble-submission.ts), runs it in a fresh, isolated kernel (sandbox.ts) with
 * per-cell and total time limits, scores the test cells, and writes the gradebook CSV
 * and one feedback page per student (publish-grades.ts, which also merges the class's
 * roster, timestamps, late rule and manual adjustments). A bad submission (not JSON, no
 * cells, endless loop, memory exhausted, dead kernel) gets a row with its status and
 * reason; the others are graded all the same.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { kernelName, projectRoot } from "../project.mjs";
import { type Notebook, readNotebook, serializeNotebook } from "../notebooks/notebook-format";
import { assembleSubmission } from "./assemble-submission";
import { assertValidMetadata } from "./check-metadata";
import { saveAutomaticResults } from "./automatic-results";
import type { ClassRow } from "./class-gradebook";
import { type ClassFlags, loadClassOptions } from "./class-options";
import type { GradebookRow } from "./gradebook-csv";
import { publishGrades } from "./publish-grades";
import { readSubmissionTimestamp } from "./submission-timestamp";
import { type CellsReport, runCells } from "./run-cells";
import { createSandbox, sandboxKernelName, sandboxProblem, SandboxUnavailableError } from "./sandbox";
import { type CellScore, gradedCells, scoreCells } from "./score";
import { checkedNotebook, reasonWithCellNames, type TamperFinding, tamperingReason } from "./tamper-check";
import { mapWithWorkers } from "./worker-pool";

export interface AutogradeOptions {
  assignment: string;
  /** The instructor's notebook (solutions, hidden tests). */
  sourceNotebook: string;
  /** A folder with one notebook per student: `<aluno>.ipynb` or `<aluno>/<tarefa>.ipynb`. */
  submissions: string;
  /** Where gradebook.csv and feedback/<aluno>.html go. */
  outputDir: string;
  workers?: number;
  cellTimeoutSeconds?: number;
  totalTimeoutSeconds?: number;
  memoryMb?: number;
  /** Run the notebooks in fast mode (REDES_NEURAIS_FAST=1). */
  fast?: boolean;
  /** false: no sandbox (machines without bubblewrap); the kernel sees the whole machine. */
  isolate?: boolean;
  /** Roster, manual adjustments and late rule (class-options.ts); checked before any submission runs. */
  class?: ClassFlags;
  /** Feedback shows hidden tests (after the deadline). */
  revealHidden?: boolean;
  /** The grade column's name in canvas.csv and moodle.csv (default: the assignment). */
  lmsColumn?: string;
  /** Called when a submission is done. */
  onGraded?: (row: GradedSubmission) => void;
}

export interface GradedSubmission extends GradebookRow {
  scores: CellScore[];
  notes: string[];
  seconds: number;
}

export interface AutogradeResult {
  rows: GradedSubmission[];
  gradebookFile: string;
  feedbackDir: string;
  /** The gradebook's rows with the class rules applied (every rostered student included). */
  classRows: ClassRow[];
  canvasFile: string;
  moodleFile: string;
  seconds: number;
}

interface Submission {
  student: string;
  file: string;
}

/** `aluno.ipynb` files and `aluno/<tarefa>.ipynb` (or nbgrader's `aluno/<tarefa>/<tarefa>.ipynb`). */
function findSubmissions(folder: string, assignment: string): Submission[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`A pasta de entregas ${folder} não existe. Esperava uma pasta com um notebook por aluno (aluno.ipynb).`);
  }
  const found: Submission[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith(".ipynb")) {
      found.push({ student: entry.name.slice(0, -".ipynb".length), file: full });
    } else if (entry.isDirectory()) {
      for (const candidate of [path.join(full, `${assignment}.ipynb`), path.join(full, assignment, `${assignment}.ipynb`)]) {
        if (existsSync(candidate)) {
          found.push({ student: entry.name, file: candidate });
          break;
        }
      }
    }
  }
  return found.sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
}

function parseSubmission(text: string): { cells: unknown[] } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `a entrega não é JSON válido (${(error as Error).message}); não é um notebook que o Jupyter abra.` };
  }
  if (typeof data !== "object" || data === null || !Array.isArray((data as { cells?: unknown }).cells)) {
    return { problem: 'a entrega é JSON mas não um notebook (falta a lista "cells").' };
  }
  const notebook = data as { nbformat?: unknown; cells: unknown[] };
  if (notebook.nbformat !== 4) return { problem: `esperava um notebook no formato 4; veio nbformat ${JSON.stringify(notebook.nbformat)}.` };
  return { cells: notebook.cells };
}

export async function autograde(options: AutogradeOptions): Promise<AutogradeResult> {
  const started = performance.now();
  const source = await readNotebook(options.sourceNotebook);
  assertValidMetadata(source, options.sourceNotebook);
  const isolate = options.isolate ?? true;
  if (isolate) {
    const problem = sandboxProblem();
    if (problem) {
      throw new SandboxUnavailableError(
        `Não dá para isolar as entregas: ${problem} Sem isolamento (só em máquina de confiança): --sem-isolamento.`,
      );
    }
  }
  const outputDir = path.resolve(options.outputDir);
  const submissionsDir = path.resolve(options.submissions);
  if (outputDir === submissionsDir || outputDir.startsWith(submissionsDir + path.sep)) {
    throw new Error(`A pasta de saída (${outputDir}) não pode ficar dentro da pasta de entregas (${submissionsDir}).`);
  }
  const submissions = findSubmissions(submissionsDir, options.assignment);
  const gradeIds = gradedCells(source).map((cell) => cell.gradeId);
  const maxTotal = gradedCells(source).reduce((sum, cell) => sum + cell.maxPoints, 0);
  const classOptions = await loadClassOptions(options.class ?? {}, submissions.map((submission) => submission.student), gradeIds);
  const submittedAt = new Map<string, Date | null>();
  for (const submission of submissions) submittedAt.set(submission.student, await readSubmissionTimestamp(submission.file, submissionsDir));
  // Sandboxes live in /tmp with isolation (bwrap shows them under the project); without
  // it, inside the project so that the kernel finds node_modules.
  const runFolder = await mkdtemp(isolate ? path.join(tmpdir(), "redes-neurais-correcao-") : path.join(projectRoot, ".grading-work-"));
  await chmod(runFolder, 0o711);
  const passEnv: Record<string, string> = { REDES_NEURAIS_FAST: options.fast ? "1" : "" };
  // Notebooks identical after assembly and checks (e.g. every answer refused) run once.
  const runs = new Map<string, Promise<CellsReport>>();
  if (process.env.REDES_NEURAIS_BACKEND) passEnv["REDES_NEURAIS_BACKEND"] = process.env.REDES_NEURAIS_BACKEND;
  try {
    const rows = await mapWithWorkers(submissions, options.workers ?? 2, async (submission, slot) => {
      const row = await gradeOne(submission, slot);
      options.onGraded?.(row);
      return row;
    });
    const graded = rows.map((row) => ({ ...row, submittedAt: submittedAt.get(row.student) ?? null }));
    await saveAutomaticResults(outputDir, options.assignment, graded);
    const published = await publishGrades({
      assignment: options.assignment, source, rows: graded, outputDir, classOptions,
      revealHidden: options.revealHidden ?? false, lmsColumn: options.lmsColumn ?? options.assignment,
    });
    return {
      rows, gradebookFile: published.gradebookFile, feedbackDir: published.feedbackDir, classRows: published.rows,
      canvasFile: published.canvasFile, moodleFile: published.moodleFile, seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(runFolder, { recursive: true, force: true });
  }

  async function gradeOne(submission: Submission, slot: number): Promise<GradedSubmission> {
    const began = performance.now();
    const base = { student: submission.student, assignment: options.assignment, maxTotal };
    const zero = (status: string, reason: string, notes: string[] = []): GradedSubmission => ({
      ...base, points: Object.fromEntries(gradeIds.map((id) => [id, 0])), total: 0, status, reason, scores: [], notes,
      seconds: (performance.now() - began) / 1000,
    });
    let text: string;
    try {
      text = await readFile(submission.file, "utf8");
    } catch (error) {
      return zero("unreadable", `não foi possível ler a entrega (${(error as Error).message}).`);
    }
    const parsed = parseSubmission(text);
    if ("problem" in parsed) return zero("invalid-notebook", parsed.problem);
    const assembled = assembleSubmission(source, parsed.cells);
    const notes = assembled.notes;
    let notebook: Notebook;
    let findings: TamperFinding[];
    try {
      ({ notebook, findings } = checkedNotebook(assembled.notebook, source));
    } catch (error) {
      return zero("grader-error", `erro do corretor ao verificar o código: ${(error as Error).message}`, notes);
    }
    const serialized = serializeNotebook(notebook);
    let run = runs.get(serialized);
    if (!run) {
      run = runGraded(serialized, slot);
      runs.set(serialized, run);
    }
    const report = await run;
    const scores = scoreCells(notebook, report);
    const total = scores.reduce((sum, score) => sum + score.points, 0);
    const runReason = report.status === "ok" ? "" : reasonWithCellNames(report.reason || report.status, notebook);
    return {
      ...base,
      points: Object.fromEntries(scores.map((score) => [score.gradeId, score.points])),
      total,
      status: findings.length > 0 ? "tampering" : report.status,
      reason: findings.length > 0 ? [tamperingReason(findings), runReason].filter(Boolean).join(" ") : runReason,
      scores,
      notes,
      seconds: (performance.now() - began) / 1000,
    };
  }

  /** Runs one graded notebook in a fresh kernel (in its sandbox unless isolation is off). */
  async function runGraded(serialized: string, slot: number): Promise<CellsReport> {
    try {
      const sandbox = isolate
        ? await createSandbox({ runFolder, slot, memoryMb: options.memoryMb ?? 1536, passEnv })
        : await plainFolders(runFolder, slot);
      const gradedFile = path.join(sandbox.privateDir, "corrigido.ipynb");
      await writeFile(gradedFile, serialized);
      return await runCells({
        input: gradedFile,
        reportFile: path.join(sandbox.privateDir, "relatorio.json"),
        kernel: isolate ? sandboxKernelName : kernelName,
        cwd: sandbox.workDir,
        ipcDir: isolate ? sandbox.workDir : undefined,
        cellTimeoutSeconds: options.cellTimeoutSeconds ?? 60,
        totalTimeoutSeconds: options.totalTimeoutSeconds ?? 300,
        env: isolate ? sandbox.runnerEnv : { ...sandbox.runnerEnv, ...passEnv, NODE_OPTIONS: `--max-old-space-size=${options.memoryMb ?? 1536}` },
      });
    } catch (error) {
      return { status: "grader-error", reason: `erro do corretor: ${(error as Error).message}`, seconds: null, kernelStartSeconds: null, cells: [] };
    } finally {
      await rm(path.join(runFolder, `trabalho-${slot}`), { recursive: true, force: true });
      await rm(path.join(runFolder, `privado-${slot}`), { recursive: true, force: true });
    }
  }
}

async function plainFolders(runFolder: string, slot: number): Promise<{ privateDir: string; workDir: string; runnerEnv: Record<string, string> }> {
  const privateDir = path.join(runFolder, `privado-${slot}`);
  const workDir = path.join(runFolder, `trabalho-${slot}`);
  await mkdir(privateDir, { recursive: true });
  await mkdir(workDir, { recursive: true });
  return { privateDir, workDir, runnerEnv: {} };
}

