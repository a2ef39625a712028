/**
 * Runs tools/grading/run_cells.py (every code cell, continuing after errors) with the
 * venv's Python and returns its report. The process is killed if it outlives the time
 * limits by a margin (a kernel that ignores shutdown, a hung Jupyter).
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
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
  const stderr: Buffer[] = [];
  const outcome = await new Promise<{ code: number | null; signal: string | null; killed: boolean }>((resolve, reject) => {
    const child = spawn(paths.venvPython, args, {
      env: { ...jupyterEnv(), ...options.env },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true, // its own process group, so that a kill reaches the kernel too
    });
    let killed = false;
    const limit = (options.totalTimeoutSeconds + startup + 30) * 1000;
    const timer = setTimeout(() => {
      killed = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, limit);
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, killed });
    });
  });
  try {
    return JSON.parse(await readFile(options.reportFile, "utf8")) as CellsReport;
  } catch {
    const tail = Buffer.concat(stderr).toString("utf8").trim().split("\n").slice(-8).join("\n");
    return {
      status: "grader-error",
      reason: outcome.killed
        ? "A correção passou muito do tempo total e foi interrompida."
        : `O executor terminou sem relatório (código ${outcome.code}, sinal ${outcome.signal}). ${tail}`,
      seconds: null,
      kernelStartSeconds: null,
      cells: [],
    };
  }
}
