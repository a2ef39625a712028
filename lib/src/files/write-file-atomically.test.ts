import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileWriteError, writeFileAtomically } from "./write-file-atomically";

describe("writeFileAtomically", () => {
  let folder = "";
  beforeEach(() => (folder = mkdtempSync(path.join(os.tmpdir(), "redes-neurais-atomic-"))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test("writes a new file and replaces an old one, leaving only the target", async () => {
    const target = path.join(folder, "dados.bin");
    await writeFileAtomically(target, Buffer.from([1, 2, 3]));
    await writeFileAtomically(target, "novo");
    assert.equal(readFileSync(target, "utf8"), "novo");
    assert.deepEqual(readdirSync(folder), ["dados.bin"]);
  });

  test("leaves the old file intact and no temporary file when the rename fails", async () => {
    const target = path.join(folder, "alvo");
    mkdirSync(target);
    writeFileSync(path.join(target, "dentro.txt"), "antigo");
    await assert.rejects(writeFileAtomically(target, "novo"), (error: unknown) => {
      assert.ok(error instanceof FileWriteError);
      assert.ok(error.message.includes(target));
      assert.match(error.message, /Verifique/);
      return true;
    });
    assert.deepEqual(readdirSync(folder), ["alvo"]);
    assert.equal(readFileSync(path.join(target, "dentro.txt"), "utf8"), "antigo");
  });

  test("creates a missing folder", async () => {
    await writeFileAtomically(path.join(folder, "nova", "pasta", "x.txt"), "x");
    assert.equal(readFileSync(path.join(folder, "nova", "pasta", "x.txt"), "utf8"), "x");
  });
});
