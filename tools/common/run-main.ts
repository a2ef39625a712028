/**
 * Runs a command-line tool's `main` and exits with its code; an unexpected error is
 * printed (its message, not a stack) and exits 1.
 */
export function runMain(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
