/**
 * The benchmark report: every peer's raw repetitions, and per workload the median,
 * minimum and maximum of each peer and the ratio of tfjs-node to each peer; the
 * notebook-level figures; where and when it ran. Written as JSON beside its Markdown
 * table, each atomically.
 */
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import type { BenchEnvironment } from "./environment";
import type { HandoutTiming, NotebookFigures, SkippedFigure } from "./notebook-figures";
import { isMeasured, PEER_IDS, type PeerId, type PeerResult } from "./peer-result";
import { ratio, summarize, type Summary } from "./statistics";
import { samplesPerRepetition, WORKLOAD_IDS, WORKLOAD_LABELS, WORKLOAD_UNITS, type PeerWorkload, type WorkloadId } from "./workloads";

/** One peer's figure for one workload. */
export type PeerFigure =
  | { status: "ok"; summary: Summary; samplesPerRepetition: number; batchSize: number; repetitions: number }
  | { status: "skipped" | "failed"; reason: string };

export interface WorkloadRow {
  id: WorkloadId;
  label: string;
  unit: string;
  peers: Partial<Record<PeerId, PeerFigure>>;
  /** tfjs-node's median over each other peer's (2 = tfjs-node twice as fast); null when one is missing. */
  ratios: Partial<Record<PeerId, number | null>>;
}

export interface BenchReport {
  kind: "redes-neurais-bench";
  version: 1;
  options: { repetitions: number; quick: boolean; peers: PeerId[] };
  environment: BenchEnvironment;
  /** What each peer was asked to run (sizes, warm-up, repetitions). */
  plans: Partial<Record<PeerId, PeerWorkload[]>>;
  peers: PeerResult[];
  workloads: WorkloadRow[];
  notebooks: NotebookFigures | SkippedFigure;
  handouts: HandoutTiming | SkippedFigure;
  totalSeconds: number;
}

function figureOf(result: PeerResult, id: WorkloadId): PeerFigure | undefined {
  if (result.status !== "ok") return { status: result.status, reason: result.reason };
  const workload = result.workloads.find((candidate) => candidate.id === id);
  if (!workload) return undefined;
  if (!isMeasured(workload)) return { status: "skipped", reason: workload.skipped };
  return {
    status: "ok",
    summary: summarize(workload.samplesPerSecond),
    samplesPerRepetition: samplesPerRepetition(workload.plan),
    batchSize: workload.plan.batchSize,
    repetitions: workload.samplesPerSecond.length,
  };
}

/** One row per workload, with the medians and the ratios of tfjs-node to each peer. */
export function workloadRows(peers: readonly PeerResult[]): WorkloadRow[] {
  return WORKLOAD_IDS.map((id) => {
    const row: WorkloadRow = { id, label: WORKLOAD_LABELS[id], unit: WORKLOAD_UNITS[id], peers: {}, ratios: {} };
    for (const result of peers) {
      const figure = figureOf(result, id);
      if (figure) row.peers[result.peer] = figure;
    }
    const native = row.peers["tfjs-node"];
    const nativeMedian = native?.status === "ok" ? native.summary.median : null;
    for (const peer of PEER_IDS) {
      if (peer === "tfjs-node" || !(peer in row.peers)) continue;
      const figure = row.peers[peer];
      row.ratios[peer] = ratio(nativeMedian, figure?.status === "ok" ? figure.summary.median : null);
    }
    return row;
  });
}

/** `artifacts/bench/bench-2026-11-26T22-48-22Z` (without extension), safe in file names. */
export function reportBaseName(folder: string, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return path.join(folder, `bench-${stamp}`);
}

/**
 * Writes `<base>.json` then `<base>.md`, each through a temporary file and a rename: an
 * error leaves no half-written report.
 */
export async function writeReport(base: string, report: BenchReport, markdown: string): Promise<{ json: string; markdown: string }> {
  const files = { json: `${base}.json`, markdown: `${base}.md` };
  await writeFileAtomically(files.json, JSON.stringify(report, null, 2) + "\n");
  await writeFileAtomically(files.markdown, markdown);
  return files;
}
