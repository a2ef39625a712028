/** Fixed peer results and reports for the bench's tests (no process is run). */
import type { BenchEnvironment } from "./environment";
import type { CompletedPeer, PeerId, PeerResult } from "./peer-result";
import { workloadRows, type BenchReport } from "./report";
import { standardPlan, type WorkloadId, type WorkloadPlan } from "./workloads";

const plans = standardPlan({ repetitions: 3, quick: false });

function planOf(id: WorkloadId): WorkloadPlan {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan || "skip" in plan) throw new Error(`sem plano para ${id}`);
  return plan;
}

/** A peer that measured `rates` (three repetitions each) on the given workloads. */
export function completedPeer(peer: PeerId, rates: Partial<Record<WorkloadId, number[]>>, peakRssBytes = 512 * 2 ** 20): CompletedPeer {
  return {
    peer,
    status: "ok",
    versions: { fixture: "1" },
    threads: { intraOp: 2 },
    peakRssBytes,
    workloads: Object.entries(rates).map(([id, values]) => {
      const plan = planOf(id as WorkloadId);
      return { id: id as WorkloadId, plan, seconds: values.map((rate) => plan.samples / rate), samplesPerSecond: values };
    }),
  };
}

export const fixtureEnvironment: BenchEnvironment = {
  date: "2026-11-26T12:00:00.000Z",
  node: "v20.0.0",
  platform: "linux",
  cpuModel: "CPU de teste",
  cores: 2,
  memoryBytes: 8 * 2 ** 30,
  loadAverageAtStart: [0.5, 0.4, 0.3],
  loadAverageAtEnd: [1, 0.5, 0.3],
  gitCommit: "0123456789abcdef",
  gitDirty: false,
};

export function fixtureReport(peers: PeerResult[]): BenchReport {
  return {
    kind: "redes-neurais-bench",
    version: 1,
    options: { repetitions: 3, quick: false, peers: peers.map((result) => result.peer) },
    environment: fixtureEnvironment,
    plans: {},
    peers,
    workloads: workloadRows(peers),
    notebooks: { status: "skipped", reason: "--sem-notebooks" },
    handouts: { status: "skipped", reason: "--sem-apostilas" },
    totalSeconds: 1,
  };
}

/** tfjs-node at 1 000 MLP samples/s, Keras at 2 000 (ratio 0,50×), PyTorch skipped. */
export function sampleReport(): BenchReport {
  return fixtureReport([
    completedPeer("tfjs-node", { mlp: [900, 1000, 1100], convnet: [120, 100, 110] }, 800 * 2 ** 20),
    completedPeer("keras", { mlp: [2000, 2100, 1900], convnet: [50, 55, 45] }, 1024 * 2 ** 20),
    { peer: "pytorch", status: "skipped", reason: "o import falhou: ModuleNotFoundError: No module named 'torch'" },
  ]);
}
