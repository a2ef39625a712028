import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DownloadError, downloadToCache } from "./cached-download";

const payload = Buffer.alloc(200_000);
for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 251;
const sha256 = createHash("sha256").update(payload).digest("hex");
const md5 = createHash("md5").update(payload).digest("hex");
const dataSet = "Conjunto de Teste";

describe("downloadToCache (against a local HTTP server)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "rn-cached-download-"));
  let server: http.Server;
  let base = "";
  let requests = 0;
  let folder = "";
  let serial = 0;

  before(async () => {
    server = http.createServer((request, response) => {
      requests++;
      if (request.url === "/dados.bin") {
        response.writeHead(200, { "content-length": payload.length });
        response.end(payload);
      } else if (request.url === "/corta.bin") {
        // Announces the whole file, sends a third of it and hangs up.
        response.writeHead(200, { "content-length": payload.length });
        response.write(payload.subarray(0, 65_536), () => setTimeout(() => response.socket?.destroy(), 20));
      } else if (request.url === "/mudo.bin") {
        // Never answers (for the timeout).
      } else {
        response.writeHead(404, "Not Found").end("nada aqui");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    folder = path.join(root, `cache-${serial++}`);
  });

  const target = (): string => path.join(folder, "dados.bin");
  const listing = (): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

  test("downloads once, verifies the SHA-256, writes the sidecar, then serves the cache without the network", async () => {
    requests = 0;
    const first = await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { sha256, bytes: payload.length } });
    assert.deepEqual(first, { file: target(), sha256, bytes: payload.length, fromCache: false });
    assert.ok(fs.readFileSync(target()).equals(payload));
    assert.deepEqual(listing(), ["dados.bin", "dados.bin.sha256"], "the file and its sidecar, no temporary file");
    assert.match(fs.readFileSync(`${target()}.sha256`, "utf8"), new RegExp(`^${sha256} ${payload.length} \\d+\\n$`));
    const second = await downloadToCache({ dataSet, url: `${base}/nao-existe`, target: target(), expected: { sha256 } });
    assert.deepEqual(second, { ...first, fromCache: true });
    assert.equal(requests, 1);
  });

  test("a cached file changed since its verification is hashed again and, not matching, downloaded again", async () => {
    await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { sha256 } });
    const damaged = Buffer.from(payload);
    damaged[10] = 255 - damaged[10]!;
    fs.writeFileSync(target(), damaged);
    requests = 0;
    const again = await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { sha256 } });
    assert.equal(again.fromCache, false);
    assert.equal(requests, 1);
    assert.ok(fs.readFileSync(target()).equals(payload));
  });

  test("a right file copied by hand (no sidecar) is accepted after one hashing, without the network", async () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(target(), payload);
    requests = 0;
    const found = await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { md5 } });
    assert.deepEqual(found, { file: target(), sha256, bytes: payload.length, fromCache: true });
    assert.equal(requests, 0);
    assert.deepEqual(listing(), ["dados.bin", "dados.bin.sha256"]);
  });

  test("a wrong checksum is refused with the data set, what was expected and what arrived; nothing is kept", async () => {
    const wrong = "ab".repeat(32);
    await assert.rejects(downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { sha256: wrong }, advice: "Faça X." }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.equal(error.dataSet, dataSet);
      assert.equal(error.failure, "mismatch");
      assert.match(error.message, /^Conjunto de Teste: o arquivo baixado de http:\/\/127\.0\.0\.1:\d+\/dados\.bin não confere/);
      assert.ok(error.message.includes(`esperava SHA-256 ${wrong}, recebi SHA-256 ${sha256}`));
      assert.match(error.message, /Nada foi gravado no cache\. Faça X\.$/);
      return true;
    });
    assert.deepEqual(listing(), []);
  });

  test("size and MD5 (Keras publishes only an MD5) are checked in the same streaming pass", async () => {
    const ok = await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { md5, bytes: payload.length } });
    assert.equal(ok.sha256, sha256);
    const other = path.join(folder, "outro.bin");
    await assert.rejects(
      downloadToCache({ dataSet, url: `${base}/dados.bin`, target: other, expected: { md5: "0".repeat(32), bytes: 5 } }),
      (error: unknown) => error instanceof DownloadError && error.message.includes(`esperava 5 bytes e MD5 ${"0".repeat(32)}, recebi ${payload.length} bytes e MD5 ${md5}`),
    );
    assert.deepEqual(listing(), ["dados.bin", "dados.bin.sha256"]);
  });

  test("a connection cut in the middle of the body leaves no partial file", async () => {
    await assert.rejects(downloadToCache({ dataSet, url: `${base}/corta.bin`, target: target(), expected: { sha256 } }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.equal(error.failure, "network");
      assert.match(error.message, /^Não consegui baixar Conjunto de Teste de .*corta\.bin: a conexão com 127\.0\.0\.1:\d+ caiu depois de \d+ bytes/);
      return true;
    });
    assert.deepEqual(listing(), []);
  });

  test("HTTP 404 names the data set and the status", async () => {
    await assert.rejects(downloadToCache({ dataSet, url: `${base}/sumiu.bin`, target: target(), expected: { sha256 } }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.equal(error.failure, "http");
      assert.equal(error.reason, "o servidor respondeu HTTP 404 Not Found");
      assert.match(error.message, /^Não consegui baixar Conjunto de Teste de .*: o servidor respondeu HTTP 404 Not Found\./);
      return true;
    });
    assert.deepEqual(listing(), []);
  });

  test("a server that never answers is given up after timeoutMs", async () => {
    const started = Date.now();
    await assert.rejects(
      downloadToCache({ dataSet, url: `${base}/mudo.bin`, target: target(), timeoutMs: 200 }),
      (error: unknown) => error instanceof DownloadError && error.failure === "network" && /sem conexão com 127\.0\.0\.1:\d+ \(.*timeout/i.test(error.message),
    );
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(listing(), []);
  });

  test("without a known digest: the caller's check can refuse the content, and an unstamped copy is not trusted", async () => {
    const refusal = new Error("não é o que eu queria");
    await assert.rejects(
      downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), accept: (file) => {
        assert.ok(fs.readFileSync(file).equals(payload), "the check sees the whole downloaded content");
        throw refusal;
      } }),
      (error: unknown) => error === refusal,
    );
    assert.deepEqual(listing(), []);
    fs.writeFileSync(target(), "copiado à mão");
    requests = 0;
    const fresh = await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target() });
    assert.equal(fresh.fromCache, false);
    assert.equal(requests, 1);
    assert.equal((await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target() })).fromCache, true);
    assert.equal((await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), refresh: true })).fromCache, false);
    assert.equal(requests, 2);
  });

  test("temporary files of a process that died mid-download are removed at the next download", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    fs.mkdirSync(folder, { recursive: true });
    const abandoned = path.join(folder, `.dados.bin.${dead}.abc.tmp`);
    fs.writeFileSync(abandoned, "metade");
    await downloadToCache({ dataSet, url: `${base}/dados.bin`, target: target(), expected: { sha256 } });
    assert.deepEqual(listing(), ["dados.bin", "dados.bin.sha256"]);
  });

  test("file:// URLs (local mirrors) go through the same checks", async () => {
    const mirror = path.join(root, "espelho.bin");
    fs.writeFileSync(mirror, payload);
    const copied = await downloadToCache({ dataSet, url: pathToFileURL(mirror).href, target: target(), expected: { sha256 } });
    assert.equal(copied.fromCache, false);
    assert.ok(fs.readFileSync(target()).equals(payload));
    await assert.rejects(
      downloadToCache({ dataSet, url: pathToFileURL(path.join(root, "nao-existe.bin")).href, target: path.join(folder, "b.bin") }),
      (error: unknown) => error instanceof DownloadError && /ENOENT/.test(error.message),
    );
  });
});
