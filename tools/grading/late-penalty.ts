/**
 * The late-submission rule: a deadline, a grace period (a submission within it counts as
 * on time), a penalty per started hour or day of lateness (points, or a percentage of the
 * assignment's maximum), an optional cap, and an optional limit after which the
 * submission scores zero. Lateness is always counted from the deadline.
 */
import { ClassFileError, quoted } from "./class-file-error";

export interface LatePolicy {
  deadline: Date;
  graceHours: number;
  /** Points (or percent of the maximum, when `percent`) per started `unitHours` of lateness; 0: none. */
  amount: number;
  percent: boolean;
  unitHours: number;
  /** The most a late submission loses to the per-unit penalty, in points; null: no cap. */
  capPoints: number | null;
  /** More than this many hours late scores zero; null: never. */
  zeroAfterHours: number | null;
}

export interface LateResult {
  /** Hours after the deadline (0 when on time); null when the submission time is unknown. */
  hoursLate: number | null;
  /** Points taken off (never more than the score). */
  penalty: number;
  /** One sentence for the feedback page and the gradebook (empty when on time). */
  note: string;
}

const units: Record<string, number> = { min: 1 / 60, h: 1, hora: 1, d: 24, dia: 24 };

/** `15min`, `2h`, `3d` (or `hora`, `dia`) as hours. */
export function parseDuration(text: string, option: string): number {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(min|h|hora|d|dia)s?\s*$/i.exec(text);
  if (!match) throw new ClassFileError(option, null, `esperava uma duração como 15min, 2h ou 3d; veio ${quoted(text)}.`);
  return Number((match[1] as string).replace(",", ".")) * (units[(match[2] as string).toLowerCase()] as number);
}

/** `1/dia`, `0,5/h`, `10%/dia`: points (or percent of the maximum) per started hour or day. */
export function parsePenaltyRate(text: string, option: string): { amount: number; percent: boolean; unitHours: number } {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*\/\s*(h|hora|d|dia)\s*$/i.exec(text);
  if (!match) {
    throw new ClassFileError(option, null, `esperava pontos por hora ou dia de atraso, como 1/dia, 0.5/h ou 10%/dia (10% da nota máxima por dia); veio ${quoted(text)}.`);
  }
  return { amount: Number((match[1] as string).replace(",", ".")), percent: match[2] === "%", unitHours: units[(match[3] as string).toLowerCase()] as number };
}

function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${(Math.round(hours * 10) / 10).toString().replace(".", ",")} h`;
  return `${(Math.round((hours / 24) * 10) / 10).toString().replace(".", ",")} dias`;
}

function formatPoints(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace(".", ",");
}

/** The penalty of a submission made at `submittedAt` that scored `score` of `maxTotal`. */
export function latePenalty(policy: LatePolicy, submittedAt: Date | null, score: number, maxTotal: number): LateResult {
  if (submittedAt === null) {
    return { hoursLate: null, penalty: 0, note: "sem timestamp.txt: não dá para saber se a entrega atrasou; nenhuma penalidade aplicada." };
  }
  const hoursLate = Math.max(0, (submittedAt.getTime() - policy.deadline.getTime()) / 3_600_000);
  if (hoursLate === 0) return { hoursLate: 0, penalty: 0, note: "" };
  if (hoursLate <= policy.graceHours) {
    return { hoursLate, penalty: 0, note: `entregue ${formatHours(hoursLate)} depois do prazo, dentro da tolerância: sem penalidade.` };
  }
  if (policy.zeroAfterHours !== null && hoursLate > policy.zeroAfterHours) {
    return { hoursLate, penalty: score, note: `entregue ${formatHours(hoursLate)} depois do prazo (mais de ${formatHours(policy.zeroAfterHours)}): a nota vira zero.` };
  }
  const started = Math.ceil(hoursLate / policy.unitHours - 1e-9);
  let penalty = started * (policy.percent ? (policy.amount / 100) * maxTotal : policy.amount);
  if (policy.capPoints !== null) penalty = Math.min(penalty, policy.capPoints);
  penalty = Math.min(penalty, score);
  if (policy.amount === 0) return { hoursLate, penalty: 0, note: `entregue ${formatHours(hoursLate)} depois do prazo.` };
  return { hoursLate, penalty, note: `entregue ${formatHours(hoursLate)} depois do prazo: −${formatPoints(penalty)} ponto(s) de penalidade.` };
}
