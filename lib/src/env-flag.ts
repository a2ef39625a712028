/**
 * Reads an on/off environment variable such as `REDES_NEURAIS_FAST=1`.
 *
 * @param env The environment to read (usually `process.env`).
 * @param name The variable's name.
 * @returns `true` for `1` or `true` (any case, spaces ignored); `false` when unset or
 *   anything else.
 */
export function readEnvFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  return value === "1" || value === "true";
}
