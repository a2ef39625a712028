import type { Figure } from "./figure";

/**
 * A JSON-safe copy of a figure: typed arrays (e.g. from `tensor.dataSync()`) become plain
 * arrays, so that `JSON.stringify` does not turn them into `{"0": ..., "1": ...}`;
 * bigints become numbers; `undefined` fields disappear.
 */
export function plainFigure(figure: Figure): Figure {
  const plain: Figure = { data: toPlainJson(figure.data) };
  if (figure.layout !== undefined) plain.layout = toPlainJson(figure.layout);
  if (figure.config !== undefined) plain.config = toPlainJson(figure.config);
  return plain;
}

function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, plainValue)) as T;
}

function plainValue(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (item) => (typeof item === "bigint" ? Number(item) : item));
  }
  return value;
}
