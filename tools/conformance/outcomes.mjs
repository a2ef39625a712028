// @ts-check
/**
 * The verdict of a conformance run, from what jasmine reported spec by spec: counts,
 * failures that no deviation explains, deviations confirmed, and deviations that no
 * longer happen. Pure: no jasmine, no TensorFlow.
 */

/**
 * @typedef {"passed" | "failed" | "pending" | "excluded"} SpecStatus
 * jasmine's statuses: `excluded` = filtered out (upstream's ignore list, fixtures,
 * `--filter`), `pending` = marked pending by the spec itself (xit, pending()).
 */

/**
 * @typedef {object} SpecResult
 * @property {string} fullName
 * @property {SpecStatus} status
 * @property {string} [message] First failure message, for failed specs.
 */

/**
 * @typedef {object} Summary
 * @property {number} executed passed + failed + pending: every spec the filter let through.
 * @property {number} passed
 * @property {number} failed
 * @property {number} pending
 * @property {number} excluded
 * @property {SpecResult[]} unexpectedFailures Failed specs no deviation lists.
 * @property {string[]} confirmedDeviations Listed specs that failed, as expected.
 * @property {string[]} deviationsNowPassing Listed specs (not machine-dependent) that passed: remove them from the list.
 * @property {string[]} machineDeviationsPassing Machine-dependent listed specs that passed here (fine).
 * @property {string[]} deviationsNotRun Listed specs that did not run (filtered out, or renamed upstream).
 * @property {string[]} errors Failures outside any spec (suite set-up, load errors, unhandled rejections).
 * @property {boolean} ok No unexpected failure, no stale deviation, no error.
 */

/**
 * @param {readonly SpecResult[]} results
 * @param {readonly import("./deviations.mjs").Deviation[]} deviations
 * @param {readonly string[]} [errors] Failures reported outside specs.
 * @returns {Summary}
 */
export function summarize(results, deviations, errors = []) {
  const byName = new Map(deviations.map((deviation) => [deviation.spec, deviation]));
  const count = (/** @type {SpecStatus} */ status) => results.filter((result) => result.status === status).length;
  const seen = new Map(results.map((result) => [result.fullName, result.status]));
  /** @type {SpecResult[]} */
  const unexpectedFailures = [];
  /** @type {string[]} */
  const confirmedDeviations = [];
  /** @type {string[]} */
  const deviationsNowPassing = [];
  /** @type {string[]} */
  const machineDeviationsPassing = [];
  for (const result of results) {
    const deviation = byName.get(result.fullName);
    if (result.status === "failed") {
      if (deviation) confirmedDeviations.push(result.fullName);
      else unexpectedFailures.push(result);
    } else if (result.status === "passed" && deviation) {
      (deviation.onSomeMachines ? machineDeviationsPassing : deviationsNowPassing).push(result.fullName);
    }
  }
  const deviationsNotRun = deviations
    .map((deviation) => deviation.spec)
    .filter((spec) => {
      const status = seen.get(spec);
      return status === undefined || status === "excluded" || status === "pending";
    });
  const passed = count("passed");
  const failed = count("failed");
  const pending = count("pending");
  return {
    executed: passed + failed + pending,
    passed,
    failed,
    pending,
    excluded: count("excluded"),
    unexpectedFailures,
    confirmedDeviations,
    deviationsNowPassing,
    machineDeviationsPassing,
    deviationsNotRun,
    errors: [...errors],
    ok: unexpectedFailures.length === 0 && deviationsNowPassing.length === 0 && errors.length === 0,
  };
}

/**
 * The report printed at the end of a run (Portuguese, like the other course commands).
 * @param {Summary} summary
 * @param {{ backend: string, seconds: number, filtered: boolean }} run
 * @returns {string}
 */
export function formatSummary(summary, run) {
  const lines = [
    `conformidade (backend ${run.backend}): ${summary.executed} executados, ${summary.passed} passaram, ` +
      `${summary.failed} falharam, ${summary.pending} pendentes (${summary.excluded} fora da execução) em ${run.seconds.toFixed(1)} s`,
  ];
  if (summary.confirmedDeviations.length > 0) {
    lines.push(`  ${summary.confirmedDeviations.length} falha(s) esperada(s), desvios conhecidos desta build (tools/conformance/deviations.mjs):`);
    for (const spec of summary.confirmedDeviations) lines.push(`    · ${spec}`);
  }
  for (const spec of summary.machineDeviationsPassing) {
    lines.push(`  nota: o desvio dependente do processador (e do oneDNN) passou aqui: ${spec}`);
  }
  if (summary.deviationsNotRun.length > 0 && !run.filtered) {
    lines.push(`  nota: ${summary.deviationsNotRun.length} desvio(s) listado(s) não rodaram (nome mudou no upstream?):`);
    for (const spec of summary.deviationsNotRun) lines.push(`    · ${spec}`);
  }
  for (const failure of summary.unexpectedFailures) {
    lines.push(`  ✗ falha inesperada: ${failure.fullName}`);
    if (failure.message) lines.push(`      ${failure.message.split("\n").slice(0, 3).join("\n      ")}`);
  }
  for (const spec of summary.deviationsNowPassing) {
    lines.push(`  ✗ o desvio listado agora passa — remova-o de tools/conformance/deviations.mjs: ${spec}`);
  }
  for (const error of summary.errors) lines.push(`  ✗ erro fora dos specs: ${error.split("\n").slice(0, 3).join("\n      ")}`);
  lines.push(summary.ok ? "✓ conformidade: ok" : "✗ conformidade: falhou");
  return lines.join("\n");
}
