/**
 * `model.fit` and `model.fitDataset` that stop when their notebook cell is interrupted
 * (see cell-interrupts.ts), installed once on `tf.LayersModel.prototype` when the library
 * loads TensorFlow.js (`Sequential` delegates to it), so students' code does not change.
 *
 * In a cell, each call gets one more callback, placed after the student's: it follows the
 * epoch and batch, lets the event loop breathe at least every {@link YIELD_EVERY_MS} (a
 * SIGINT is only seen between two tasks) and, once the cell is interrupted, sets
 * `model.stopTraining`, which TensorFlow.js checks at the end of every batch; the student's
 * callbacks are not called after that. The model keeps
 * the weights of the last batch trained. The call then rejects with
 * {@link TrainingInterruptedError}, so the rest of the stopped cell does not run (tslab has
 * already given up on that cell's promise: nothing is shown). Outside notebook cells (plain
 * scripts, tests) `fit` runs exactly as published.
 */
import type { TensorFlowModule } from "../backend/load-tensorflow";
import {
  currentCellId,
  isCurrentCellInterrupted,
  registerInterruptibleRun,
  throwIfCellInterrupted,
} from "./cell-interrupts";
import { TrainingInterruptedError } from "./interrupt-errors";
import { fitInterruptedLine, STOPPED_CELL_MESSAGE, type StopPoint } from "./interrupt-messages";

/** The longest a training runs without giving the event loop (and a SIGINT) a turn, in ms. */
const YIELD_EVERY_MS = 50;

type LayersModel = InstanceType<TensorFlowModule["LayersModel"]>;
type FitArgs = NonNullable<Parameters<LayersModel["fit"]>[2]>;
type FitDatasetArgs = Parameters<LayersModel["fitDataset"]>[1];
type Callbacks = FitArgs["callbacks"];
type CallbackObject = InstanceType<TensorFlowModule["Callback"]>;
type Logs = Parameters<CallbackObject["onEpochEnd"]>[1];

const installedKey = Symbol.for("@redes-neurais/lib:interruptible-fit");
type Marked = { [installedKey]?: true };

/** Wraps `fit` and `fitDataset` of `tf.LayersModel` (once per prototype). */
export function installInterruptibleFit(tf: TensorFlowModule): void {
  const prototype = tf.LayersModel.prototype as LayersModel & Marked;
  if (prototype[installedKey]) return;
  Object.defineProperty(prototype, installedKey, { value: true });
  const originalFit = prototype.fit;
  const originalFitDataset = prototype.fitDataset;
  prototype.fit = function (this: LayersModel, x, y, args = {}) {
    return trainInterruptibly(tf, this, args, (withTracker) => originalFit.call(this, x, y, withTracker));
  };
  prototype.fitDataset = function (this: LayersModel, dataset, args) {
    return trainInterruptibly(tf, this, args, (withTracker) => originalFitDataset.call(this, dataset, withTracker as FitDatasetArgs));
  } as LayersModel["fitDataset"];
}

async function trainInterruptibly<A extends FitArgs | FitDatasetArgs, R>(
  tf: TensorFlowModule,
  model: LayersModel,
  args: A,
  train: (args: A) => Promise<R>,
): Promise<R> {
  const cellId = currentCellId();
  if (cellId === undefined) return train(args);
  throwIfCellInterrupted();
  const tracker = createStopTracker(tf, model, args.initialEpoch ?? 0);
  const unregister = registerInterruptibleRun({ cellId, kind: "fit", interrupt: () => tracker.interrupt() });
  try {
    const result = await train({ ...args, callbacks: [...asCallbackObjects(tf, args.callbacks, args.yieldEvery), tracker.callback] });
    if (isCurrentCellInterrupted()) throw new TrainingInterruptedError(STOPPED_CELL_MESSAGE);
    return result;
  } finally {
    unregister();
  }
}

interface StopTracker {
  readonly callback: CallbackObject;
  /** Asks the model to stop after the batch in progress; the line for the cell (once). */
  interrupt(): string | null;
}

function createStopTracker(tf: TensorFlowModule, model: LayersModel, initialEpoch: number): StopTracker {
  // The batch that will be the last one trained if the run stops now: TensorFlow.js
  // finishes a batch it has begun, and begins the next epoch's first one.
  const where: StopPoint = { epoch: initialEpoch + 1, batch: 1 };
  let interrupted = false;
  let lastYield = performance.now();

  const stopIfInterrupted = (): void => {
    if (isCurrentCellInterrupted()) model.stopTraining = true;
  };

  class StopOnInterrupt extends tf.Callback {
    override async onEpochBegin(epoch: number): Promise<void> {
      where.epoch = epoch + 1;
      where.batch = 1;
      const batches = batchesPerEpoch(this.params);
      if (batches === undefined) delete where.batchesPerEpoch;
      else where.batchesPerEpoch = batches;
    }
    override async onBatchBegin(batch: number): Promise<void> {
      where.batch = batch + 1;
    }
    override async onBatchEnd(): Promise<void> {
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      stopIfInterrupted();
    }
    override async onEpochEnd(): Promise<void> {
      stopIfInterrupted();
    }
  }

  return {
    callback: new StopOnInterrupt(),
    interrupt() {
      if (interrupted) return null;
      interrupted = true;
      model.stopTraining = true;
      return fitInterruptedLine({ ...where });
    },
  };
}

/** Batches per epoch from the parameters TensorFlow.js gives callbacks (`fit`: samples and batch size; `fitDataset`: steps). */
function batchesPerEpoch(params: Record<string, unknown> | undefined): number | undefined {
  const steps = params?.["steps"];
  if (typeof steps === "number" && steps > 0) return steps;
  const samples = params?.["samples"];
  const batchSize = params?.["batchSize"];
  if (typeof samples === "number" && typeof batchSize === "number" && batchSize > 0) return Math.ceil(samples / batchSize);
  return undefined;
}

/**
 * The student's callbacks as callback objects, as TensorFlow.js itself would make them
 * (`standardizeCallbacks` in tfjs-layers' base_callbacks.js: plain objects become
 * `CustomCallback`s with the call's `yieldEvery`), so one more can be added.
 */
function asCallbackObjects(tf: TensorFlowModule, callbacks: Callbacks, yieldEvery: FitArgs["yieldEvery"]): CallbackObject[] {
  if (callbacks === undefined || callbacks === null) return [];
  const list: unknown[] = Array.isArray(callbacks) ? callbacks : [callbacks];
  return list.map((callback) =>
    silentAfterInterrupt(
      tf,
      isCallbackObject(callback)
        ? callback
        : (new tf.CustomCallback(callback as ConstructorParameters<TensorFlowModule["CustomCallback"]>[0], yieldEvery) as unknown as CallbackObject),
    ),
  );
}

/**
 * The student's callback, not called any more once the cell is interrupted: TensorFlow.js
 * still reports the epoch it cut short and the end of training, and whatever the callback
 * prints would reach the notebook after the stopped cell.
 */
function silentAfterInterrupt(tf: TensorFlowModule, inner: CallbackObject): CallbackObject {
  class SilentAfterInterrupt extends tf.Callback {
    override setParams(params: Parameters<CallbackObject["setParams"]>[0]): void {
      inner.setParams(params);
    }
    override setModel(model: LayersModel): void {
      inner.setModel(model);
    }
    override async onTrainBegin(logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onTrainBegin(logs);
    }
    override async onEpochBegin(epoch: number, logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onEpochBegin(epoch, logs);
    }
    override async onBatchBegin(batch: number, logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onBatchBegin(batch, logs);
    }
    override async onBatchEnd(batch: number, logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onBatchEnd(batch, logs);
    }
    override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onEpochEnd(epoch, logs);
    }
    override async onTrainEnd(logs?: Logs): Promise<void> {
      if (!isCurrentCellInterrupted()) await inner.onTrainEnd(logs);
    }
  }
  return new SilentAfterInterrupt();
}

function isCallbackObject(value: unknown): value is CallbackObject {
  const candidate = value as Partial<CallbackObject> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.setModel === "function" && typeof candidate.setParams === "function";
}
