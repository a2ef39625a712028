/** Errors of `npm run bench` that explain themselves (runMain prints only their message). */

/** A bad command-line argument or a bad input to the suite's helpers. */
export class BenchArgumentError extends Error {
  override name = "BenchArgumentError";
}

/** An earlier report given to `--comparar` that cannot be read. */
export class BenchReportError extends Error {
  override name = "BenchReportError";
}

export function isBenchArgumentError(error: unknown): error is BenchArgumentError {
  return error instanceof BenchArgumentError;
}
