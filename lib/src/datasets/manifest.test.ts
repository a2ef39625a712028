import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { DatasetError, datasetPath, datasetsDirectory, readManifest, sha256OfFile } from "./manifest";

describe("the shipped datasets", () => {
  const directory = datasetsDirectory();
  const manifest = readManifest(directory);

  test("every file in datasets/ is described by the manifest", () => {
    const listed = new Set(manifest.datasets.map((entry) => entry.file));
    const present = fs.readdirSync(directory).filter((name) => name !== "manifest.json" && !name.startsWith("."));
    assert.deepEqual(present.filter((name) => !listed.has(name)), []);
  });

  for (const entry of manifest.datasets) {
    test(`${entry.file} matches its recorded size and SHA-256 and names its source and licence`, () => {
      const full = path.join(directory, entry.file);
      assert.equal(fs.statSync(full).size, entry.bytes);
      assert.equal(sha256OfFile(full), entry.sha256);
      assert.ok(entry.source.length > 0 && entry.licence.length > 0);
      assert.equal(datasetPath(entry.file, directory), full);
    });
  }
});

describe("datasetPath", () => {
  function makeFolder(content: string, recordedSha: string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rn-datasets-"));
    fs.writeFileSync(path.join(folder, "x.csv"), content);
    const entry = { file: "x.csv", title: "x", description: "x", source: "teste", licence: "CC0", simulated: true, bytes: Buffer.byteLength(content), sha256: recordedSha };
    fs.writeFileSync(path.join(folder, "manifest.json"), JSON.stringify({ description: "teste", datasets: [entry] }));
    return folder;
  }

  test("rejects an unknown name and lists the known ones", () => {
    const folder = makeFolder("a,b\n1,2\n", "0".repeat(64));
    assert.throws(() => datasetPath("nada.csv", folder), (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.match(error.message, /"nada\.csv" desconhecido.*x\.csv/);
      return true;
    });
  });

  test("rejects a file whose bytes differ from the manifest, naming both checksums", () => {
    const folder = makeFolder("a,b\n1,2\n", "f".repeat(64));
    assert.throws(() => datasetPath("x.csv", folder), /esperava \d+ bytes e SHA-256 f{64}, encontrei \d+ bytes e SHA-256 [0-9a-f]{64}/);
  });

  test("accepts a file that matches", () => {
    const content = "a,b\n1,2\n";
    const folder = makeFolder(content, "");
    const sha = sha256OfFile(path.join(folder, "x.csv"));
    const good = makeFolder(content, sha);
    assert.equal(datasetPath("x.csv", good), path.join(good, "x.csv"));
  });
});
