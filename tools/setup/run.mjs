// @ts-check
/** Running commands for the set-up, with errors that say what failed and what to do. */
import { spawnSync } from "node:child_process";

/** A set-up failure a person can act on: what went wrong, what was seen, what to do. */
export class SetupError extends Error {
  /**
   * @param {string} what
   * @param {string} seen
   * @param {string} todo
   */
  constructor(what, seen, todo) {
    super(`${what}\n  ${seen}\n  O que fazer: ${todo}`);
    this.name = "SetupError";
  }
}

/**
 * Runs a command with its output shown; throws SetupError if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} options
 */
export function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error || result.status !== 0) {
    throw new SetupError(
      `o comando \`${[command, ...args].join(" ")}\` falhou`,
      result.error ? String(result.error.message) : `código de saída ${result.status}.`,
      "leia a mensagem acima; depois de corrigir, rode `npm run setup` de novo (ele retoma de onde parou).",
    );
  }
}

/**
 * Runs a command and returns its stdout ("" if it cannot run).
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} [options]
 */
export function runQuiet(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
  return result.status === 0 ? String(result.stdout) : "";
}
