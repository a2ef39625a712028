import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nodeSupport, notebookShare, RECOMMENDED_NODE_MAJOR, SUPPORTED_NODE_MAJORS } from "./node-support.mjs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./project.mjs";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("which Node.js versions the course supports (tools/node-support.mjs)", () => {
  test("a tested major before its end of life is supported, with nothing to say", () => {
    assert.deepEqual(nodeSupport("24.22.3", day("2026-12-04")), { major: 24, status: "supported", message: "" });
    assert.equal(nodeSupport("v26.12.1", day("2026-12-04")).status, "supported");
    assert.equal(nodeSupport("22.23.5", day("2027-04-30")).status, "supported", "the last day still counts");
  });

  test("a tested major past its end of life still runs, with a warning that says what to install", () => {
    const node20 = nodeSupport("20.20.2", day("2026-12-04"));
    assert.equal(node20.status, "end-of-life");
    assert.match(node20.message, /Node\.js 20 chegou ao fim da vida em 2026-04-30/);
    assert.match(node20.message, new RegExp(`instale o Node\\.js ${RECOMMENDED_NODE_MAJOR} LTS`));
    assert.equal(nodeSupport("22.1.0", day("2027-05-01")).status, "end-of-life");
  });

  test("odd and future majors are untested; majors below the oldest tested are refused", () => {
    assert.equal(nodeSupport("25.2.0", day("2026-12-04")).status, "untested");
    assert.match(nodeSupport("28.0.0", day("2026-12-04")).message, /não é uma das versões testadas pelo curso \(20, 22, 24, 26\)/);
    assert.equal(nodeSupport("18.20.0", day("2026-12-04")).status, "too-old");
  });

  test("package.json's engines, environment.yml and the README name the same versions", () => {
    const majors = Object.keys(SUPPORTED_NODE_MAJORS);
    const engines = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    assert.equal(engines, majors.map((major) => `^${major}`).join(" || "));
    const conda = readFileSync(path.join(projectRoot, "environment.yml"), "utf8");
    assert.match(conda, new RegExp(`^\\s*- nodejs=${RECOMMENDED_NODE_MAJOR}$`, "m"));
    const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
    assert.ok(readme.includes(`**Node.js ${majors.join(", ").replace(/, (\d+)$/, " ou $1")}**`), "README: the versions in the requirements line");
  });

  test("a matrix of several majors shares the notebooks: each runs on exactly one of them", () => {
    const files = ["03_c.ipynb", "00_a.ipynb", "01_b.ipynb", "README.md", "02_d.ipynb", "04_e.ipynb", ".ipynb_checkpoints"];
    assert.deepEqual(notebookShare(files, 0, 2), ["00", "02", "04"]);
    assert.deepEqual(notebookShare(files, 1, 2), ["01", "03"]);
    assert.deepEqual(notebookShare(files, 0, 1), ["00", "01", "02", "03", "04"]);
    const course = readdirSync(path.join(projectRoot, "notebooks"));
    const shares = [0, 1].flatMap((index) => notebookShare(course, index, 2));
    assert.equal(shares.length, course.filter((file) => /^\d\d_.*\.ipynb$/.test(file)).length);
    assert.equal(new Set(shares).size, shares.length);
  });
});
