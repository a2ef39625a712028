/**
 * Manual adjustments: a CSV the instructor edits by hand (in a text editor or a
 * spreadsheet), one line per student and graded cell:
 *
 *     aluno,grade_id,ajuste,comentario
 *     ana,testes-treino,+1.5,"Treino certo; o teste falhou só pela semente."
 *     bruno,testes-gradientes,-1,Copiou o gradiente da aula sem entender o sinal.
 *     carla,testes-acuracia,0,Bom trabalho.
 *
 * `ajuste` is points added to (or, negative, taken from) the automatic score of that
 * cell; the cell's score stays within [0, its maximum]. `0` or an empty `ajuste` leaves
 * the score and only adds the comment, which the student's feedback page shows.
 */
import { ClassFileError, quoted } from "./class-file-error";
import { readCsvTable } from "./csv-table";

export interface ManualAdjustment {
  student: string;
  gradeId: string;
  points: number;
  comment: string;
  line: number;
}

const adjustmentColumns = ["aluno", "grade_id", "ajuste", "comentario"] as const;

/**
 * @param knownStudents Submissions and rostered students: an adjustment for anyone else is a typo.
 * @param gradeIds The assignment's graded cells.
 * @throws {ClassFileError} naming file and line: a missing column, an unknown student or
 *   grade_id, an `ajuste` that is not a number, a repeated (aluno, grade_id), a line
 *   with neither an adjustment nor a comment.
 */
export async function readManualAdjustments(file: string, knownStudents: readonly string[], gradeIds: readonly string[]): Promise<ManualAdjustment[]> {
  const table = await readCsvTable(file, [...adjustmentColumns]);
  const students = new Set(knownStudents);
  const seen = new Map<string, number>();
  return table.records.map(({ line, values }) => {
    const student = values["aluno"] ?? "";
    const gradeId = values["grade_id"] ?? "";
    const text = (values["ajuste"] ?? "").replace(",", ".");
    const comment = values["comentario"] ?? "";
    if (!students.has(student)) {
      throw new ClassFileError(file, line, `o aluno ${quoted(student)} não entregou esta tarefa nem está no roster. Use o nome da entrega (a pasta ou o arquivo .ipynb sem a extensão).`);
    }
    if (!gradeIds.includes(gradeId)) {
      throw new ClassFileError(file, line, `grade_id ${quoted(gradeId)} não é um teste desta tarefa. Os testes são: ${gradeIds.join(", ")}.`);
    }
    if (text !== "" && !/^[+-]?\d+(\.\d+)?$/.test(text)) {
      throw new ClassFileError(file, line, `ajuste ${quoted(values["ajuste"] ?? "")} não é um número. Escreva pontos a somar, como 1, -0.5 ou +2 (vazio ou 0: só o comentário).`);
    }
    if ((text === "" || Number(text) === 0) && comment === "") {
      throw new ClassFileError(file, line, "a linha não tem ajuste nem comentário. Preencha um dos dois ou apague a linha.");
    }
    const key = `${student}\u0000${gradeId}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new ClassFileError(file, line, `já há um ajuste de ${quoted(student)} em ${quoted(gradeId)} na linha ${previous}. Junte os dois numa linha só.`);
    }
    seen.set(key, line);
    return { student, gradeId, points: text === "" ? 0 : Number(text), comment, line };
  });
}

export interface AdjustedCell {
  gradeId: string;
  automatic: number;
  adjustment: number;
  final: number;
  maxPoints: number;
  comment: string;
}

/**
 * A student's cell scores with their adjustments merged: final = clamp(automatic + adjustment, 0, max).
 * @param points Automatic points by grade_id.
 * @param maxPoints Maximum points by grade_id.
 */
export function applyAdjustments(
  student: string,
  points: Readonly<Record<string, number | null>>,
  maxPoints: ReadonlyMap<string, number>,
  adjustments: readonly ManualAdjustment[],
): { points: Record<string, number>; cells: AdjustedCell[] } {
  const merged: Record<string, number> = {};
  for (const gradeId of maxPoints.keys()) merged[gradeId] = points[gradeId] ?? 0;
  const cells: AdjustedCell[] = [];
  for (const adjustment of adjustments) {
    if (adjustment.student !== student) continue;
    const max = maxPoints.get(adjustment.gradeId) ?? 0;
    const automatic = merged[adjustment.gradeId] ?? 0;
    const final = Math.min(max, Math.max(0, automatic + adjustment.points));
    merged[adjustment.gradeId] = final;
    cells.push({ gradeId: adjustment.gradeId, automatic, adjustment: adjustment.points, final, maxPoints: max, comment: adjustment.comment });
  }
  return { points: merged, cells };
}
