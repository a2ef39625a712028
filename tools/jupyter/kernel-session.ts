/**
 * A scripted session with a real `redes-neurais` kernel (tslab), through
 * `kernel_session.py` (jupyter_client) with the venv's Python and the project's Jupyter
 * environment: cells sent without waiting, interrupts (SIGINT, as JupyterLab's stop
 * button), and every message the kernel sends, timed and labelled with its cell.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { jupyterEnv, kernelName, paths, projectRoot } from "../project.mjs";
import { runProcess } from "@redes-neurais/lib/ferramentas";

const sessionScript = path.join(projectRoot, "tools", "jupyter", "kernel_session.py");

export type SessionStep =
  | { op: "execute"; label: string; code: string; wait?: boolean; timeout?: number }
  | { op: "wait_for_output"; label: string; text: string; timeout?: number }
  | { op: "wait_reply"; label: string; timeout?: number }
  | { op: "interrupt" }
  | { op: "sleep"; seconds: number };

/** One message from the kernel; `t` in seconds since the kernel started. */
interface SessionEvent {
  t: number;
  channel: "iopub" | "shell";
  type: string;
  /** The label of the cell that caused it (`null`: none of ours, e.g. the start-up status). */
  cell: string | null;
  name?: string;
  text?: string;
  state?: string;
  status?: string;
}

export interface SessionReport {
  events: SessionEvent[];
  steps: { op: string; label: string | null; t: number }[];
  alive: boolean;
  error: string | null;
}

/** Runs the steps in a fresh kernel started in notebooks/ and reports what happened. */
export async function runKernelSession(steps: SessionStep[], env: NodeJS.ProcessEnv = {}): Promise<SessionReport> {
  const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-session-"));
  try {
    const scriptFile = path.join(work, "script.json");
    const reportFile = path.join(work, "report.json");
    await writeFile(scriptFile, JSON.stringify({ kernel: kernelName, cwd: paths.notebooks, startup_timeout: 60, steps }));
    const result = await runProcess(paths.venvPython, [sessionScript, scriptFile, reportFile], { env: { ...jupyterEnv(), ...env }, echoStderr: process.env.REDES_NEURAIS_ECHO_KERNEL === "1" });
    try {
      return JSON.parse(await readFile(reportFile, "utf8")) as SessionReport;
    } catch {
      throw new Error(
        `kernel_session.py terminou sem relatório (código ${result.exitCode}, sinal ${result.signal}). ` +
          `Saída de erro:\n${result.stderr.trim()}\nConfira o venv e rode \`npm run setup\`.`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Everything the cell `label` wrote on its streams (stdout and stderr). */
export function cellText(report: SessionReport, label: string): string {
  return report.events
    .filter((event) => event.cell === label && event.type === "stream")
    .map((event) => event.text ?? "")
    .join("");
}

/** When the cell `label` got its reply (seconds), and with which status. */
export function cellReply(report: SessionReport, label: string): { t: number; status: string } | undefined {
  const reply = report.events.find((event) => event.cell === label && event.type === "execute_reply");
  return reply === undefined ? undefined : { t: reply.t, status: reply.status ?? "" };
}

/** When the kernel went idle after the cell `label` (seconds): its last message on iopub. */
export function cellIdle(report: SessionReport, label: string): number | undefined {
  return report.events.find((event) => event.cell === label && event.type === "status" && event.state === "idle")?.t;
}
