/**
 * How numbers and indices are written in the diagrams: values as the training monitor
 * writes them (lib/src/monitor/training-progress.ts, decimal comma), parameter counts with
 * the Brazilian thousands point, indices as Unicode subscripts (x₁, w₂) so no font is needed.
 */
import { formatNumber } from "../monitor/training-progress";

/** A value with 4 significant digits and a decimal comma: 0,1235; −2,5. */
export function formatValue(value: number): string {
  return formatNumber(value, 4).replace(/^-/, "−");
}

/** A count with the thousands point: 14.714.688. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat("pt-BR", { useGrouping: true, maximumFractionDigits: 0 }).format(count);
}

const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";

/** `n` as subscript digits: 12 → ₁₂. */
export function subscript(n: number): string {
  return String(n)
    .split("")
    .map((digit) => SUBSCRIPT_DIGITS[Number(digit)] ?? digit)
    .join("");
}

/** A shape as the course writes it: [112, 112, 64] → 112×112×64. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? "escalar" : shape.join("×");
}

/**
 * Which of `count` units to draw when at most `maximum` places fit: all of them, or the
 * first `maximum − 2`, a gap (`null`, drawn as ⋮) and the last.
 */
export function visibleUnits(count: number, maximum: number): (number | null)[] {
  if (count <= maximum) return Array.from({ length: count }, (_, index) => index);
  return [...Array.from({ length: maximum - 2 }, (_, index) => index), null, count - 1];
}
