/**
 * What binder/environment.yml asks pip for: the lines of its `pip:` list (e.g.
 * `-r ../requirements.txt`), which conda — and so repo2docker — hands to pip with the file's
 * folder as working directory. The simulated repo2docker build
 * (tools/deploy/repo2docker.deploy-test.ts) installs the same lines into a fresh venv.
 */
import { readFileSync } from "node:fs";

/** The `pip:` list of a conda environment file, one pip argument line per entry, in order. */
export function pipLinesOfEnvironment(yamlText: string): string[] {
  const lines = yamlText.split("\n");
  const start = lines.findIndex((line) => /^\s*-\s+pip:\s*$/.test(line));
  if (start < 0) return [];
  const pipIndent = /^(\s*)/.exec(lines[start]!)![1]!.length;
  const found: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const indent = /^(\s*)/.exec(line)![1]!.length;
    if (indent <= pipIndent) break;
    const item = /^\s*-\s+(.+?)\s*$/.exec(line);
    if (item) found.push(item[1]!.replace(/\s+#.*$/, ""));
  }
  return found;
}

/** pip's arguments for those lines: `-r x` stays `-r x`, a bare requirement stays itself. */
export function pipArgumentsOfEnvironmentFile(file: string): string[] {
  const lines = pipLinesOfEnvironment(readFileSync(file, "utf8"));
  if (lines.length === 0) {
    throw new Error(
      `${file} não tem uma lista "pip:" em dependencies: esperava "- pip:" seguido de linhas ` +
        '"- -r ../requirements.txt". Confira o arquivo (binder/environment.yml).',
    );
  }
  return lines.flatMap((line) => line.split(/\s+/));
}
