/**
 * The error of a file the instructor writes by hand (roster, manual adjustments,
 * timestamp.txt, the deadline): it names the file and the line, says what arrived and
 * what to write instead.
 */
export class ClassFileError extends Error {
  override name = "ClassFileError";
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line === null ? "" : `, linha ${line}`}: ${detail}`);
  }
}

/** A value quoted in an error message: at most 60 characters, so a huge or binary file is not echoed. */
export function quoted(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
