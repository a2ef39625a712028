import type { CustomCallbackArgs, Logs } from "../tf";
import { currentCellId, isCurrentCellInterrupted, registerInterruptibleRun, throwIfCellInterrupted } from "../interrupt/cell-interrupts";
import { loopInterruptedLine, monitorInterruptedStatus } from "../interrupt/interrupt-messages";
import { TrainingMonitorError } from "./monitor-errors";
import { monitorFigure } from "./monitor-figure";
import { monitorSvg } from "./monitor-svg";
import { defaultMonitorOutput, type MonitorOutput } from "./monitor-output";
import { TrainingHistory, type EpochLogs, type HistoryRecord } from "./training-history";
import { progressLine, trainingProgress } from "./training-progress";

/** Options of {@link trainingMonitor}. */
export interface TrainingMonitorOptions {
  /** The chart's title (default "Treinamento"). */
  title?: string;
  /** The planned number of epochs of each `fit` (for the x axis and the ETA). */
  epochs?: number;
  /** The scale of the loss axis: "linear" (default) or "log", for losses that fall by decades. */
  lossAxis?: "linear" | "log";
  /** The least time between two redraws, in ms (default 250); the first and last epochs are always drawn. */
  minIntervalMs?: number;
  /** Where to draw; default the notebook inside tslab, stdout in a plain script. */
  output?: MonitorOutput;
  /** The clock, in ms (tests). */
  now?: () => number;
}

/**
 * A live view of a training run that is also a TensorFlow.js callback: pass it as
 * `callbacks` to `model.fit`, or call {@link TrainingMonitor.update} from a hand-written
 * loop and {@link TrainingMonitor.finish} at the end.
 */
export interface TrainingMonitor extends CustomCallbackArgs {
  /** The values of every epoch so far (a copy). A second `fit` continues the epoch count. */
  readonly history: HistoryRecord;
  /**
   * Records an epoch of a hand-written training loop and redraws.
   *
   * @param epoch Epoch number, from 1.
   * @param logs Values of the epoch (`loss`, `val_loss`, `acc`, …).
   */
  update(epoch: number, logs: EpochLogs): void;
  /** Draws the final state (the one saved in the notebook and the handout). */
  finish(): void;
}

/**
 * A training monitor: while a model trains, one notebook output updates in place with the
 * loss and metric curves for training and validation, the epoch counter, the time spent
 * and an estimate of the time left; the final state stays in the saved notebook and the
 * HTML handout. In a plain Node script it prints a progress line on stdout. It never
 * writes to stderr.
 *
 * When the notebook cell is interrupted (JupyterLab's stop button), the figure shows where
 * the run stopped (epoch and batch), epochs that TensorFlow.js reports after the stop are
 * not recorded, and `update` throws `TrainingInterruptedError`, which ends a hand-written
 * loop at its next step (see ../interrupt/cell-interrupts.ts).
 *
 * @example
 * const monitor = trainingMonitor({ title: "Estrela ou galáxia?", epochs: 30 });
 * await model.fit(x, y, { epochs: 30, validationSplit: 0.2, callbacks: monitor, verbose: 0 });
 * monitor.history.logs.val_loss; // one value per epoch
 *
 * @throws {TrainingMonitorError} For `epochs` or `minIntervalMs` that are not valid numbers.
 */
export function trainingMonitor(options: TrainingMonitorOptions = {}): TrainingMonitor {
  const title = options.title ?? "Treinamento";
  const plannedEpochs = options.epochs;
  if (plannedEpochs !== undefined && (!Number.isInteger(plannedEpochs) || plannedEpochs < 1)) {
    throw new TrainingMonitorError(
      `epochs deve ser um inteiro ≥ 1 (o número de épocas planejado), mas chegou ${String(plannedEpochs)}.`,
    );
  }
  if (options.lossAxis !== undefined && options.lossAxis !== "linear" && options.lossAxis !== "log") {
    throw new TrainingMonitorError(`lossAxis deve ser "linear" ou "log", mas chegou ${JSON.stringify(options.lossAxis)}.`);
  }
  const minIntervalMs = options.minIntervalMs ?? 250;
  if (!Number.isFinite(minIntervalMs) || minIntervalMs < 0) {
    throw new TrainingMonitorError(`minIntervalMs deve ser um número ≥ 0 de milissegundos, mas chegou ${String(minIntervalMs)}.`);
  }
  const now = options.now ?? (() => performance.now());
  let output: MonitorOutput | undefined = options.output;
  const history = new TrainingHistory();

  let runStartedAt: number | undefined;
  let runFirstEpoch = 0;
  let lastDrawnAt = Number.NEGATIVE_INFINITY;
  let pendingDraw = false;
  // Where a `fit` that reports to this monitor is (epoch and batch from 1), for the figure of an interrupted run.
  let fitPosition: { epoch: number; batch: number } | undefined;
  let unregisterRun: (() => void) | undefined;

  function beginRunIfNeeded(): void {
    if (runStartedAt !== undefined) return;
    runStartedAt = now();
    runFirstEpoch = history.lastEpoch();
    unregisterRun?.();
    unregisterRun = undefined;
    const cellId = currentCellId();
    if (cellId !== undefined) unregisterRun = registerInterruptibleRun({ cellId, kind: "monitor", interrupt });
  }

  function endRun(): void {
    runStartedAt = undefined;
    fitPosition = undefined;
    unregisterRun?.();
    unregisterRun = undefined;
  }

  /** Draws where the run stopped; called once, from the SIGINT listener. */
  function interrupt(): string {
    const stoppedAt = fitPosition === undefined ? { epoch: history.lastEpoch() } : fitPosition;
    draw(true, monitorInterruptedStatus(stoppedAt));
    endRun();
    return loopInterruptedLine(history.lastEpoch());
  }

  function draw(finished: boolean, stoppedLabel?: string): void {
    const elapsed = runStartedAt === undefined ? 0 : now() - runStartedAt;
    const epochsDone = history.lastEpoch() - runFirstEpoch;
    const progress =
      stoppedLabel === undefined
        ? trainingProgress(epochsDone, plannedEpochs, elapsed, finished)
        : { ...trainingProgress(epochsDone, plannedEpochs, elapsed, false), etaMs: undefined };
    const status = stoppedLabel === undefined ? progressLine(history, progress) : `${progressLine(history, progress)} · ${stoppedLabel}`;
    const lastPlanned = plannedEpochs === undefined ? undefined : runFirstEpoch + plannedEpochs;
    output ??= defaultMonitorOutput();
    output.render({
      figure: monitorFigure(history, title, status, lastPlanned, options.lossAxis),
      svg: monitorSvg(history, { title, status, lossAxis: options.lossAxis, ...(lastPlanned === undefined ? {} : { lastPlannedEpoch: lastPlanned }) }),
      status,
      finished,
    });
    lastDrawnAt = now();
    pendingDraw = false;
  }

  function record(epoch: number, logs: EpochLogs): void {
    beginRunIfNeeded();
    history.record(epoch, logs);
    pendingDraw = true;
    const first = history.lastEpoch() - runFirstEpoch === 1;
    if (first || now() - lastDrawnAt >= minIntervalMs) draw(false);
  }

  function finish(): void {
    if (isCurrentCellInterrupted()) return; // the figure already shows where the run stopped
    if (history.length === 0) return;
    draw(true);
    endRun();
  }

  return {
    get history() {
      return history.toRecord();
    },
    update(epoch: number, logs: EpochLogs) {
      throwIfCellInterrupted();
      record(epoch, logs);
    },
    finish,
    onTrainBegin() {
      endRun();
      beginRunIfNeeded();
    },
    onEpochBegin(epoch: number) {
      fitPosition = { epoch: runFirstEpoch + epoch + 1, batch: 1 };
    },
    onBatchBegin(batch: number) {
      if (fitPosition !== undefined) fitPosition.batch = batch + 1;
    },
    onEpochEnd(epoch: number, logs?: Logs) {
      // After an interrupt, TensorFlow.js still reports the epoch it cut short: not an epoch.
      if (isCurrentCellInterrupted()) return;
      // TensorFlow.js counts epochs of a fit from 0; the monitor numbers them from 1,
      // continuing after earlier runs.
      record(runFirstEpoch + epoch + 1, { ...(logs ?? {}) });
    },
    onTrainEnd() {
      if (pendingDraw || history.length > 0) finish();
    },
  };
}
