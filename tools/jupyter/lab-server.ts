/**
 * The course's JupyterLab (`tools/lab.ts`, what `npm start` runs) started by a test: on
 * 127.0.0.1, a free port, a fresh token, in a process group of its own, and with a marker
 * variable in its environment that its kernels (which Jupyter starts in sessions of their
 * own) and everything they start inherit — so that `stop()` can end them all, whatever
 * state the test left them in.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { findProcesses } from "@redes-neurais/lib/ferramentas";
import { projectRoot } from "../project.mjs";

/** A free TCP port on 127.0.0.1 (the kernel chooses it; it is free when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("sem porta"))));
    });
  });
}

/** Waits until `url` answers 2xx; fails early when `child` ends, with what it printed. */
export async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`o JupyterLab terminou (código ${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`o JupyterLab não respondeu em ${timeoutMs / 1000} s:\n${log()}`);
}

export interface LabServerOptions {
  /** The folder JupyterLab shows (its root_dir). */
  rootDir: string;
  /** A scratch folder of this server: JupyterLab's user settings and workspaces go there. */
  stateDir: string;
  /** Variables for the server and, through it, for the kernels (e.g. REDES_NEURAIS_FAST). */
  env?: NodeJS.ProcessEnv;
  /**
   * JupyterLab user settings, by file: `{"@jupyterlab/notebook-extension/tracker": {...}}`
   * becomes `<stateDir>/settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings`.
   */
  settings?: Record<string, unknown>;
  /** Extra `jupyter lab` arguments. */
  args?: string[];
  startTimeoutMs?: number;
}

export interface LabServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  token: string;
  /** `baseUrl + pathAndQuery`, with the token added to the query. */
  url(pathAndQuery: string): string;
  /** What the server printed so far. */
  log(): string;
  /** Live processes of this server: the server itself, its kernels and their children. */
  processes(): number[];
  /** Ends the kernels and the server (politely, then by SIGKILL); never throws. */
  stop(): Promise<void>;
}

export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const marker = randomBytes(12).toString("hex");
  const settingsDir = path.join(options.stateDir, "settings");
  const workspacesDir = path.join(options.stateDir, "workspaces");
  for (const folder of [settingsDir, workspacesDir]) await mkdir(folder, { recursive: true });
  for (const [name, value] of Object.entries(options.settings ?? {})) {
    const file = path.join(settingsDir, `${name}.jupyterlab-settings`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(value, null, 2));
  }
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(projectRoot, "tools", "lab.ts"),
      "--no-browser",
      `--ServerApp.port=${port}`,
      "--ServerApp.port_retries=0",
      `--ServerApp.root_dir=${options.rootDir}`,
      ...(options.args ?? []),
    ],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        ...options.env,
        JUPYTER_TOKEN: token,
        JUPYTERLAB_SETTINGS_DIR: settingsDir,
        JUPYTERLAB_WORKSPACES_DIR: workspacesDir,
        [markerVariable]: marker,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // A process group of its own: node (tools/lab.ts) and jupyter end together.
      detached: true,
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = (pathAndQuery: string) => `${baseUrl}${pathAndQuery}${pathAndQuery.includes("?") ? "&" : "?"}token=${token}`;
  let stopped: Promise<void> | undefined;
  const server: LabServer = {
    baseUrl,
    token,
    url,
    log: () => output,
    processes: () => markedProcesses(marker),
    stop: () => (stopped ??= stopServer(child, url, marker)),
  };
  try {
    await waitForServer(url("/api/status"), child, () => output, options.startTimeoutMs ?? 90_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The variable that marks a test server's processes (its value is unique to the server). */
const markerVariable = "REDES_NEURAIS_TEST_LAB";

async function stopServer(child: ChildProcess, url: (path: string) => string, marker: string): Promise<void> {
  // Politely first: the server shuts its kernels down and exits.
  if (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(url("/api/shutdown"), { method: "POST", signal: AbortSignal.timeout(5_000) });
    } catch {
      // Not answering: the signals below do it.
    }
    if (!(await exited(child, 10_000))) signalGroup(child, "SIGTERM");
    if (!(await exited(child, 5_000))) signalGroup(child, "SIGKILL");
    await exited(child, 5_000);
  }
  // Kernels run in sessions of their own: find them (and what they started) by the marker.
  for (const pid of markedProcesses(marker)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // not a group leader, or gone
    }
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  signalGroup(child, "SIGKILL"); // anything left in the server's own group
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The live processes carrying the server's mark in their environment (Linux; elsewhere none are seen). */
function markedProcesses(marker: string): number[] {
  return findProcesses({ environment: { name: markerVariable, value: marker } }).map((found) => found.pid);
}

/** Shuts down every kernel of the server (REST API); returns how many there were. */
export async function shutdownAllKernels(server: LabServer): Promise<number> {
  const kernels = (await (await fetch(server.url("/api/kernels"))).json()) as { id: string }[];
  for (const kernel of kernels) {
    await fetch(server.url(`/api/kernels/${kernel.id}`), { method: "DELETE", signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
  }
  return kernels.length;
}
