/**
 * The class roster: a CSV the instructor keeps (`id,nome,email`, optional `secao`,
 * `canvas_id`, `sis_login_id`), where `id` is the name of the student's submission (the
 * folder `id/` or the file `id.ipynb` in the submissions folder). The gradebook lists
 * every rostered student (those without a submission as `não entregou`) and flags
 * submissions whose name is not in the roster; the LMS exports (gradebook-export.ts)
 * take names, e-mails and LMS identifiers from here.
 */
import { ClassFileError, quoted } from "./class-file-error";
import { readCsvTable } from "./csv-table";

export interface RosterStudent {
  id: string;
  name: string;
  email: string;
  section: string;
  /** Canvas's internal user id (the `ID` column of a Canvas gradebook export), if known. */
  canvasId: string;
  /** Canvas's `SIS Login ID`, if known. */
  sisLoginId: string;
}

export interface Roster {
  file: string;
  students: RosterStudent[];
}

/** A name usable as a submission: what `findSubmissions` (autograde.ts) can produce. */
const submissionName = /^[^/\\\0]+$/;

/**
 * @throws {ClassFileError} naming the file and line: no `id` column, an empty or repeated
 *   id, an id that cannot be a folder name, an e-mail without `@`.
 */
export async function readRoster(file: string): Promise<Roster> {
  const table = await readCsvTable(file, ["id"]);
  const byId = new Map<string, number>();
  const students = table.records.map(({ line, values }) => {
    const id = values["id"] ?? "";
    if (id === "") throw new ClassFileError(file, line, "a coluna id está vazia. Cada aluno precisa do nome da sua entrega (a pasta ou o arquivo .ipynb sem a extensão).");
    if (!submissionName.test(id) || id === "." || id === "..") {
      throw new ClassFileError(file, line, `o id ${quoted(id)} não pode ser nome de pasta. Use o nome da pasta ou do arquivo .ipynb do aluno, sem barras.`);
    }
    const previous = byId.get(id);
    if (previous !== undefined) throw new ClassFileError(file, line, `o id ${quoted(id)} já apareceu na linha ${previous}. Cada aluno aparece uma vez.`);
    byId.set(id, line);
    const email = values["email"] ?? "";
    if (email !== "" && !/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw new ClassFileError(file, line, `o e-mail ${quoted(email)} não parece um endereço (esperava nome@dominio). Corrija ou deixe o campo vazio.`);
    }
    return {
      id,
      name: values["nome"] ?? "",
      email,
      section: values["secao"] ?? "",
      canvasId: values["canvas_id"] ?? "",
      sisLoginId: values["sis_login_id"] ?? "",
    };
  });
  if (students.length === 0) throw new ClassFileError(file, null, "o roster não tem nenhum aluno: depois do cabeçalho, uma linha por aluno (id,nome,email).");
  return { file, students };
}

export interface RosterMatch {
  /** Rostered students without a submission. */
  missing: RosterStudent[];
  /** Submission names that are not in the roster. */
  unknown: string[];
}

export function matchRoster(roster: Roster, submitted: readonly string[]): RosterMatch {
  const names = new Set(submitted);
  const ids = new Set(roster.students.map((student) => student.id));
  return {
    missing: roster.students.filter((student) => !names.has(student.id)),
    unknown: submitted.filter((name) => !ids.has(name)),
  };
}
