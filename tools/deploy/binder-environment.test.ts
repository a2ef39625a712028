import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../project.mjs";
import { pipArgumentsOfEnvironmentFile, pipLinesOfEnvironment } from "./binder-environment";

const binderEnvironment = path.join(projectRoot, "binder", "environment.yml");

test("the pip list of a conda environment file: its lines in order, comments and the next section left out", () => {
  const yaml = [
    "name: x",
    "dependencies:",
    "  - python=3.11",
    "  - pip:",
    "      # comentário",
    "      - -r ../requirements.txt",
    "      - numpy==2.0  # fixado",
    "  - make",
    "other: 1",
  ].join("\n");
  assert.deepEqual(pipLinesOfEnvironment(yaml), ["-r ../requirements.txt", "numpy==2.0"]);
  assert.deepEqual(pipLinesOfEnvironment("dependencies:\n  - python\n"), []);
});

test("binder/environment.yml installs the course's requirements.txt pinned by constraints.txt, files that exist from binder/", () => {
  const args = pipArgumentsOfEnvironmentFile(binderEnvironment);
  assert.deepEqual(args, ["-r", "../requirements.txt", "-c", "../constraints.txt"]);
  for (const file of [args[1]!, args[3]!]) assert.ok(existsSync(path.resolve(path.dirname(binderEnvironment), file)), file);
});

test("binder/environment.yml asks for the same conda packages as environment.yml", () => {
  const condaPackages = (text: string) => [...text.matchAll(/^ {2}- ([a-z][\w.=-]*)\s*$/gm)].map((match) => match[1]);
  const binder = condaPackages(readFileSync(binderEnvironment, "utf8"));
  assert.ok(binder.includes("nodejs=24") && binder.includes("cxx-compiler"), binder.join(", "));
  assert.deepEqual(binder, condaPackages(readFileSync(path.join(projectRoot, "environment.yml"), "utf8")));
});

test("a file without a pip list gets an error that says what was expected", () => {
  assert.throws(() => pipArgumentsOfEnvironmentFile(path.join(projectRoot, "package.json")), /esperava "- pip:"/);
});
