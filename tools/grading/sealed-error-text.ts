/**
 * What a student sees of a failed test: the error's name and the message written for
 * students, never the test's code. tslab prints a failed cell's error with
 * `console.error(error)`: the message, the stack (lines of the test cell) and, for an
 * AssertionError, its fields (`actual`, `expected`, `generatedMessage`…). A message that
 * Node generated itself can quote the failing source line, so it is replaced.
 * Type-check errors (`3:5 - Cannot find name 'sigmoid'.`) are kept: they name what the
 * answer lacks.
 */
const stackLine = /^\s+at\s/;
const errorHeader = /^([A-Za-z]*Error(?: \[[A-Z_]+\])?): ?(.*)$/;
const diagnosticLine = /^\d+:\d+ - /;

export const assertionWithoutMessage = "uma asserção sem mensagem falhou (o valor não era o esperado)";

export function sealedErrorText(errorText: string): string {
  const lines = errorText.split("\n");
  const kept: string[] = lines.filter((line) => diagnosticLine.test(line));
  const headerAt = lines.findIndex((line) => errorHeader.test(line));
  if (headerAt >= 0) {
    const [, name, firstLine] = errorHeader.exec(lines[headerAt] as string) ?? [];
    const message = [firstLine ?? ""];
    for (const line of lines.slice(headerAt + 1)) {
      if (stackLine.test(line)) break;
      message.push(line);
    }
    const generated = /generatedMessage: true/.test(errorText);
    const text = generated ? assertionWithoutMessage : message.join("\n").trim();
    kept.push(`${name}: ${text}`);
  }
  if (kept.length === 0) return lines.find((line) => line.trim() !== "" && !stackLine.test(line))?.trim() ?? "";
  return kept.join("\n");
}
