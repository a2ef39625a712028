/**
 * Parses star/galaxy catalogue CSV text: the course's shipped file, or what SDSS
 * SkyServer's SQL search returns with `format=csv` (a first line `#Table1`, then a header
 * with the column names of the query, then one line per object).
 */
import {
  STAR_GALAXY_COLUMNS,
  CatalogueError,
  type StarGalaxyClass,
  type StarGalaxyNumericColumn,
  type StarGalaxyRecord,
} from "./star-galaxy-record";

const NUMERIC_COLUMNS = STAR_GALAXY_COLUMNS.filter(
  (column): column is StarGalaxyNumericColumn => column !== "objID" && column !== "class",
);

/**
 * Turns CSV text into records.
 *
 * Lines starting with `#` (SkyServer's `#Table1`) and blank lines are skipped; column
 * order is free and extra columns are ignored; class names are read case-insensitively
 * (`star`, `GALAXY`, …); objects of other classes (e.g. `QSO`) are left out.
 *
 * @param text The CSV content.
 * @param origin Where the text came from (a file name or URL), quoted in error messages.
 * @throws {CatalogueError} When a column is missing, a value is not a number, or no
 *   object remains; SkyServer error pages (HTML or an SQL error message) are recognised
 *   and reported as such.
 */
export function parseStarGalaxyCsv(text: string, origin: string): StarGalaxyRecord[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const headerLine = lines[0];
  if (headerLine === undefined) {
    throw new CatalogueError(`O catálogo ${origin} está vazio: esperava um cabeçalho com ${STAR_GALAXY_COLUMNS.join(",")} e linhas de dados.`);
  }
  if (/^<|error/i.test(headerLine)) {
    throw new CatalogueError(
      `${origin} não é um CSV de catálogo; a primeira linha é "${headerLine.slice(0, 120)}". ` +
        "Se veio do SkyServer, a consulta SQL falhou ou o serviço devolveu uma página de erro; tente de novo mais tarde.",
    );
  }
  const header = headerLine.split(",").map((name) => name.trim());
  const position = new Map(header.map((name, index) => [name.toLowerCase(), index]));
  const missing = STAR_GALAXY_COLUMNS.filter((column) => !position.has(column.toLowerCase()));
  if (missing.length > 0) {
    throw new CatalogueError(
      `O catálogo ${origin} não tem as colunas ${missing.join(", ")}. Esperava ${STAR_GALAXY_COLUMNS.join(",")}; ` +
        `o cabeçalho é ${header.join(",")}.`,
    );
  }
  const at = (column: string): number => position.get(column.toLowerCase())!;
  const records: StarGalaxyRecord[] = [];
  lines.slice(1).forEach((line, index) => {
    const cells = line.split(",").map((cell) => cell.trim());
    const lineNumber = index + 2;
    const kind = (cells[at("class")] ?? "").toUpperCase();
    if (kind !== "STAR" && kind !== "GALAXY") return;
    const record = { objID: cells[at("objID")] ?? "", class: kind as StarGalaxyClass } as StarGalaxyRecord;
    for (const column of NUMERIC_COLUMNS) {
      const raw = cells[at(column)];
      const value = raw === undefined || raw === "" ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) {
        throw new CatalogueError(
          `Valor inválido na linha de dados ${lineNumber} de ${origin}, coluna ${column}: "${raw ?? ""}" (esperava um número).`,
        );
      }
      record[column] = value;
    }
    records.push(record);
  });
  if (records.length === 0) {
    throw new CatalogueError(`O catálogo ${origin} não tem nenhuma estrela (STAR) ou galáxia (GALAXY).`);
  }
  return records;
}
