import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DownloadError } from "../files/cached-download";
import { Galaxy10Error } from "./galaxy10-errors";
import { GALAXY10_CLASS_NAMES, loadGalaxy10, readGalaxy10 } from "./galaxy10";
import { loadH5Wasm } from "./h5wasm-module";

const N = 4, H = 256, W = 256;
/** Pixel value of image n at (y, x, channel c): a pattern that differs in every index. */
const pattern = (n: number, y: number, x: number, c: number): number => (n * 50 + y * 3 + x * 7 + c * 11) % 256;
const answers = [2, 7, 0, 9];

/** Writes a small file in Galaxy10 DECaLS's layout (images uint8 N×256×256×3, ans, ra). */
async function writeGalaxy10Like(file: string, withImages = true): Promise<void> {
  const h5wasm = await loadH5Wasm();
  const h5 = new h5wasm.File(file, "w");
  if (withImages) {
    const images = new Uint8Array(N * H * W * 3);
    let k = 0;
    for (let n = 0; n < N; n++) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) images[k++] = pattern(n, y, x, c);
    h5.create_dataset({ name: "images", data: images, shape: [N, H, W, 3], dtype: "<B" });
  }
  h5.create_dataset({ name: "ans", data: new Uint8Array(answers), shape: [N], dtype: "<B" });
  h5.create_dataset({ name: "ra", data: new Float64Array([1, 2, 3, 4]), shape: [N], dtype: "<d" });
  h5.close();
}

describe("Galaxy10 DECaLS", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rn-galaxy10-"));
  const source = path.join(folder, "source.h5");
  let sha256 = "";
  let server: http.Server;
  let serverUrl = "";
  let requests = 0;

  before(async () => {
    await writeGalaxy10Like(source);
    sha256 = createHash("sha256").update(fs.readFileSync(source)).digest("hex");
    server = http.createServer((request, response) => {
      requests++;
      if (request.url === "/Galaxy10_DECals.h5") {
        response.writeHead(200, { "content-length": fs.statSync(source).size });
        fs.createReadStream(source).pipe(response);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("readGalaxy10 reads a range of images and labels, pixel for pixel, scaled to 0–1", async () => {
    const subset = await readGalaxy10(source, { start: 1, count: 2 });
    assert.deepEqual(subset.shape, [2, 256, 256, 3]);
    assert.deepEqual([...subset.labels], [7, 0]);
    assert.deepEqual([...subset.indices], [1, 2]);
    assert.equal(subset.source, "galaxy10");
    assert.equal(subset.classNames, GALAXY10_CLASS_NAMES);
    for (const [n, y, x, c] of [[0, 0, 0, 0], [1, 100, 37, 2], [1, 255, 255, 1]] as const) {
      assert.equal(subset.pixels[((n * H + y) * W + x) * 3 + c], Math.fround(pattern(n + 1, y, x, c) / 255));
    }
  });

  test("step subsamples in the file (hyperslab): 256×256 becomes 64×64", async () => {
    const subset = await readGalaxy10(source, { start: 3, count: 1, step: 4 });
    assert.deepEqual(subset.shape, [1, 64, 64, 3]);
    assert.equal(subset.pixels[(10 * 64 + 5) * 3 + 2], Math.fround(pattern(3, 40, 20, 2) / 255));
  });

  test("a range outside the file or a file without `images` is refused in Portuguese", async () => {
    await assert.rejects(readGalaxy10(source, { start: 3, count: 2 }), (e: unknown) => e instanceof Galaxy10Error && /imagens 3 a 4, mas o arquivo tem 4/.test(e.message));
    const broken = path.join(folder, "broken.h5");
    await writeGalaxy10Like(broken, false);
    await assert.rejects(readGalaxy10(broken), /não tem o dataset "images".*encontrei: ans, ra/);
  });

  test("loadGalaxy10 downloads over HTTP once, verifies the checksum and then reads from the cache", async () => {
    const cacheDirectory = path.join(folder, "cache-http");
    const first = await loadGalaxy10({ url: `${serverUrl}/Galaxy10_DECals.h5`, sha256, cacheDirectory, count: 2, step: 8 });
    assert.deepEqual(first.shape, [2, 32, 32, 3]);
    assert.deepEqual([...first.labels], [2, 7]);
    const cached = path.join(cacheDirectory, "Galaxy10_DECals.h5");
    assert.equal(createHash("sha256").update(fs.readFileSync(cached)).digest("hex"), sha256);
    const seen = requests;
    // Second load: the server is not asked again, even with a URL that would fail.
    const second = await loadGalaxy10({ url: `${serverUrl}/missing`, sha256, cacheDirectory, count: 1 });
    assert.equal(requests, seen);
    assert.deepEqual([...second.labels], [2]);
    assert.deepEqual(fs.readdirSync(cacheDirectory).sort(), ["Galaxy10_DECals.h5", "Galaxy10_DECals.h5.sha256"]);
  });

  test("file:// URLs work too (local mirrors)", async () => {
    const subset = await loadGalaxy10({ url: pathToFileURL(source).href, sha256, cacheDirectory: path.join(folder, "cache-file"), start: 2, count: 2 });
    assert.deepEqual([...subset.labels], [0, 9]);
  });

  test("a checksum mismatch throws and leaves no file (nor partial file) in the cache", async () => {
    const cacheDirectory = path.join(folder, "cache-bad");
    await assert.rejects(
      loadGalaxy10({ url: `${serverUrl}/Galaxy10_DECals.h5`, sha256: "0".repeat(64), cacheDirectory }),
      (e: unknown) => e instanceof DownloadError && new RegExp(`^Galaxy10 DECaLS: .*esperava SHA-256 0{64}, recebi SHA-256 ${sha256}`).test(e.message),
    );
    assert.deepEqual(fs.readdirSync(cacheDirectory), []);
  });

  test("offline: a Portuguese error naming the fallback, or the simulated images when asked", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/Galaxy10_DECals.h5`;
    const cacheDirectory = path.join(folder, "cache-offline");
    await assert.rejects(loadGalaxy10({ url, cacheDirectory }), (e: unknown) => e instanceof DownloadError && /Não consegui baixar Galaxy10 DECaLS .*readShippedGalaxyImages/.test(e.message));
    await assert.rejects(loadGalaxy10({ url: `${serverUrl}/nothing-here`, cacheDirectory }), /HTTP 404/);
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const fallback = await loadGalaxy10({ url, cacheDirectory, count: 3, step: 2, offline: "simulated" });
      assert.equal(fallback.source, "simulado");
      assert.deepEqual(fallback.shape, [3, 32, 32, 3]);
      assert.deepEqual([...fallback.classNames], ["elíptica", "espiral"]);
      assert.equal(fallback.pixels[0], fallback.pixels[1]);
    } finally {
      console.log = original;
    }
    assert.match(lines.join("\n"), /SIMULADAS/);
    assert.deepEqual(fs.readdirSync(cacheDirectory), []);
  });
});
