import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  loadSkyServerStarGalaxy,
  SkyServerError,
  skyServerQueryUrl,
  skyServerStarGalaxyQuery,
} from "./skyserver";

const skyServerCsv = [
  "#Table1",
  "objID,class,psfMag_u,psfMag_g,psfMag_r,psfMag_i,psfMag_z,modelMag_u,modelMag_g,modelMag_r,modelMag_i,modelMag_z,z",
  "1237648720693755918,GALAXY,19.1,17.5,16.7,16.3,16.0,18.6,17.0,16.1,15.7,15.4,0.0812",
  "1237648720693755919,STAR,18.0,17.0,16.6,16.5,16.4,18.01,17.02,16.61,16.49,16.41,-0.00005",
  "1237648720693755920,GALAXY,20.1,18.9,18.1,17.7,17.5,19.8,18.3,17.4,17.0,16.8,0.2201",
  "",
].join("\n");

describe("loadSkyServerStarGalaxy (against a local server speaking SkyServer's CSV)", () => {
  let server: http.Server;
  let base = "";
  let requests = 0;
  let answer: { status: number; body: string } = { status: 200, body: skyServerCsv };
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "rn-skyserver-"));

  before(async () => {
    server = http.createServer((_, response) => {
      requests++;
      response.writeHead(answer.status, { "content-type": "text/plain" });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/SqlSearch`;
  });
  after(() => server.close());

  test("downloads, parses, caches with a checksum, then reads the cache without the network", async () => {
    const url = skyServerQueryUrl(skyServerStarGalaxyQuery(3), base);
    const first = await loadSkyServerStarGalaxy({ url, cacheDirectory });
    assert.equal(first.source, "skyserver");
    assert.equal(first.records.length, 3);
    assert.equal(first.records[0]!.objID, "1237648720693755918");
    assert.equal(fs.readFileSync(first.file!, "utf8"), skyServerCsv);
    assert.match(first.message, /baixado do SkyServer: 3 objetos/);
    const second = await loadSkyServerStarGalaxy({ url, cacheDirectory });
    assert.equal(second.source, "cache");
    assert.equal(second.sha256, first.sha256);
    assert.deepEqual(second.records, first.records);
    assert.equal(requests, 1);
    assert.deepEqual(fs.readdirSync(cacheDirectory).filter((name) => name.startsWith(".")), [], "no temporary files");
  });

  test("downloads again when the cached file no longer matches its checksum", async () => {
    const url = `${base}?case=corrupt`;
    const first = await loadSkyServerStarGalaxy({ url, cacheDirectory });
    fs.appendFileSync(first.file!, "1,STAR,1,1,1,1,1,1,1,1,1,1,0\n");
    const again = await loadSkyServerStarGalaxy({ url, cacheDirectory });
    assert.equal(again.source, "skyserver");
    assert.equal(again.records.length, 3);
  });

  test("an HTTP error or an error page falls back to the simulated catalogue and says why", async () => {
    answer = { status: 500, body: "Internal error" };
    const failed = await loadSkyServerStarGalaxy({ url: `${base}?case=500`, cacheDirectory });
    assert.equal(failed.source, "simulated");
    assert.ok(failed.records.length > 1000);
    assert.match(failed.message, /Sem acesso ao SDSS SkyServer \(o servidor respondeu HTTP 500.*catálogo SIMULADO/);
    answer = { status: 200, body: "<html><body>SQL error</body></html>" };
    const page = await loadSkyServerStarGalaxy({ url: `${base}?case=html`, cacheDirectory });
    assert.equal(page.source, "simulated");
    assert.match(page.message, /não é um CSV de catálogo/);
    assert.ok(!fs.readdirSync(cacheDirectory).some((name) => name.includes("html")), "nothing cached");
    answer = { status: 200, body: skyServerCsv };
  });

  test("without network it explains, and throws a SkyServerError when the fallback is off", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/SqlSearch?cmd=x`;
    const result = await loadSkyServerStarGalaxy({ url, cacheDirectory });
    assert.equal(result.source, "simulated");
    assert.match(result.message, /sem conexão com 127\.0\.0\.1/);
    await assert.rejects(loadSkyServerStarGalaxy({ url, cacheDirectory, fallbackToSimulated: false }), (error: unknown) => {
      assert.ok(error instanceof SkyServerError);
      assert.match(error.message, /Verifique a conexão com a internet/);
      return true;
    });
  });
});

describe("loadSkyServerStarGalaxy with a server that never answers", () => {
  test("gives up after timeoutMs and falls back to the simulated catalogue", async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "rn-skyserver-timeout-"));
    try {
      const started = Date.now();
      const result = await loadSkyServerStarGalaxy({ url: `http://127.0.0.1:${port}/SqlSearch`, cacheDirectory, timeoutMs: 300 });
      assert.equal(result.source, "simulated");
      assert.match(result.message, /sem conexão com 127\.0\.0\.1:\d+ \(.*timeout/i);
      assert.ok(Date.now() - started < 5000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe("the SkyServer query", () => {
  test("joins PhotoObj and SpecObj for stars and galaxies and asks for CSV", () => {
    const sql = skyServerStarGalaxyQuery(500);
    assert.match(sql, /^SELECT TOP 500 p\.objID, s\.class/);
    assert.match(sql, /JOIN SpecObj AS s ON s\.bestObjID = p\.objID/);
    assert.match(sql, /s\.class IN \('STAR', 'GALAXY'\)/);
    const url = new URL(skyServerQueryUrl(sql));
    assert.equal(url.host, "skyserver.sdss.org");
    assert.equal(url.searchParams.get("cmd"), sql);
    assert.equal(url.searchParams.get("format"), "csv");
    assert.throws(() => skyServerStarGalaxyQuery(0), SkyServerError);
  });
});
