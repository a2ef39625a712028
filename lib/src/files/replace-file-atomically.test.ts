import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import {
  removeAbandonedTemporaries,
  replaceFileAtomically,
  replaceFileAtomicallySync,
  writeFileAtomicallySync,
} from "./replace-file-atomically";

describe("replaceFileAtomically (the one atomic replacement of lib and tools)", () => {
  let folder = "";
  beforeEach(() => (folder = mkdtempSync(path.join(os.tmpdir(), "rn-replace-"))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test("the producer writes at a hidden temporary path beside the target, which then becomes the target", async () => {
    const target = path.join(folder, "pesos.h5");
    let seen = "";
    await replaceFileAtomically(target, async (temporary) => {
      seen = temporary;
      await writeFile(temporary, "novo");
    });
    assert.equal(path.dirname(seen), folder);
    assert.match(path.basename(seen), new RegExp(`^\\.pesos\\.h5\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
    assert.equal(readFileSync(target, "utf8"), "novo");
    assert.deepEqual(readdirSync(folder), ["pesos.h5"]);
  });

  test("a producer that fails halfway leaves the old target intact, no temporary file, and its error unchanged", async () => {
    const target = path.join(folder, "dados.csv");
    writeFileSync(target, "antigo");
    const failure = new Error("disco cheio");
    await assert.rejects(
      replaceFileAtomically(target, async (temporary) => {
        await writeFile(temporary, "meta");
        throw failure;
      }),
      (error: unknown) => error === failure,
    );
    assert.equal(readFileSync(target, "utf8"), "antigo");
    assert.deepEqual(readdirSync(folder), ["dados.csv"]);
    assert.throws(
      () => replaceFileAtomicallySync(target, (temporary) => {
        writeFileSync(temporary, "meta");
        throw failure;
      }),
      (error: unknown) => error === failure,
    );
    assert.deepEqual(readdirSync(folder), ["dados.csv"]);
  });

  test("the synchronous writer creates missing folders and replaces the file", () => {
    const target = path.join(folder, "a", "b", "carimbo");
    writeFileAtomicallySync(target, "1");
    writeFileAtomicallySync(target, Buffer.from("2"));
    assert.equal(readFileSync(target, "utf8"), "2");
    assert.deepEqual(readdirSync(path.dirname(target)), ["carimbo"]);
  });

  test("temporary files of dead processes are removed; those of living ones and other files are kept", async () => {
    const target = path.join(folder, "grande.h5");
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const mine = path.join(folder, `.grande.h5.${process.pid}.abc.tmp`);
    writeFileSync(path.join(folder, `.grande.h5.${dead}.abc.tmp`), "x");
    writeFileSync(mine, "x");
    writeFileSync(path.join(folder, `.outro.h5.${dead}.abc.tmp`), "x");
    await removeAbandonedTemporaries(target);
    assert.deepEqual(readdirSync(folder).sort(), [path.basename(mine), `.outro.h5.${dead}.abc.tmp`].sort());
  });

  test("plain Node loads it from an ES module without any package installed (as tools/setup.mjs does)", () => {
    const script = path.join(folder, "setup-like.mjs");
    const module = pathToFileURL(path.join(__dirname, "replace-file-atomically.js")).href;
    writeFileSync(script, `import { writeFileAtomicallySync } from ${JSON.stringify(module)};\nwriteFileAtomicallySync(process.argv[2], "ok");\n`);
    const result = spawnSync(process.execPath, [script, path.join(folder, "saida.txt")], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(path.join(folder, "saida.txt"), "utf8"), "ok");
  });
});
