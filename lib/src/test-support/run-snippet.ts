import path from "node:path";
import { runProcess } from "../process/run-process";

/** What a child process printed and how it ended. */
export interface SnippetResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The folder snippets run in: `require("./tf")` reaches lib/src/tf.ts. */
export const librarySourceFolder = path.resolve(__dirname, "..");

/**
 * Runs CommonJS code in a fresh Node process that can `require` the library's TypeScript
 * sources (through tsx). The backend is chosen once per process, so every environment
 * variation needs its own process.
 *
 * The parent's `REDES_NEURAIS_*` variables are removed, then `env` is applied; TensorFlow's
 * C++ logs are quieted.
 */
export async function runSnippet(code: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<SnippetResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2" };
  for (const name of Object.keys(childEnv)) {
    if (name.startsWith("REDES_NEURAIS_")) {
      delete childEnv[name];
    }
  }
  Object.assign(childEnv, env);
  const result = await runProcess(process.execPath, ["--import", "tsx", "-e", code], { cwd: librarySourceFolder, env: childEnv, timeoutMs });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/** Prefix of the line a snippet prints with {@link resultLine}'s JSON. */
const resultPrefix = "@@RESULT@@";

/** Code for a snippet: prints `expression` as JSON on its own marked line. */
export function resultLine(expression: string): string {
  return `console.log(${JSON.stringify(resultPrefix)} + JSON.stringify(${expression}));`;
}

/**
 * The value a snippet printed with {@link resultLine}.
 *
 * @throws {Error} With the child's output when no result line is found.
 */
export function readResult<T>(result: SnippetResult): T {
  const line = result.stdout.split("\n").find((text) => text.startsWith(resultPrefix));
  if (line === undefined) {
    throw new Error(`The snippet printed no result (exit ${result.code}).\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return JSON.parse(line.slice(resultPrefix.length)) as T;
}

/** stdout without the result lines: what a user would see. */
export function visibleStdout(result: SnippetResult): string[] {
  return result.stdout.split("\n").filter((line) => line !== "" && !line.startsWith(resultPrefix));
}
