/**
 * Parses the star/galaxy CSV files people have: the course's shipped file, SDSS
 * SkyServer's SQL search with `format=csv` (a first line `#Table1`, then a header), and
 * SkyServer / CasJobs exports whose columns are `modelMag_*`, `psfMag_*` or the plain
 * band names `u,g,r,i,z` (model magnitudes, as in `PhotoObj`) with the redshift as
 * `redshift` or `z`. Fields are read by csv-parse (quotes, `\r\n`, a byte-order mark), and
 * header names are matched case-insensitively.
 */
import { CsvError, parse } from "csv-parse/sync";
import {
  CatalogueError,
  SDSS_BANDS,
  STAR_GALAXY_COLUMNS,
  type SdssBand,
  type SdssPhotometryRecord,
  type StarGalaxyClass,
  type StarGalaxyRecord,
} from "./star-galaxy-record";

/** Where each field of a record is read from: a column index, or absent. */
interface ColumnPlan {
  objID?: number;
  class: number;
  redshift: number;
  model: Record<SdssBand, number>;
  psf?: Record<SdssBand, number>;
}

const EXPECTED =
  "class; o redshift (redshift, ou z quando as magnitudes vêm como modelMag_*); as magnitudes de modelo " +
  "modelMag_u..modelMag_z (ou u,g,r,i,z); opcionalmente psfMag_u..psfMag_z e objID";

function planColumns(header: string[], origin: string): ColumnPlan {
  const position = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!position.has(key)) position.set(key, index);
  });
  const find = (...names: string[]): number | undefined => {
    for (const name of names) {
      const index = position.get(name.toLowerCase());
      if (index !== undefined) return index;
    }
    return undefined;
  };
  const missing: string[] = [];
  const hasModelMagnitudes = SDSS_BANDS.every((band) => position.has(`modelmag_${band}`));
  // With plain band names, `z` is the z-band magnitude and the redshift must be `redshift`.
  const redshift = hasModelMagnitudes ? find("redshift", "z") : find("redshift");
  const model = {} as Record<SdssBand, number>;
  for (const band of SDSS_BANDS) {
    const index = hasModelMagnitudes ? find(`modelMag_${band}`) : find(`modelMag_${band}`, band);
    if (index === undefined) missing.push(`modelMag_${band} (ou ${band})`);
    else model[band] = index;
  }
  const kind = find("class");
  if (kind === undefined) missing.push("class");
  if (redshift === undefined) missing.push(hasModelMagnitudes ? "z (ou redshift)" : "redshift");
  if (missing.length > 0 || kind === undefined || redshift === undefined) {
    throw new CatalogueError(
      `O catálogo ${origin} não tem as colunas ${missing.join(", ")}. Esperava ${EXPECTED}; ` +
        `as colunas encontradas são: ${header.join(", ")}. Renomeie as colunas na consulta (por exemplo, "s.z AS redshift") e exporte de novo.`,
    );
  }
  const psfIndices = SDSS_BANDS.map((band) => find(`psfMag_${band}`));
  const psf = psfIndices.every((index) => index !== undefined)
    ? (Object.fromEntries(SDSS_BANDS.map((band, k) => [band, psfIndices[k]!])) as Record<SdssBand, number>)
    : undefined;
  return { objID: find("objID", "bestObjID", "specObjID"), class: kind, redshift, model, psf };
}

function firstDataLine(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("#"));
}

/**
 * Turns an SDSS CSV export into records; PSF magnitudes are kept when the export has all
 * five `psfMag_*` columns.
 *
 * Lines starting with `#` (SkyServer's `#Table1`) and blank lines are skipped; column
 * order is free and extra columns are ignored; class names are read case-insensitively
 * (`star`, `GALAXY`, …); objects of other classes (e.g. `QSO`) are left out. Without an
 * id column, objects are numbered from 1.
 *
 * @example
 * parseSdssCsv('u,g,r,i,z,redshift,class\n19.1,17.5,16.7,16.3,16.0,0.08,GALAXY\n', "minha-consulta.csv");
 * @param text The CSV content.
 * @param origin Where the text came from (a file name or URL), quoted in error messages.
 * @throws {CatalogueError} When a column is missing (the message lists the columns
 *   found and the ones expected), a value is not a number, a line is malformed, or no
 *   object remains; SkyServer error pages (HTML or an SQL error message) are recognised
 *   and reported as such.
 */
export function parseSdssCsv(text: string, origin: string): SdssPhotometryRecord[] {
  const first = firstDataLine(text.replace(/^\uFEFF/, ""));
  if (first === undefined) {
    throw new CatalogueError(`O catálogo ${origin} está vazio: esperava um cabeçalho com ${STAR_GALAXY_COLUMNS.join(",")} e linhas de dados.`);
  }
  if (/^<|error/i.test(first)) {
    throw new CatalogueError(
      `${origin} não é um CSV de catálogo; a primeira linha é "${first.slice(0, 120)}". ` +
        "Se veio do SkyServer, a consulta SQL falhou ou o serviço devolveu uma página de erro; tente de novo mais tarde.",
    );
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, comment: "#", comment_no_infix: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new CatalogueError(
      `O CSV ${origin} está malformado: ${error.message}. Confira se todas as linhas têm o mesmo número de campos que o cabeçalho ` +
        "e se as aspas estão fechadas (exporte de novo do SkyServer ou do CasJobs no formato CSV).",
      { cause: error },
    );
  }
  const [header, ...data] = rows;
  const plan = planColumns(header!, origin);
  const records: SdssPhotometryRecord[] = [];
  data.forEach((cells, index) => {
    const lineNumber = index + 2;
    const kind = (cells[plan.class] ?? "").toUpperCase();
    if (kind !== "STAR" && kind !== "GALAXY") return;
    const number = (column: number, name: string): number => {
      const raw = cells[column];
      const value = raw === undefined || raw === "" ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) {
        throw new CatalogueError(
          `Valor inválido na linha de dados ${lineNumber} de ${origin}, coluna ${name}: "${raw ?? ""}" (esperava um número).`,
        );
      }
      return value;
    };
    const record = {
      objID: plan.objID === undefined ? String(index + 1) : (cells[plan.objID] ?? ""),
      class: kind as StarGalaxyClass,
    } as SdssPhotometryRecord;
    const { psf } = plan;
    if (psf) for (const band of SDSS_BANDS) record[`psfMag_${band}`] = number(psf[band], header![psf[band]]!);
    for (const band of SDSS_BANDS) record[`modelMag_${band}`] = number(plan.model[band], header![plan.model[band]]!);
    record.z = number(plan.redshift, header![plan.redshift]!);
    records.push(record);
  });
  if (records.length === 0) {
    throw new CatalogueError(`O catálogo ${origin} não tem nenhuma estrela (STAR) ou galáxia (GALAXY).`);
  }
  return records;
}

/** Whether a record has its five PSF magnitudes. */
function hasPsfMagnitudes(record: SdssPhotometryRecord): record is StarGalaxyRecord {
  return SDSS_BANDS.every((band) => record[`psfMag_${band}`] !== undefined);
}

/**
 * Like {@link parseSdssCsv}, for files that must also have the PSF magnitudes (the
 * course's catalogue and the SkyServer query of lib/src/photometry/skyserver.ts).
 *
 * @throws {CatalogueError} As {@link parseSdssCsv}, and when a `psfMag_*` column is missing.
 */
export function parseStarGalaxyCsv(text: string, origin: string): StarGalaxyRecord[] {
  const records = parseSdssCsv(text, origin);
  if (!records.every(hasPsfMagnitudes)) {
    const header = firstDataLine(text.replace(/^\uFEFF/, "")) ?? "";
    throw new CatalogueError(
      `O catálogo ${origin} não tem as colunas psfMag_u..psfMag_z. Esperava ${STAR_GALAXY_COLUMNS.join(",")}; ` +
        `o cabeçalho é ${header}. Sem as magnitudes PSF, leia-o com readSdssCsvFile e use só as cores.`,
    );
  }
  return records;
}
