import type { TrainingHistory } from "./training-history";

/** Where training stands: epochs done, total (if known), time spent and the estimated time left. */
export interface TrainingProgress {
  epochsDone: number;
  /** The planned number of epochs, when known. */
  totalEpochs: number | undefined;
  elapsedMs: number;
  /** Estimated time to finish (mean time per epoch × epochs left); `undefined` when it cannot be estimated. */
  etaMs: number | undefined;
  finished: boolean;
}

/**
 * Computes the progress of a training run from the epochs done and the time spent.
 *
 * @param epochsDone Epochs finished in this run.
 * @param totalEpochs Epochs planned, if known.
 * @param elapsedMs Milliseconds since training began.
 * @param finished Whether training has ended (then nothing is left to estimate).
 */
export function trainingProgress(
  epochsDone: number,
  totalEpochs: number | undefined,
  elapsedMs: number,
  finished: boolean,
): TrainingProgress {
  let etaMs: number | undefined;
  if (finished) etaMs = 0;
  else if (totalEpochs !== undefined && epochsDone > 0) {
    etaMs = (elapsedMs / epochsDone) * Math.max(0, totalEpochs - epochsDone);
  }
  return { epochsDone, totalEpochs, elapsedMs, etaMs, finished };
}

/** `950 ms`, `12,3 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${formatNumber(seconds, 3)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** A number in Brazilian style with a few significant digits (`0,2315`, `1,2e-5`). */
export function formatNumber(value: number, significantDigits = 4): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(1).replace(".", ",");
  return new Intl.NumberFormat("pt-BR", { maximumSignificantDigits: significantDigits, useGrouping: false }).format(value);
}

/**
 * The one-line status of a run, e.g.
 * `época 12/50 · loss 0,2315 · val_loss 0,2502 · 3,21 s decorridos · faltam ~10,2 s`.
 */
export function progressLine(history: TrainingHistory, progress: TrainingProgress): string {
  const epoch =
    progress.totalEpochs === undefined
      ? `época ${history.lastEpoch()}`
      : `época ${history.lastEpoch()}/${historyTotal(history, progress)}`;
  const values = history.names().map((name) => `${name} ${formatNumber(history.latest(name) ?? Number.NaN)}`);
  const time = [`${formatDuration(progress.elapsedMs)} decorridos`];
  if (progress.finished) time.push("concluído");
  else if (progress.etaMs !== undefined) time.push(`faltam ~${formatDuration(progress.etaMs)}`);
  return [epoch, ...values, ...time].join(" · ");
}

/** The planned last epoch counted across runs (a second `fit` continues the numbering). */
function historyTotal(history: TrainingHistory, progress: TrainingProgress): number {
  const firstOfRun = history.lastEpoch() - progress.epochsDone;
  return firstOfRun + (progress.totalEpochs ?? 0);
}
