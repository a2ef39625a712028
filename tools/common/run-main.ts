/**
 * Runs a command-line tool's `main` and exits with its code. An error the tool expects
 * (it explains itself) is printed as its message; a programming error (TypeError,
 * ReferenceError, …) with its stack, so that it can be found.
 */
const programmingErrors = [TypeError, ReferenceError, RangeError, SyntaxError];

export function runMain(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const isBug = programmingErrors.some((kind) => error instanceof kind);
      console.error(error instanceof Error ? (isBug ? error.stack : error.message) : error);
      process.exit(1);
    },
  );
}
