import { DataPreparationError } from "./train-test-split";

/** Means and standard deviations of the columns of a training set. */
export interface Standardizer {
  mean: number[];
  std: number[];
  /** (x − mean) / std, column by column, with the training set's statistics. */
  transform(rows: readonly (readonly number[])[]): number[][];
}

function checkRows(rows: readonly (readonly number[])[], columns: number, what: string): void {
  rows.forEach((row, index) => {
    if (row.length !== columns) {
      throw new DataPreparationError(`A linha ${index} de ${what} tem ${row.length} colunas; esperava ${columns}.`);
    }
    if (!row.every(Number.isFinite)) {
      throw new DataPreparationError(
        `A linha ${index} de ${what} tem um valor não finito (NaN ou infinito): [${row.join(", ")}]. Remova ou corrija esse objeto.`,
      );
    }
  });
}

/**
 * Learns the mean and the (population) standard deviation of each column of the
 * training rows, to standardize training and test data alike. A constant column keeps
 * std = 1 (it is only centred).
 *
 * @throws {DataPreparationError} For no rows, ragged rows or non-finite values.
 */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const first = rows[0];
  if (first === undefined || first.length === 0) {
    throw new DataPreparationError("Não há dados para padronizar: esperava ao menos uma linha com uma coluna.");
  }
  const columns = first.length;
  checkRows(rows, columns, "dados de treino");
  const mean = Array.from({ length: columns }, (_, c) => rows.reduce((sum, row) => sum + row[c]!, 0) / rows.length);
  const std = mean.map((m, c) => {
    const variance = rows.reduce((sum, row) => sum + (row[c]! - m) ** 2, 0) / rows.length;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return {
    mean,
    std,
    transform(input) {
      checkRows(input, columns, "dados a padronizar");
      return input.map((row) => row.map((value, c) => (value - mean[c]!) / std[c]!));
    },
  };
}
