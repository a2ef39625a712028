/**
 * Runs one peer in its own process (so that its peak RSS is its own), one after another,
 * and reads back the result file it writes. A peer that is not there (no venv, the
 * framework does not import, tfjs-node's native binding does not load) comes back as
 * `skipped` with the reason; one that crashes comes back as `failed`.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runProcess } from "@redes-neurais/lib/ferramentas";
import { paths, projectRoot } from "../project.mjs";
import type { PeerId, PeerResult } from "./peer-result";
import type { PeerWorkload } from "./workloads";

const peersFolder = path.join(projectRoot, "tools", "bench", "peers");

/** The Python script of each Python peer. */
const PYTHON_PEER_SCRIPTS: Partial<Record<PeerId, string>> = {
  keras: path.join(peersFolder, "keras_peer.py"),
  pytorch: path.join(peersFolder, "torch_peer.py"),
};

interface PeerProcess {
  peer: PeerId;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface PeerProcessOptions {
  /** The venv's Python (default: the project's, see tools/project.mjs). */
  python?: string;
  /** Other scripts for the Python peers (tests use stand-ins). */
  pythonScripts?: Partial<Record<PeerId, string>>;
}

/**
 * How to start a peer, or why it cannot start (a string: the skip reason).
 * The plan and result files are appended to `args`.
 */
function peerProcess(peer: PeerId, options: PeerProcessOptions = {}): PeerProcess | string {
  if (peer === "tfjs-node" || peer === "tfjs-node-publicado" || peer === "tfjs-cpu") {
    return {
      peer,
      command: process.execPath,
      args: ["--import", "tsx", path.join(peersFolder, "tfjs-peer.ts")],
      env: {
        REDES_NEURAIS_BACKEND: peer === "tfjs-cpu" ? "cpu" : "tensorflow",
        REDES_NEURAIS_SEM_ACELERACAO: peer === "tfjs-node-publicado" ? "1" : "0",
        REDES_NEURAIS_QUIET: "1",
        TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? "2",
      },
    };
  }
  const python = options.python ?? paths.venvPython;
  if (!existsSync(python)) {
    return `o Python do venv não existe (${path.relative(projectRoot, python) || python}): rode \`npm run setup\``;
  }
  const script = options.pythonScripts?.[peer] ?? PYTHON_PEER_SCRIPTS[peer];
  if (!script) return `par desconhecido: ${peer}`;
  return { peer, command: python, args: [script], env: { TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? "2" } };
}

/** The last lines of a process's stderr, for a failure message. */
function tail(text: string, lines = 15): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Runs the peer's process on `plan` and returns its result (never throws for the peer's own failures). */
export async function runPeer(peer: PeerId, plan: PeerWorkload[], options: PeerProcessOptions = {}): Promise<PeerResult> {
  const how = peerProcess(peer, options);
  if (typeof how === "string") return { peer, status: "skipped", reason: how };
  const folder = await mkdtemp(path.join(tmpdir(), "redes-neurais-bench-"));
  try {
    const planFile = path.join(folder, "plano.json");
    const resultFile = path.join(folder, "resultado.json");
    await writeFile(planFile, JSON.stringify(plan, null, 2));
    const started = performance.now();
    const run = await runProcess(how.command, [...how.args, planFile, resultFile], {
      cwd: projectRoot,
      env: { ...process.env, ...how.env },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    let result: PeerResult;
    try {
      result = JSON.parse(await readFile(resultFile, "utf8")) as PeerResult;
    } catch {
      return {
        peer,
        status: "failed",
        reason: `o processo terminou sem resultado (código ${run.exitCode}, sinal ${run.signal}). Fim da saída de erro:\n${tail(run.stderr)}`,
      };
    }
    if (result.status !== "ok") return { ...result, peer };
    if (result.peer !== peer) {
      // tfjs-node asked for, but the library fell back to the pure-JS backend.
      return { peer, status: "skipped", reason: `pedi ${peer}, mas o backend ativo foi ${result.versions.backend ?? result.peer}` };
    }
    return { ...result, wallSeconds };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
