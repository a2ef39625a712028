/**
 * Executes one notebook in a fresh `redes-neurais` kernel (tslab) through
 * `execute_notebook.py` (nbclient) with the venv's Python and the project's Jupyter
 * environment, and returns what happened: the timings, or the failing cell with the
 * kernel's error text.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { jupyterEnv, kernelName, paths, projectRoot } from "../project.mjs";
import { runProcess } from "@redes-neurais/lib/ferramentas";

const executorScript = path.join(projectRoot, "tools", "jupyter", "execute_notebook.py");

export interface ExecuteOptions {
  /** The notebook to run. */
  input: string;
  /** Where the executed notebook goes (written only if every cell passed). */
  output: string;
  /** Seconds a cell may run (default 600). */
  cellTimeoutSeconds?: number;
  /** Seconds the kernel may take to start (default 60). */
  startupTimeoutSeconds?: number;
  /** Variables for the kernel, over `jupyterEnv()`. */
  env?: NodeJS.ProcessEnv;
  /** Pass the kernel's own stderr (TensorFlow logs, crashes) through to ours. */
  echoKernelStderr?: boolean;
}

type ExecutionStatus = "ok" | "cell-error" | "cell-timeout" | "kernel-died" | "kernel-start-failed";

/** The JSON report written by execute_notebook.py. */
export interface ExecutionReport {
  status: ExecutionStatus;
  notebook: string;
  kernelStartSeconds: number | null;
  seconds: number | null;
  cells: { index: number; executionCount: number; seconds: number }[];
  failure?: {
    /** Position of the cell in the notebook, from 0 (markdown cells count). */
    cellIndex: number | null;
    /** The `In [n]` the cell has in a full run. */
    executionCount: number | null;
    source: string | null;
    /** What tslab printed on the cell's stderr (type errors and exceptions alike). */
    errorText: string;
    message: string;
  };
}

/** A notebook did not run to its end. */
export class NotebookExecutionError extends Error {
  override name = "NotebookExecutionError";
  constructor(
    readonly report: ExecutionReport,
    readonly displayPath: string,
    /** The executor's and kernel's own stderr (TensorFlow logs, native crashes). */
    readonly processStderr = "",
  ) {
    super(describeFailure(report, displayPath, processStderr));
  }
}

export function isNotebookExecutionError(error: unknown): error is NotebookExecutionError {
  return error instanceof NotebookExecutionError;
}

/**
 * Runs the notebook; resolves with the report when every cell passed and rejects with
 * a NotebookExecutionError (carrying the report) otherwise.
 */
export async function executeNotebook(options: ExecuteOptions, displayPath = options.input): Promise<ExecutionReport> {
  const workFolder = await mkdtemp(path.join(tmpdir(), "redes-neurais-exec-"));
  const reportFile = path.join(workFolder, "report.json");
  try {
    const args = [
      executorScript,
      options.input,
      options.output,
      "--report",
      reportFile,
      "--kernel",
      kernelName,
      "--cell-timeout",
      String(options.cellTimeoutSeconds ?? 600),
      "--startup-timeout",
      String(options.startupTimeoutSeconds ?? 60),
    ];
    const result = await runProcess(paths.venvPython, args, {
      env: { ...jupyterEnv(), ...options.env },
      echoStderr: options.echoKernelStderr ?? false,
    });
    let report: ExecutionReport;
    try {
      report = JSON.parse(await readFile(reportFile, "utf8")) as ExecutionReport;
    } catch {
      throw new Error(
        `O executor de notebooks terminou sem relatório (código ${result.exitCode}, sinal ${result.signal}) ` +
          `ao rodar ${displayPath}. Esperava ${reportFile}. Saída de erro:\n${result.stderr.trim()}\n` +
          "Confira se o venv existe (.venv/bin/python) e rode `npm run setup`.",
      );
    }
    if (report.status !== "ok") throw new NotebookExecutionError(report, displayPath, result.stderr);
    return report;
  } finally {
    await rm(workFolder, { recursive: true, force: true });
  }
}

/**
 * `notebooks/x.ipynb, célula 4 (In [3]): mensagem`, then the cell's source and tslab's
 * text; when the kernel died or did not start, the end of the processes' stderr.
 */
function describeFailure(report: ExecutionReport, displayPath: string, processStderr = ""): string {
  const failure = report.failure;
  if (!failure) return `${displayPath}: falhou (${report.status}).`;
  const stderrTail =
    (report.status === "kernel-died" || report.status === "kernel-start-failed") && processStderr.trim()
      ? `\nFim da saída de erro do kernel:\n${indent(processStderr.trimEnd().split("\n").slice(-30).join("\n"))}`
      : "";
  if (failure.cellIndex === null) return `${displayPath}: ${failure.message}${stderrTail}`;
  const lines = [
    `${displayPath}, célula ${failure.cellIndex + 1} (In [${failure.executionCount}]): ${failure.message}`,
    "Código da célula:",
    indent(failure.source ?? ""),
  ];
  if (failure.errorText.trim()) {
    lines.push("Erro informado pelo kernel:", indent(failure.errorText.trimEnd()));
  }
  return lines.join("\n") + stderrTail;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
