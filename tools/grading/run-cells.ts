/**
 * Runs tools/grading/run_cells.py (every code cell, continuing after errors) with the
 * venv's Python and returns its report. The process is killed if it outlives the time
 * limits by a margin (a kernel that ignores shutdown, a hung Jupyter).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { jupyterEnv, kernelName, paths, projectRoot } from "../project.mjs";

const runnerScript = path.join(projectRoot, "tools", "grading", "run_cells.py");

export type CellStatus = "ok" | "error" | "timeout" | "kernel-died" | "not-run";
type RunStatus = "ok" | "cell-timeout" | "total-timeout" | "kernel-died" | "kernel-start-failed" | "grader-error";

export interface CellsReport {
  status: RunStatus;
  reason: string;
  seconds: number | null;
  kernelStartSeconds: number | null;
  cells: { index: number; status: CellStatus; seconds: number; errorText: string }[];
}

export interface RunCellsOptions {
  input: string;
  reportFile: string;
  output?: string;
  kernel?: string;
  cwd?: string;
  /**
   * Talk to the kernel over Unix sockets (Jupyter's `ipc` transport) made in this folder
   * instead of local TCP: a kernel without network (tools/grading/sandbox.ts) needs it.
   */
  ipcDir?: string | undefined;
  cellTimeoutSeconds: number;
  totalTimeoutSeconds: number;
  startupTimeoutSeconds?: number;
  env?: Record<string, string>;
}

export async function runCells(options: RunCellsOptions): Promise<CellsReport> {
  const startup = options.startupTimeoutSeconds ?? 60;
  const args = [
    runnerScript, options.input, "--report", options.reportFile,
    "--kernel", options.kernel ?? kernelName,
    "--cell-timeout", String(options.cellTimeoutSeconds),
    "--total-timeout", String(options.totalTimeoutSeconds),
    "--startup-timeout", String(startup),
  ];
  if (options.output) args.push("--output", options.output);
  if (options.cwd) args.push("--cwd", options.cwd);
  if (options.ipcDir) args.push("--ipc-dir", options.ipcDir);
  const outcome = await runProcess(paths.venvPython, args, {
    env: { ...jupyterEnv(), ...options.env },
    timeoutMs: (options.totalTimeoutSeconds + startup + 30) * 1000,
    ownProcessGroup: true, // so that the kill reaches the kernel too
  });
  try {
    return JSON.parse(await readFile(options.reportFile, "utf8")) as CellsReport;
  } catch {
    const tail = outcome.stderr.trim().split("\n").slice(-8).join("\n");
    return {
      status: "grader-error",
      reason: outcome.timedOut
        ? "A correção passou muito do tempo total e foi interrompida."
        : `O executor terminou sem relatório (código ${outcome.exitCode}, sinal ${outcome.signal}). ${tail}`,
      seconds: null,
      kernelStartSeconds: null,
      cells: [],
    };
  }
}
