/**
 * The workloads every peer runs, on the same shapes (float32, random data from seed 0),
 * and the plan a peer receives: sizes, warm-up and repetitions. The plan travels to each
 * peer's process as JSON; the Python peers (peers/*.py) read the same fields.
 */

export type WorkloadId = "mlp" | "convnet" | "regressao-logistica" | "vgg16-lote1" | "vgg16-lote8";

export const WORKLOAD_IDS: readonly WorkloadId[] = ["mlp", "convnet", "regressao-logistica", "vgg16-lote1", "vgg16-lote8"];

/** How each workload is named in the report. */
export const WORKLOAD_LABELS: Record<WorkloadId, string> = {
  mlp: "MLP 784-128-64-10 (treino, lote 128)",
  convnet: "Convnet 28×28 (treino, lote 64)",
  "regressao-logistica": "Regressão logística 4000×4 (passos com o lote todo)",
  "vgg16-lote1": "VGG16 224×224, extração, lote 1",
  "vgg16-lote8": "VGG16 224×224, extração, lote 8",
};

/** What a workload's throughput counts. */
export const WORKLOAD_UNITS: Record<WorkloadId, string> = {
  mlp: "amostras/s",
  convnet: "amostras/s",
  "regressao-logistica": "amostras/s",
  "vgg16-lote1": "imagens/s",
  "vgg16-lote8": "imagens/s",
};

/** One workload's sizes for one peer. */
export interface WorkloadPlan {
  id: WorkloadId;
  /**
   * Samples in one timed repetition: one epoch of `fit` for the MLP and the convnet; the
   * training set for logistic regression (each step uses all of it); images per call for VGG16.
   */
  samples: number;
  batchSize: number;
  /** Logistic regression: gradient steps per repetition (samples/s = steps × samples / s). */
  steps?: number;
  /** VGG16: calls per repetition. */
  calls?: number;
  /** Untimed repetitions first (one-off set-up costs, graph tracing, caches). */
  warmup: number;
  repetitions: number;
}

/** A workload a peer leaves out, and why (said in the report). */
export interface SkippedWorkload {
  id: WorkloadId;
  skip: string;
}

export type PeerWorkload = WorkloadPlan | SkippedWorkload;

export function isSkippedWorkload(workload: PeerWorkload): workload is SkippedWorkload {
  return "skip" in workload;
}

export interface PlanOptions {
  /** Timed repetitions (`--repeticoes`, default 5). */
  repetitions: number;
  /** Tiny sizes and one repetition (`--rapido`): a smoke run, not a measurement. */
  quick: boolean;
}

/** The plan of the peers on the normal speed scale (tfjs-node, Keras, PyTorch). */
export function standardPlan(options: PlanOptions): PeerWorkload[] {
  const reps = options.quick ? 1 : options.repetitions;
  const quick = options.quick;
  return [
    { id: "mlp", samples: quick ? 512 : 8192, batchSize: 128, warmup: 1, repetitions: reps },
    { id: "convnet", samples: quick ? 128 : 2048, batchSize: 64, warmup: 1, repetitions: reps },
    { id: "regressao-logistica", samples: 4000, batchSize: 4000, steps: quick ? 10 : 200, warmup: 1, repetitions: reps },
    { id: "vgg16-lote1", samples: 1, batchSize: 1, calls: quick ? 1 : 4, warmup: 1, repetitions: reps },
    quick
      ? { id: "vgg16-lote8", skip: "modo --rapido: sem VGG16 lote 8" }
      : { id: "vgg16-lote8", samples: 8, batchSize: 8, calls: 1, warmup: 1, repetitions: reps },
  ];
}

/**
 * The pure-JavaScript `cpu` backend is one to three orders of magnitude slower: fewer
 * samples and at most 3 repetitions (still after a warm-up), VGG16 batch 1 with a single
 * timed call and no batch 8. The report states these sizes beside the figures.
 */
export function cpuBackendPlan(options: PlanOptions): PeerWorkload[] {
  const reps = options.quick ? 1 : Math.min(options.repetitions, 3);
  const quick = options.quick;
  return [
    { id: "mlp", samples: quick ? 256 : 2048, batchSize: 128, warmup: 1, repetitions: reps },
    // One batch of 64 takes about 25 s here; --rapido trains on 8 images only.
    { id: "convnet", samples: quick ? 8 : 64, batchSize: 64, warmup: 1, repetitions: reps },
    { id: "regressao-logistica", samples: 4000, batchSize: 4000, steps: quick ? 5 : 50, warmup: 1, repetitions: reps },
    quick
      ? { id: "vgg16-lote1", skip: "modo --rapido: VGG16 no backend cpu leva dezenas de segundos por imagem" }
      : { id: "vgg16-lote1", samples: 1, batchSize: 1, calls: 1, warmup: 1, repetitions: 1 },
    { id: "vgg16-lote8", skip: "backend cpu: lote 8 levaria minutos por repetição (lote 1 basta para a razão)" },
  ];
}

/** Samples processed in one timed repetition (the numerator of samples/s). */
export function samplesPerRepetition(plan: WorkloadPlan): number {
  if (plan.id === "regressao-logistica") return plan.samples * (plan.steps ?? 1);
  if (plan.id === "vgg16-lote1" || plan.id === "vgg16-lote8") return plan.batchSize * (plan.calls ?? 1);
  return plan.samples;
}
