/**
 * Interrupts of notebook cells (JupyterLab's stop button sends SIGINT to the tslab kernel),
 * made to reach code that awaits.
 *
 * tslab answers a SIGINT by abandoning the cell's promise ("Interrupted asynchronously",
 * `interrupt` in node_modules/tslab/dist/executor.js): synchronous code is broken by
 * `vm.runInThisContext(..., { breakOnSigint: true })`, but whatever the cell awaits — every
 * `model.fit` — keeps running in the background. This module gives each cell an identity
 * that follows its async continuations (an `AsyncLocalStorage` entered around tslab's
 * `vm.runInThisContext` call for the cell), and on SIGINT marks the running cell as
 * interrupted and tells its training runs (interruptible-fit.ts, the training monitor) to
 * stop. Code of that cell that runs afterwards asks {@link isCurrentCellInterrupted}.
 *
 * Cooperation with tslab: its SIGINT listener (node_modules/tslab/dist/main.js) stays in
 * place; ours runs in the same `emit`, before tslab's abandoned cell gets its reply, so the
 * line it prints lands in the stopped cell.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import vm from "node:vm";
import { TrainingInterruptedError } from "./interrupt-errors";
import { STOPPED_CELL_MESSAGE } from "./interrupt-messages";

/** Something running in a cell that an interrupt must stop (a `fit`, a monitored loop). */
export interface InterruptibleRun {
  /** The cell it runs in. */
  readonly cellId: number;
  /** A `fit`'s line says more (epoch and batch) than a monitor's: it wins when both run. */
  readonly kind: "fit" | "monitor";
  /**
   * Stops the run, synchronously (called from the SIGINT listener).
   *
   * @returns The line to print in the stopped cell, or `null` (e.g. already stopped).
   */
  interrupt(): string | null;
}

interface CellScope {
  readonly id: number;
}

interface InterruptState {
  readonly cells: AsyncLocalStorage<CellScope>;
  lastCellId: number;
  /** The cell whose code still runs (its synchronous part, or the promise it returned). */
  runningCellId: number | null;
  readonly interruptedCells: Set<number>;
  readonly runs: Set<InterruptibleRun>;
  kernelHooksInstalled: boolean;
}

/** Process-wide, so that two copies of the library (src/ and dist/) share one state. */
const stateKey = Symbol.for("@redes-neurais/lib:cell-interrupts");
type StateSlot = { [stateKey]?: InterruptState };

function state(): InterruptState {
  const slot = globalThis as StateSlot;
  slot[stateKey] ??= {
    cells: new AsyncLocalStorage<CellScope>(),
    lastCellId: 0,
    runningCellId: null,
    interruptedCells: new Set(),
    runs: new Set(),
    kernelHooksInstalled: false,
  };
  return slot[stateKey];
}

/**
 * Runs `body` as a new cell: everything it starts, awaited or not, belongs to that cell.
 * The cell counts as running until `body` returns, or until the promise it returns settles.
 */
export function runInNewCell<T>(body: () => T): T {
  const current = state();
  const id = ++current.lastCellId;
  current.runningCellId = id;
  const end = (): void => {
    if (current.runningCellId === id) current.runningCellId = null;
  };
  let result: T;
  try {
    result = current.cells.run({ id }, body);
  } catch (error) {
    end();
    throw error;
  }
  if (isThenable(result)) result.then(end, end);
  else end();
  return result;
}

/** The cell the calling code belongs to, or `undefined` outside notebook cells (plain scripts). */
export function currentCellId(): number | undefined {
  return state().cells.getStore()?.id;
}

/** Whether the calling code belongs to a cell that was interrupted. */
export function isCurrentCellInterrupted(): boolean {
  const id = currentCellId();
  return id !== undefined && state().interruptedCells.has(id);
}

/**
 * Throws {@link TrainingInterruptedError} in a cell that was interrupted: the training step
 * that calls it does not run, nor does the rest of the cell.
 */
export function throwIfCellInterrupted(): void {
  if (isCurrentCellInterrupted()) throw new TrainingInterruptedError(STOPPED_CELL_MESSAGE);
}

/** Registers a run that the next interrupt of its cell stops; returns the function that unregisters it. */
export function registerInterruptibleRun(run: InterruptibleRun): () => void {
  const runs = state().runs;
  runs.add(run);
  return () => {
    runs.delete(run);
  };
}

/**
 * What the SIGINT listener does: marks the running cell as interrupted, stops its runs and
 * prints their lines (a `fit`'s lines when one ran, else the monitors'). Nothing happens
 * when no cell runs (the stop button on an idle kernel).
 *
 * @returns The lines printed.
 */
export function interruptRunningCell(print: (line: string) => void = (line) => console.log(line)): string[] {
  const current = state();
  const id = current.runningCellId;
  if (id === null) return [];
  current.interruptedCells.add(id);
  const lines: Record<InterruptibleRun["kind"], string[]> = { fit: [], monitor: [] };
  for (const run of [...current.runs]) {
    if (run.cellId !== id) continue;
    const line = run.interrupt();
    if (line !== null) lines[run.kind].push(line);
  }
  const printed = lines.fit.length > 0 ? lines.fit : lines.monitor;
  for (const line of printed) print(line);
  return printed;
}

/** tslab's wrapper around a cell's compiled code (`execute` in node_modules/tslab/dist/executor.js). */
const TSLAB_CELL_SUFFIX = "})(__tslab__.exports, __tslab__.require)";

/**
 * Inside a tslab kernel, once per process: runs each cell in its own scope (by wrapping
 * `vm.runInThisContext`, which tslab calls once per cell; other callers are untouched) and
 * listens to SIGINT. Does nothing in plain scripts, where Ctrl-C keeps ending the process.
 *
 * @param afterBrokenSynchronousCell Called when tslab's `breakOnSigint` stopped a cell's
 *   synchronous code (a repair of whatever that code left half done).
 */
export function installKernelInterrupts(afterBrokenSynchronousCell: () => void): void {
  const current = state();
  if (current.kernelHooksInstalled) return;
  current.kernelHooksInstalled = true;
  const original = vm.runInThisContext;
  const runCell = function (this: unknown, ...args: Parameters<typeof vm.runInThisContext>): unknown {
    const [code] = args;
    if (typeof code !== "string" || !code.trimEnd().endsWith(TSLAB_CELL_SUFFIX)) return original.apply(this, args);
    try {
      return runInNewCell(() => original.apply(this, args));
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") afterBrokenSynchronousCell();
      throw error;
    }
  };
  vm.runInThisContext = runCell as typeof vm.runInThisContext;
  // Not now: the library loads inside a cell, while `vm` has taken every SIGINT listener
  // away for `breakOnSigint` (`sigintHandlersWrap` in Node's lib/vm.js). A listener added
  // then would start Node's signal handle under the watchdog's, which takes the process's
  // handler with it when it stops: the next SIGINT would kill the kernel. After the cell's
  // synchronous part, tslab's listener is back and ours joins it normally.
  setImmediate(() => {
    process.on("SIGINT", () => {
      interruptRunningCell();
    });
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
