import { readEnvFlag } from "./env-flag";

/** The environment variable that turns on fast mode. */
const FAST_MODE_ENV_VAR = "REDES_NEURAIS_FAST";

/**
 * Tells whether notebooks run in fast mode (`REDES_NEURAIS_FAST=1`).
 *
 * The test suite executes every notebook in fast mode: cells still run, on less data and
 * fewer epochs (the fastai/nbdev habit of shortening slow cells, never skipping them).
 *
 * @param env The environment to read; defaults to `process.env`.
 */
export function isFastMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return readEnvFlag(env, FAST_MODE_ENV_VAR);
}

/**
 * Picks the value for the current mode, e.g. `pickForMode(50, 2)` epochs.
 *
 * @param full The value for a normal run (students, handouts).
 * @param fast The smaller value used when {@link isFastMode} is on (tests).
 * @param env The environment to read; defaults to `process.env`.
 */
export function pickForMode<T>(full: T, fast: T, env: NodeJS.ProcessEnv = process.env): T {
  return isFastMode(env) ? fast : full;
}
