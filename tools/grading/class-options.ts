/**
 * The class files and rules an instructor passes to the grader (cli.ts: --roster,
 * --ajustes, --prazo, --penalidade, --penalidade-max, --tolerancia, --zerar-apos), read
 * and checked before any submission runs, so that a typo costs seconds, not a batch.
 */
import type { ClassOptions } from "./class-gradebook";
import { ClassFileError } from "./class-file-error";
import { type LatePolicy, parseDuration, parsePenaltyRate } from "./late-penalty";
import { readManualAdjustments } from "./manual-adjustments";
import { readRoster } from "./roster";
import { parseTimestamp } from "./submission-timestamp";

export interface ClassFlags {
  /** `--roster`: the roster CSV (roster.ts). */
  roster?: string | undefined;
  /** `--ajustes`: the manual adjustments CSV (manual-adjustments.ts). */
  ajustes?: string | undefined;
  /** `--prazo`: the deadline, as in timestamp.txt. */
  prazo?: string | undefined;
  /** `--penalidade`: `1/dia`, `0.5/h`, `10%/dia`. */
  penalidade?: string | undefined;
  /** `--penalidade-max`: points. */
  "penalidade-max"?: string | undefined;
  /** `--tolerancia`: `15min`, `2h`. */
  tolerancia?: string | undefined;
  /** `--zerar-apos`: `3d`. */
  "zerar-apos"?: string | undefined;
}

/** The late rule of the flags, or undefined without `--prazo`. */
export function latePolicyFromFlags(flags: ClassFlags): LatePolicy | undefined {
  const rules = (["penalidade", "penalidade-max", "tolerancia", "zerar-apos"] as const).filter((name) => flags[name] !== undefined);
  if (flags.prazo === undefined) {
    if (rules.length > 0) throw new ClassFileError(`--${rules[0]}`, null, "só vale com um prazo: acrescente --prazo \"2026-12-04 23:59 -03:00\".");
    return undefined;
  }
  const rate = flags.penalidade === undefined ? { amount: 0, percent: false, unitHours: 24 } : parsePenaltyRate(flags.penalidade, "--penalidade");
  let capPoints: number | null = null;
  if (flags["penalidade-max"] !== undefined) {
    capPoints = Number(flags["penalidade-max"].replace(",", "."));
    if (!Number.isFinite(capPoints) || capPoints < 0) {
      throw new ClassFileError("--penalidade-max", null, `esperava um número de pontos (por exemplo 3); veio ${JSON.stringify(flags["penalidade-max"])}.`);
    }
  }
  return {
    deadline: parseTimestamp(flags.prazo, "--prazo"),
    graceHours: flags.tolerancia === undefined ? 0 : parseDuration(flags.tolerancia, "--tolerancia"),
    ...rate,
    capPoints,
    zeroAfterHours: flags["zerar-apos"] === undefined ? null : parseDuration(flags["zerar-apos"], "--zerar-apos"),
  };
}

/**
 * @param submitted The names of the submissions (findSubmissions in autograde.ts).
 * @param gradeIds The assignment's graded cells.
 */
export async function loadClassOptions(flags: ClassFlags, submitted: readonly string[], gradeIds: readonly string[]): Promise<ClassOptions> {
  const options: ClassOptions = {};
  const late = latePolicyFromFlags(flags);
  if (late) options.late = late;
  if (flags.roster !== undefined) options.roster = await readRoster(flags.roster);
  if (flags.ajustes !== undefined) {
    const known = [...submitted, ...(options.roster?.students.map((student) => student.id) ?? [])];
    options.adjustments = await readManualAdjustments(flags.ajustes, known, gradeIds);
  }
  return options;
}
