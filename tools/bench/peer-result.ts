/**
 * What a peer's process hands back (a JSON file): per workload the throughput of each
 * timed repetition, plus the peer's versions, thread settings and peak RSS. The Python
 * peers write the same shape (peers/_comum.py).
 */
import type { WorkloadId, WorkloadPlan } from "./workloads";

/**
 * `tfjs-node` is the course's path (the library's training speed-ups on, as students get it);
 * `tfjs-node-publicado` is the same package as published (`REDES_NEURAIS_SEM_ACELERACAO=1`):
 * the "before" of the speed-ups, measured in the same run.
 */
export type PeerId = "tfjs-node" | "tfjs-node-publicado" | "tfjs-cpu" | "keras" | "pytorch";

export const PEER_IDS: readonly PeerId[] = ["tfjs-node", "tfjs-node-publicado", "tfjs-cpu", "keras", "pytorch"];

/** How each peer is named in the report's columns. */
export const PEER_LABELS: Record<PeerId, string> = {
  "tfjs-node": "tfjs-node",
  "tfjs-node-publicado": "tfjs-node publicado",
  "tfjs-cpu": "tfjs cpu",
  keras: "Keras",
  pytorch: "PyTorch",
};

export interface MeasuredWorkload {
  id: WorkloadId;
  plan: WorkloadPlan;
  /** Seconds of each timed repetition. */
  seconds: number[];
  /** Samples (or images) per second of each timed repetition. */
  samplesPerSecond: number[];
}

interface SkippedPeerWorkload {
  id: WorkloadId;
  skipped: string;
}

export type PeerWorkloadResult = MeasuredWorkload | SkippedPeerWorkload;

export function isMeasured(result: PeerWorkloadResult): result is MeasuredWorkload {
  return "samplesPerSecond" in result;
}

export interface CompletedPeer {
  peer: PeerId;
  status: "ok";
  versions: Record<string, string>;
  threads: Record<string, number | string>;
  /** Peak resident memory of the peer's process (all its workloads), in bytes. */
  peakRssBytes: number;
  workloads: PeerWorkloadResult[];
  /** Wall time of the whole peer process, set-up included. */
  wallSeconds?: number;
}

/** A peer that is not there (no venv, a Python import fails): not a failure. */
interface SkippedPeer {
  peer: PeerId;
  status: "skipped";
  reason: string;
}

/** A peer that crashed or gave no result: reported, and the suite exits with 1. */
interface FailedPeer {
  peer: PeerId;
  status: "failed";
  reason: string;
}

export type PeerResult = CompletedPeer | SkippedPeer | FailedPeer;
