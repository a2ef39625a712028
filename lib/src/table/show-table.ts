import { displayMimeBundle } from "../jupyter/display-mime-bundle";
import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import { tableToHtml, tableToText, type TableLike } from "./table-html";

/**
 * Shows a table — e.g. a danfo.js `DataFrame` — as an HTML table in a notebook (and its
 * handout), or as aligned text in a plain Node script. Long tables show their first and
 * last rows.
 *
 * @example
 * showTable(await dfd.readCSV(datasetPath("planetas.csv")));
 *
 * @param table Anything with `columns`, `index` and `values` (a danfo.js DataFrame).
 * @param maxRows How many rows to show at most (default 20).
 */
export function showTable(table: TableLike, maxRows = 20): void {
  if (isInsideTslabKernel()) {
    displayMimeBundle({ "text/html": tableToHtml(table, maxRows), "text/plain": tableToText(table, maxRows) });
  } else {
    console.log(tableToText(table, maxRows));
  }
}
