/**
 * Finds live processes by what they were started with: the one process hunter of the
 * library and the tools (Chromium left behind by a figure export, the kernels of a
 * JupyterLab started by a test). Reads Linux's /proc; elsewhere it asks `ps`, which knows
 * arguments and process groups but not environments.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface FoundProcess {
  pid: number;
  /** Process group, or NaN when unknown. */
  pgid: number;
  /** Its command line, one entry per argument (the program first). */
  args: string[];
}

export interface ProcessQuery {
  /** One of its arguments is exactly this. */
  argument?: string;
  /** Its command line (arguments joined by spaces) contains this text. */
  commandLineIncludes?: string;
  /** Its environment has `name=value` (Linux only: elsewhere nothing matches). */
  environment?: { name: string; value: string };
}

const hasProc = (): boolean => existsSync("/proc/self/cmdline");

/**
 * The live processes other than this one that match every field of `query` (all of them
 * for an empty query). Zombies (ended, not yet reaped by their parent) are not live.
 */
export function findProcesses(query: ProcessQuery): FoundProcess[] {
  return hasProc() ? findInProc(query) : findWithPs(query);
}

function matchesArguments(args: readonly string[], query: ProcessQuery): boolean {
  if (query.argument !== undefined && !args.includes(query.argument)) return false;
  if (query.commandLineIncludes !== undefined && !args.join(" ").includes(query.commandLineIncludes)) return false;
  return true;
}

function findInProc(query: ProcessQuery): FoundProcess[] {
  const wantedVariable = query.environment && `${query.environment.name}=${query.environment.value}`;
  const found: FoundProcess[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (args.at(-1) === "") args.pop(); // every argument ends with a NUL
      if (!matchesArguments(args, query)) continue;
      if (wantedVariable !== undefined && !readFileSync(`/proc/${name}/environ`, "latin1").split("\0").includes(wantedVariable)) continue;
      const stat = statFields(Number(name));
      if (stat.state === "Z") continue;
      found.push({ pid: Number(name), pgid: stat.pgid, args });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** State letter and process group from /proc/<pid>/stat. */
function statFields(pid: number): { state: string; pgid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // After "pid (name) ": state, ppid, pgrp, ...; the name may contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", pgid: Number(fields[2]) };
}

/** The process group of `pid` (NaN when unknown). */
export function processGroupOf(pid: number): number {
  if (hasProc()) {
    try {
      return statFields(pid).pgid;
    } catch {
      return Number.NaN;
    }
  }
  try {
    return Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)], { encoding: "utf8", timeout: 5_000 }).trim());
  } catch {
    return Number.NaN;
  }
}

function findWithPs(query: ProcessQuery): FoundProcess[] {
  if (query.environment !== undefined) return [];
  try {
    const listing = execFileSync("ps", ["-A", "-ww", "-o", "pid=,pgid=,stat=,args="], { encoding: "utf8", timeout: 5_000 });
    const found: FoundProcess[] = [];
    for (const line of listing.split("\n")) {
      const [pid, pgid, state, ...args] = line.trim().split(/\s+/);
      if (!pid || Number(pid) === process.pid || !matchesArguments(args, query)) continue;
      if (state?.startsWith("Z")) continue;
      found.push({ pid: Number(pid), pgid: Number(pgid), args });
    }
    return found;
  } catch {
    return [];
  }
}
