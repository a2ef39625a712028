import { TrainingMonitorError } from "./monitor-errors";

/** The values of one epoch, as Keras and TensorFlow.js name them (`loss`, `val_loss`, `acc`, …). */
export type EpochLogs = Readonly<Record<string, number>>;

/** A training history as plain data: the epochs (from 1) and one series per logged name. */
export interface HistoryRecord {
  epoch: number[];
  logs: Record<string, number[]>;
}

/** The prefix TensorFlow.js gives the validation version of a value (`val_loss`). */
export const VALIDATION_PREFIX = "val_";

/**
 * The values logged at the end of each epoch, in order. Pure logic, no display: the
 * training monitor draws it, tests check it without Jupyter.
 *
 * A value missing in some epochs (e.g. validation computed every other epoch) is kept as
 * `NaN` there, so every series has one value per epoch.
 */
export class TrainingHistory {
  private readonly epochs: number[] = [];
  private readonly series = new Map<string, number[]>();

  /**
   * Records the values of one epoch.
   *
   * @param epoch The epoch number, counting from 1, greater than the last one recorded.
   * @param logs The values of the epoch (numbers; `NaN` and infinities are kept: a loss
   *   that diverged should be seen).
   * @throws {TrainingMonitorError} For an epoch that is not a whole number after the last
   *   one, or a value that is not a number.
   */
  record(epoch: number, logs: EpochLogs): void {
    const last = this.lastEpoch();
    if (!Number.isInteger(epoch) || epoch <= last) {
      throw new TrainingMonitorError(
        `Época inválida: esperava um número inteiro maior que ${last} (a última registrada), mas chegou ${String(epoch)}. ` +
          `Conte as épocas a partir de 1 e registre cada uma uma vez só.`,
      );
    }
    for (const [name, value] of Object.entries(logs)) {
      if (typeof value !== "number") {
        throw new TrainingMonitorError(
          `O valor "${name}" da época ${epoch} deveria ser um número, mas chegou ${describe(value)}. ` +
            `Se for um tensor, passe tensor.dataSync()[0] (ou await tensor.data()).`,
        );
      }
    }
    for (const [name, values] of this.series) {
      values.push(name in logs ? (logs[name] as number) : Number.NaN);
    }
    for (const [name, value] of Object.entries(logs)) {
      if (!this.series.has(name)) {
        this.series.set(name, [...this.epochs.map(() => Number.NaN), value]);
      }
    }
    this.epochs.push(epoch);
  }

  /** How many epochs were recorded. */
  get length(): number {
    return this.epochs.length;
  }

  /** The last epoch recorded (0 before the first). */
  lastEpoch(): number {
    return this.epochs.length === 0 ? 0 : (this.epochs[this.epochs.length - 1] as number);
  }

  /** The names logged so far, in the order they first appeared. */
  names(): string[] {
    return [...this.series.keys()];
  }

  /**
   * The quantities to plot, one per panel: `loss` first, then the metrics, each standing
   * for its training and validation series (`acc` covers `acc` and `val_acc`).
   */
  quantities(): string[] {
    const bases: string[] = [];
    for (const name of this.series.keys()) {
      const base = name.startsWith(VALIDATION_PREFIX) ? name.slice(VALIDATION_PREFIX.length) : name;
      if (!bases.includes(base)) bases.push(base);
    }
    return bases.sort((a, b) => Number(b === "loss") - Number(a === "loss"));
  }

  /** The values of `name` per epoch (`NaN` where it was not logged); empty if never logged. */
  values(name: string): number[] {
    return [...(this.series.get(name) ?? [])];
  }

  /** The last value of `name`, or `undefined`. */
  latest(name: string): number | undefined {
    const values = this.series.get(name);
    return values === undefined ? undefined : values[values.length - 1];
  }

  /** A plain copy ({@link HistoryRecord}), safe to keep after training goes on. */
  toRecord(): HistoryRecord {
    const logs: Record<string, number[]> = {};
    for (const [name, values] of this.series) logs[name] = [...values];
    return { epoch: [...this.epochs], logs };
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "um objeto";
  return `${typeof value} (${String(value)})`;
}
