/**
 * Where a benchmark ran: the machine (CPU model, cores, memory, load average), the date
 * and the project's git commit. The frameworks' versions come from each peer's process.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { projectRoot } from "../project.mjs";

export interface BenchEnvironment {
  date: string;
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  /** 1, 5 and 15 minute load averages when the suite started (another heavy process shows here). */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  gitCommit: string | null;
  /** Uncommitted changes in the working tree when the suite ran. */
  gitDirty: boolean | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function describeEnvironment(now = new Date()): BenchEnvironment {
  const status = git(["status", "--porcelain"]);
  return {
    date: now.toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model ?? "desconhecido",
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    gitCommit: git(["rev-parse", "HEAD"]),
    gitDirty: status === null ? null : status.length > 0,
  };
}
