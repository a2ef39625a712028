/**
 * When a student handed in: nbgrader's convention, a `timestamp.txt` beside the
 * submitted notebook in the student's folder (`aluno/timestamp.txt` or
 * `aluno/<tarefa>/timestamp.txt`), holding one line as nbgrader's exchange writes it:
 * `2026-12-04 18:38:17.123456 UTC` (`%Y-%m-%d %H:%M:%S.%f %Z`; older nbgrader versions
 * without `.%f`). Like nbgrader (`parse_utc`), a time without a zone is UTC. The same
 * syntax gives the deadline (`--prazo`).
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { ClassFileError, quoted } from "./class-file-error";

const timestampFileName = "timestamp.txt";

const pattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(UTC|GMT|Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const example = "2026-12-04 18:38:17.123456 UTC (ou 2026-12-04 15:38:17 -03:00)";

/**
 * @param where What the text is (a file name, `--prazo`), quoted in the error.
 * @throws {ClassFileError} when the text is not a date and time in that format, or a
 *   field is out of range (month 13, 25 h…).
 */
export function parseTimestamp(text: string, where: string, line: number | null = null): Date {
  const trimmed = text.trim();
  const match = pattern.exec(trimmed);
  if (!match) {
    throw new ClassFileError(where, line, `esperava data e hora como o nbgrader escreve, por exemplo ${example}; veio ${quoted(trimmed)}. Fusos por nome (BRT, EST) não valem: use UTC ou um deslocamento como -03:00.`);
  }
  const [, year, month, day, hour, minute, second = "0", fraction = "0", zone = "UTC"] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const milliseconds = Math.floor(Number(`0.${fraction}`) * 1000);
  let offsetMinutes = 0;
  if (/^[+-]/.test(zone)) {
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
  }
  const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], milliseconds);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] - 1 || check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] || check.getUTCMinutes() !== fields[4] || check.getUTCSeconds() !== fields[5] ||
    Math.abs(offsetMinutes) > 14 * 60
  ) {
    throw new ClassFileError(where, line, `a data ${quoted(trimmed)} não existe (mês, dia, hora ou fuso fora do intervalo). Exemplo válido: ${example}.`);
  }
  return new Date(utc - offsetMinutes * 60_000);
}

/** The instant in the gradebook: ISO 8601 in UTC, e.g. `2026-12-04T18:38:17.123Z`. */
export function formatTimestamp(instant: Date): string {
  return instant.toISOString();
}

/**
 * The submission time of the notebook `submissionFile`, or null when its folder has no
 * `timestamp.txt` (and always for a loose `aluno.ipynb` in the submissions folder itself:
 * a timestamp.txt there belongs to nobody).
 * @throws {ClassFileError} when the file is a link, is not a small text file, or does
 *   not hold a timestamp.
 */
export async function readSubmissionTimestamp(submissionFile: string, submissionsDir: string): Promise<Date | null> {
  const folder = path.dirname(path.resolve(submissionFile));
  if (folder === path.resolve(submissionsDir)) return null;
  const file = path.join(folder, timestampFileName);
  let info;
  try {
    info = await lstat(file);
  } catch {
    return null;
  }
  if (!info.isFile()) {
    throw new ClassFileError(file, null, "não é um arquivo comum (é um link, uma pasta…). Troque-o por um arquivo de texto com a data da entrega.");
  }
  if (info.size > 200) {
    throw new ClassFileError(file, null, `tem ${info.size} bytes; esperava uma linha com a data da entrega, por exemplo ${example}.`);
  }
  const text = await readFile(file, "utf8");
  const firstLine = text.split(/\r?\n/).find((candidate) => candidate.trim() !== "") ?? "";
  return parseTimestamp(firstLine, file, 1);
}
