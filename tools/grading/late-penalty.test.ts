import assert from "node:assert/strict";
import { test } from "node:test";
import { latePolicyFromFlags } from "./class-options";
import { type LatePolicy, latePenalty, parseDuration, parsePenaltyRate } from "./late-penalty";

const deadline = new Date("2026-12-04T23:59:00Z");
const hoursAfter = (hours: number) => new Date(deadline.getTime() + hours * 3_600_000);
const policy = (changes: Partial<LatePolicy>): LatePolicy => ({
  deadline, graceHours: 0, amount: 1, percent: false, unitHours: 24, capPoints: null, zeroAfterHours: null, ...changes,
});

test("a penalidade conta cada dia (ou hora) começado de atraso, desde o prazo", () => {
  assert.deepEqual(latePenalty(policy({}), hoursAfter(-1), 8, 10), { hoursLate: 0, penalty: 0, note: "" });
  assert.equal(latePenalty(policy({}), hoursAfter(0.01), 8, 10).penalty, 1);
  assert.equal(latePenalty(policy({}), hoursAfter(24), 8, 10).penalty, 1);
  assert.equal(latePenalty(policy({}), hoursAfter(24.5), 8, 10).penalty, 2);
  assert.equal(latePenalty(policy({ amount: 0.5, unitHours: 1 }), hoursAfter(2.5), 8, 10).penalty, 1.5);
  assert.equal(latePenalty(policy({ amount: 10, percent: true }), hoursAfter(30), 8, 10).penalty, 2, "10% de 10 pontos por dia, 2 dias começados");
  const late = latePenalty(policy({}), hoursAfter(30), 8, 10);
  assert.equal(late.hoursLate, 30);
  assert.match(late.note, /entregue 30 h depois do prazo: −2 ponto\(s\) de penalidade/);
});

test("tolerância, teto, zero depois de um limite e nunca mais que a nota", () => {
  const grace = latePenalty(policy({ graceHours: 0.25 }), hoursAfter(0.2), 8, 10);
  assert.equal(grace.penalty, 0);
  assert.match(grace.note, /12 min depois do prazo, dentro da tolerância/);
  assert.equal(latePenalty(policy({ graceHours: 0.25 }), hoursAfter(0.3), 8, 10).penalty, 1, "passou da tolerância: conta desde o prazo");
  assert.equal(latePenalty(policy({ capPoints: 3 }), hoursAfter(24 * 9), 8, 10).penalty, 3);
  const zero = latePenalty(policy({ zeroAfterHours: 72 }), hoursAfter(73), 8, 10);
  assert.equal(zero.penalty, 8);
  assert.match(zero.note, /a nota vira zero/);
  assert.equal(latePenalty(policy({ amount: 5 }), hoursAfter(40), 3, 10).penalty, 3, "a penalidade não deixa a nota negativa");
});

test("sem timestamp.txt não há penalidade, e a devolutiva diz por quê", () => {
  const unknown = latePenalty(policy({}), null, 8, 10);
  assert.equal(unknown.penalty, 0);
  assert.equal(unknown.hoursLate, null);
  assert.match(unknown.note, /sem timestamp\.txt/);
});

test("as opções --prazo, --penalidade, --tolerancia, --zerar-apos e --penalidade-max viram a regra", () => {
  assert.deepEqual(parsePenaltyRate("10%/dia", "--penalidade"), { amount: 10, percent: true, unitHours: 24 });
  assert.deepEqual(parsePenaltyRate("0,5/h", "--penalidade"), { amount: 0.5, percent: false, unitHours: 1 });
  assert.equal(parseDuration("15min", "--tolerancia"), 0.25);
  assert.equal(parseDuration("3d", "--zerar-apos"), 72);
  assert.deepEqual(latePolicyFromFlags({ prazo: "2026-12-04 20:59 -03:00", penalidade: "1/dia", tolerancia: "2h", "zerar-apos": "3d", "penalidade-max": "3" }), {
    deadline, graceHours: 2, amount: 1, percent: false, unitHours: 24, capPoints: 3, zeroAfterHours: 72,
  });
  assert.equal(latePolicyFromFlags({}), undefined);
  assert.throws(() => latePolicyFromFlags({ penalidade: "1/dia" }), /--penalidade: só vale com um prazo: acrescente --prazo/);
  assert.throws(() => parsePenaltyRate("um por dia", "--penalidade"), /--penalidade: esperava pontos por hora ou dia de atraso, como 1\/dia.*veio "um por dia"/);
  assert.throws(() => parseDuration("meia hora", "--tolerancia"), /--tolerancia: esperava uma duração como 15min/);
  assert.throws(() => latePolicyFromFlags({ prazo: "2026-12-04", penalidade: "1/dia" }), /--prazo: esperava data e hora/);
});
