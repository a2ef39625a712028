/**
 * Notebook-level figures: how long the tslab kernel takes to start (to its first idle),
 * the median latency of a course notebook's cells (executed in fast mode by the
 * project's own executor, tools/jupyter/), and the time `npm run handouts` takes to build
 * every handout (full mode, into a temporary folder).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { executeNotebook } from "../jupyter/execute-notebook";
import { listCourseNotebooks, selectNotebooks } from "../notebooks/course-notebooks";
import { projectRoot } from "../project.mjs";
import { summarize, type Summary } from "./statistics";

/** The notebooks whose cells are timed (light cells, and a training notebook). */
const LATENCY_NOTEBOOKS = ["01", "05"];

interface NotebookTiming {
  notebook: string;
  kernelStartSeconds: number;
  executionSeconds: number;
  cellSeconds: number[];
  cellLatency: Summary;
}

export interface NotebookFigures {
  status: "ok";
  mode: "rápido (REDES_NEURAIS_FAST=1)";
  notebooks: NotebookTiming[];
  kernelStart: Summary;
  /** Over the cells of all the notebooks together. */
  cellLatency: Summary;
}

export interface HandoutTiming {
  status: "ok";
  totalSeconds: number;
  notebooks: { notebook: string; seconds: number }[];
}

export interface SkippedFigure {
  status: "skipped" | "failed";
  reason: string;
}

/** Executes each notebook once in a fresh kernel and collects its timings. */
export async function measureNotebooks(names: readonly string[] = LATENCY_NOTEBOOKS): Promise<NotebookFigures | SkippedFigure> {
  const chosen = selectNotebooks(await listCourseNotebooks(), names);
  const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-nb-"));
  try {
    const notebooks: NotebookTiming[] = [];
    for (const notebook of chosen) {
      const report = await executeNotebook({
        input: notebook.file,
        output: path.join(folder, path.basename(notebook.file)),
        env: { REDES_NEURAIS_FAST: "1", REDES_NEURAIS_BACKEND: "tensorflow" },
      });
      const cellSeconds = report.cells.map((cell) => cell.seconds);
      notebooks.push({
        notebook: notebook.name,
        kernelStartSeconds: report.kernelStartSeconds ?? Number.NaN,
        executionSeconds: report.seconds ?? Number.NaN,
        cellSeconds,
        cellLatency: summarize(cellSeconds),
      });
    }
    return {
      status: "ok",
      mode: "rápido (REDES_NEURAIS_FAST=1)",
      notebooks,
      kernelStart: summarize(notebooks.map((timing) => timing.kernelStartSeconds)),
      cellLatency: summarize(notebooks.flatMap((timing) => timing.cellSeconds)),
    };
  } catch (error) {
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The per-notebook lines of `npm run handouts` ("✓ 01_nome: 12,3 s (kernel …"), with
 * pt-BR decimals.
 */
export function parseHandoutLines(stdout: string): { notebook: string; seconds: number }[] {
  const found: { notebook: string; seconds: number }[] = [];
  for (const line of stdout.split("\n")) {
    const match = /^✓ (\S+): ([\d.]*\d(?:,\d+)?) s\b/.exec(line);
    if (match) found.push({ notebook: match[1]!, seconds: Number(match[2]!.replace(/\./g, "").replace(",", ".")) });
  }
  return found;
}

/** Runs `npm run handouts`' builder (full mode) into a temporary folder, which it removes. */
export async function measureHandouts(): Promise<HandoutTiming | SkippedFigure> {
  const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-apostilas-"));
  try {
    const started = performance.now();
    const run = await runProcess(process.execPath, ["--import", "tsx", path.join("tools", "handouts", "build.ts"), "--output", folder], {
      cwd: projectRoot,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? "2" },
    });
    const totalSeconds = (performance.now() - started) / 1000;
    if (run.exitCode !== 0) {
      const tail = (run.stderr + run.stdout).trimEnd().split("\n").slice(-15).join("\n");
      return { status: "failed", reason: `npm run handouts terminou com código ${run.exitCode}:\n${tail}` };
    }
    return { status: "ok", totalSeconds, notebooks: parseHandoutLines(run.stdout) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
