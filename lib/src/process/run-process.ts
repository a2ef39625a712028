/**
 * Runs a program to its end and collects what it printed: the one way, in the library's
 * tests and in every tool, to spawn a process and read its output. Its standard error can
 * also be passed through to ours as it arrives (kernels print their logs there), while
 * still being collected. With `timeoutMs`, a program that outlives it is killed (SIGKILL),
 * together with everything it started when it runs in its own process group.
 */
import { spawn } from "node:child_process";

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the program was killed for outliving `timeoutMs`. */
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Copy the child's stderr to ours as it arrives (default: false). */
  echoStderr?: boolean;
  /** Kill the program (SIGKILL) after this many milliseconds (default: no limit). */
  timeoutMs?: number;
  /**
   * Start the program in a process group of its own, so that the timeout's kill reaches
   * its children too (a Jupyter kernel under a runner script, for instance).
   */
  ownProcessGroup?: boolean;
}

export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.ownProcessGroup ?? false,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killTree(child.pid, options.ownProcessGroup ?? false, () => child.kill("SIGKILL"));
          }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.echoStderr) process.stderr.write(chunk);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
      });
    });
  });
}

function killTree(pid: number | undefined, wholeGroup: boolean, killChild: () => void): void {
  if (pid !== undefined && wholeGroup) {
    try {
      process.kill(-pid, "SIGKILL");
      return;
    } catch {
      // The group is gone already, or was never made: kill the child alone.
    }
  }
  killChild();
}
