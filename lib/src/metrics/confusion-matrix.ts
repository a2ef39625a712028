import type * as Plotly from "plotly.js";
import type { Figure } from "../plot/figure";
import { InvalidLabelsError } from "./metrics-errors";

function checkLabels(labels: readonly number[], classCount: number, what: string): void {
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new InvalidLabelsError(
        `confusionMatrix: ${what}[${i}] = ${label}, mas as classes vão de 0 a ${classCount - 1}. ` +
          "Converta probabilidades em classes com argMax (softmax) ou com p ≥ 0,5 (sigmoide).",
      );
    }
  });
}

/**
 * The confusion matrix: `matrix[verdadeira][prevista]` counts the examples of true class
 * `verdadeira` that the model put in class `prevista`. The diagonal holds the hits.
 *
 * @throws {InvalidLabelsError} When the arrays differ in length or hold a label outside 0…classCount-1.
 */
export function confusionMatrix(trueLabels: readonly number[], predictedLabels: readonly number[], classCount: number): number[][] {
  if (!Number.isInteger(classCount) || classCount < 2) {
    throw new InvalidLabelsError(`confusionMatrix: são precisas ao menos 2 classes; chegou classCount = ${classCount}.`);
  }
  if (trueLabels.length !== predictedLabels.length) {
    throw new InvalidLabelsError(
      `confusionMatrix: há ${trueLabels.length} classes verdadeiras e ${predictedLabels.length} previsões; cada exemplo precisa das duas.`,
    );
  }
  checkLabels(trueLabels, classCount, "verdadeiras");
  checkLabels(predictedLabels, classCount, "previstas");
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  trueLabels.forEach((t, i) => {
    const row = matrix[t] as number[];
    const p = predictedLabels[i] as number;
    row[p] = (row[p] as number) + 1;
  });
  return matrix;
}

/** Precision, recall and F1 of one class. */
export interface ClassScores {
  className: string;
  /** Of the examples predicted as this class, the fraction that really are (NaN if none predicted). */
  precision: number;
  /** Of the examples of this class, the fraction found (NaN if none exist). */
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1: number;
  /** How many examples of this class there are. */
  support: number;
}

/** Per-class scores and overall accuracy from a confusion matrix. */
export interface ClassificationReport {
  classes: ClassScores[];
  accuracy: number;
}

/**
 * Precision, recall and F1 of each class, and the accuracy, from a confusion matrix
 * (rows = true class, columns = predicted class).
 */
export function classificationReport(matrix: readonly (readonly number[])[], classNames?: readonly string[]): ClassificationReport {
  const k = matrix.length;
  if (k < 2 || matrix.some((row) => row.length !== k)) {
    throw new InvalidLabelsError(`classificationReport: esperava uma matriz de confusão quadrada (k×k, k ≥ 2); chegou uma com ${k} linhas.`);
  }
  if (classNames !== undefined && classNames.length !== k) {
    throw new InvalidLabelsError(`classificationReport: a matriz tem ${k} classes e chegaram ${classNames.length} nomes.`);
  }
  const at = (i: number, j: number) => (matrix[i] as readonly number[])[j] as number;
  let total = 0;
  let hits = 0;
  const classes = Array.from({ length: k }, (_, c) => {
    let predicted = 0;
    let support = 0;
    for (let i = 0; i < k; i++) {
      predicted += at(i, c);
      support += at(c, i);
    }
    total += support;
    hits += at(c, c);
    const precision = predicted === 0 ? NaN : at(c, c) / predicted;
    const recall = support === 0 ? NaN : at(c, c) / support;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { className: classNames?.[c] ?? String(c), precision, recall, f1, support };
  });
  return { classes, accuracy: total === 0 ? NaN : hits / total };
}

/** A heatmap of a confusion matrix, counts written in each cell. */
export function confusionMatrixFigure(matrix: readonly (readonly number[])[], classNames: readonly string[], title = "Matriz de confusão"): Figure {
  const names = [...classNames];
  const z = matrix.map((row) => [...row]);
  return {
    data: [{ type: "heatmap", z, x: names, y: names, colorscale: "Blues", text: z.map((row) => row.map(String)) as unknown as string[], texttemplate: "%{text}", hovertemplate: "verdadeira %{y}<br>prevista %{x}: %{z}<extra></extra>" } as Plotly.Data],
    layout: {
      title: { text: title },
      xaxis: { title: { text: "classe prevista" } },
      yaxis: { title: { text: "classe verdadeira" }, autorange: "reversed" },
      width: 480,
      height: 420,
    },
  };
}
