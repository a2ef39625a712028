import { InvalidBackendChoiceError } from "./backend-errors";

/** The environment variable that chooses the TensorFlow.js backend. */
const BACKEND_ENV_VAR = "REDES_NEURAIS_BACKEND";

/**
 * The accepted values of `REDES_NEURAIS_BACKEND`:
 * - `auto` (also when unset): the native `tensorflow` backend, or the pure-JavaScript
 *   `cpu` backend with a visible warning when the native binding cannot load;
 * - `tensorflow`: the native backend or an error;
 * - `cpu`: the pure-JavaScript backend on purpose (for speed comparisons).
 */
export const BACKEND_CHOICES = ["auto", "tensorflow", "cpu"] as const;

/** One of {@link BACKEND_CHOICES}. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/**
 * Reads the backend the user asked for.
 *
 * @param env The environment to read; defaults to `process.env`.
 * @returns `auto` when the variable is unset or blank; otherwise its value, trimmed and
 *   lower-cased.
 * @throws {InvalidBackendChoiceError} When the value is not one of {@link BACKEND_CHOICES}.
 */
export function readBackendChoice(env: NodeJS.ProcessEnv = process.env): BackendChoice {
  const raw = env[BACKEND_ENV_VAR];
  const value = raw?.trim().toLowerCase() ?? "";
  if (value === "") {
    return "auto";
  }
  if (isBackendChoice(value)) {
    return value;
  }
  throw new InvalidBackendChoiceError(raw ?? "");
}

function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}
