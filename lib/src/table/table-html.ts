/**
 * A table as HTML and as text, from anything shaped like a danfo.js DataFrame
 * (`columns`, `index`, `values`): the pure part of {@link showTable}.
 */

import { escapeHtml } from "../html/escape-html";

/** What a table needs; a danfo.js `DataFrame` has all three. */
export interface TableLike {
  columns: readonly string[];
  index: readonly (string | number)[];
  /** One array per row (a DataFrame); a flat array is one column (a Series). */
  values: readonly unknown[];
}

/** The rows of a table: `values` as given, or one cell per row for a flat array. */
function rowsOf(table: TableLike): (readonly unknown[])[] {
  return table.values.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Formats one cell: numbers with at most `digits` significant digits, text as is. */
export function formatCell(value: unknown, digits = 6): string {
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(digits)));
  }
  if (value === null || value === undefined) return "";
  return String(value);
}

/** The rows to show: all when `maxRows` fits, else the first and last halves. */
function visibleRows(table: TableLike, maxRows: number): { rows: number[]; hidden: number } {
  const total = table.values.length;
  if (total <= maxRows) return { rows: [...Array(total).keys()], hidden: 0 };
  const head = Math.ceil(maxRows / 2);
  const tail = maxRows - head;
  return { rows: [...Array(head).keys(), ...Array.from({ length: tail }, (_, i) => total - tail + i)], hidden: total - maxRows };
}

/** An HTML `<table>` (numbers right-aligned), with "… N linhas omitidas …" when cut. */
export function tableToHtml(table: TableLike, maxRows = 20): string {
  const { rows, hidden } = visibleRows(table, maxRows);
  const header = `<tr><th></th>${table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("")}</tr>`;
  const all = rowsOf(table);
  const body: string[] = [];
  rows.forEach((row, position) => {
    if (hidden > 0 && position === Math.ceil(maxRows / 2)) {
      body.push(`<tr><td colspan="${table.columns.length + 1}">… ${hidden} linhas omitidas …</td></tr>`);
    }
    const cells = (all[row] ?? []).map((value) => {
      const align = typeof value === "number" ? ' style="text-align:right"' : "";
      return `<td${align}>${escapeHtml(formatCell(value))}</td>`;
    });
    body.push(`<tr><th>${escapeHtml(String(table.index[row] ?? row))}</th>${cells.join("")}</tr>`);
  });
  const size = `${table.values.length} linhas × ${table.columns.length} colunas`;
  return `<table class="dataframe"><thead>${header}</thead><tbody>${body.join("")}</tbody></table><p><small>${size}</small></p>`;
}

/** The same table as aligned plain text. */
export function tableToText(table: TableLike, maxRows = 20): string {
  const { rows, hidden } = visibleRows(table, maxRows);
  const all = rowsOf(table);
  const lines = [["", ...table.columns]];
  for (const row of rows) {
    lines.push([String(table.index[row] ?? row), ...(all[row] ?? []).map((value) => formatCell(value))]);
  }
  const widths = (lines[0] ?? []).map((_, column) => Math.max(...lines.map((line) => (line[column] ?? "").length)));
  const text = lines.map((line) => line.map((cell, column) => cell.padStart(widths[column] ?? 0)).join("  "));
  if (hidden > 0) text.splice(1 + Math.ceil(maxRows / 2), 0, `… ${hidden} linhas omitidas …`);
  return text.join("\n");
}
