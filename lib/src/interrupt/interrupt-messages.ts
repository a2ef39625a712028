/** Where a training run stopped, in the numbering students see (from 1). */
export interface StopPoint {
  /** The epoch that was running, from 1. */
  epoch: number;
  /** The last batch trained in that epoch, from 1 (0 when none had finished). */
  batch: number;
  /** Batches per epoch, when TensorFlow.js knows it. */
  batchesPerEpoch?: number;
}

/**
 * The line printed in the stopped cell when an interrupt stops a `fit`/`fitDataset`, e.g.
 * `treino interrompido na época 9, lote 12 de 64; o modelo ficou com os pesos do último lote`.
 */
export function fitInterruptedLine(stop: StopPoint): string {
  const of = stop.batchesPerEpoch === undefined ? "" : ` de ${stop.batchesPerEpoch}`;
  const weights =
    stop.batch === 0
      ? "o modelo ficou com os pesos do fim da época anterior"
      : "o modelo ficou com os pesos do último lote";
  return `⏹ treino interrompido na época ${stop.epoch}, lote ${stop.batch}${of}; ${weights}.`;
}

/**
 * The line printed when an interrupt stops a hand-written loop that reports to a training
 * monitor (`monitor.update`), e.g. `treino interrompido depois da época 9 …`.
 */
export function loopInterruptedLine(lastEpoch: number): string {
  const after = lastEpoch === 0 ? "antes da primeira época registrada" : `depois da época ${lastEpoch}`;
  return `⏹ treino interrompido ${after}; o laço para no próximo monitor.update (os pesos são os do último passo).`;
}

/** The monitor's status for a run stopped by an interrupt (shown in its figure). */
export function monitorInterruptedStatus(stop: StopPoint | { epoch: number; batch?: undefined }): string {
  const where = stop.batch === undefined ? `depois da época ${stop.epoch}` : `na época ${stop.epoch}, lote ${stop.batch}`;
  return `⏹ interrompido ${where}`;
}

/** The message of the error thrown by training steps that come after an interrupt in the stopped cell. */
export const STOPPED_CELL_MESSAGE =
  "Esta célula foi interrompida (botão de parar do Jupyter): o treino parou e o resto da célula não roda. " +
  "Rode a célula de novo para treinar mais.";
