/**
 * Reads the CSV files an instructor keeps by hand (roster, manual adjustments): a header
 * line, then one record per line, RFC 4180 quoting (fields with commas, quotes or line
 * breaks between double quotes), a UTF-8 byte-order mark and `;` separators (what a
 * spreadsheet saves in pt-BR locales) accepted. Each record keeps the line it starts on,
 * for error messages. Writing CSV: `csvField` in gradebook-csv.ts.
 */
import { readFile } from "node:fs/promises";
import { ClassFileError, quoted } from "./class-file-error";

interface CsvRecord {
  /** The line of the file where the record starts (from 1). */
  line: number;
  /** Values by column name (the header's names, trimmed and lower-cased). */
  values: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/** Fields of every line, with the line each record starts on. */
function splitRecords(text: string, separator: string, file: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quotedField = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0]?.trim() === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quotedField) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        quotedField = false;
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      quotedField = true;
      field = "";
    } else if (char === separator) {
      endField();
    } else if (char === "\n" || char === "\r") {
      endRecord();
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    index += 1;
  }
  if (quotedField) {
    throw new ClassFileError(file, recordLine, "há aspas (\") abertas que nunca fecham. Feche o campo com outra aspa ou tire a aspa solta.");
  }
  endRecord();
  return records;
}

/**
 * Parses CSV text whose header must hold `required` columns (lower-case names); other
 * columns are kept too. Blank lines are skipped.
 * @throws {ClassFileError} on an empty file, a missing required column, a repeated
 *   column, or a line with more fields than the header.
 */
export function parseCsvTable(text: string, file: string, required: readonly string[]): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const [header, ...rows] = splitRecords(body, separator, file);
  if (!header) {
    throw new ClassFileError(file, null, `o arquivo está vazio. Esperava um cabeçalho com as colunas ${required.join(",")} e uma linha por registro.`);
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column !== "" && seen.has(column)) throw new ClassFileError(file, header.line, `a coluna ${quoted(column)} aparece duas vezes no cabeçalho. Deixe uma só.`);
    seen.add(column);
  }
  const missing = required.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    throw new ClassFileError(
      file,
      header.line,
      `falta(m) a(s) coluna(s) ${missing.join(", ")} no cabeçalho; veio ${quoted(header.fields.join(separator))}. A primeira linha deve ser, por exemplo: ${required.join(",")}`,
    );
  }
  const records = rows.map(({ line, fields }) => {
    if (fields.length > columns.length) {
      throw new ClassFileError(
        file,
        line,
        `a linha tem ${fields.length} campos e o cabeçalho ${columns.length}. Um valor com vírgula precisa ficar entre aspas ("Silva, Ana").`,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (column !== "") values[column] = (fields[index] ?? "").trim();
    });
    return { line, values };
  });
  return { columns, records };
}

/** Reads and parses a CSV file; a missing file is a {@link ClassFileError} too. */
export async function readCsvTable(file: string, required: readonly string[]): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ClassFileError(file, null, `não consegui ler o arquivo (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Confira o caminho.`);
  }
  return parseCsvTable(text, file, required);
}
