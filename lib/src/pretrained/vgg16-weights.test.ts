import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildCourseBase } from "./course-base";
import { saveKerasWeights } from "./save-keras-weights";
import { ensureVgg16Weights, findVgg16Weights, VGG16_NOTOP_WEIGHTS, VGG16_WEIGHTS_ENV_VAR } from "./vgg16-weights";
import { DownloadError } from "../files/cached-download";
import { WeightsFileError } from "./pretrained-errors";

const folder = mkdtempSync(path.join(os.tmpdir(), "vgg16-weights-"));
const payload = Buffer.alloc(5000, 0);
for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 251;
const source = {
  urls: [""],
  fileName: "pesos.h5",
  bytes: payload.length,
  md5: createHash("md5").update(payload).digest("hex"),
};
let requests = 0;
let serve: (response: http.ServerResponse) => void = (response) => response.end(payload);
const server = http.createServer((_request, response) => {
  requests++;
  serve(response);
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  source.urls = [`http://127.0.0.1:${(server.address() as AddressInfo).port}/vgg16_notop.h5`];
});
after(() => {
  server.close();
  rmSync(folder, { recursive: true, force: true });
});

const freshCache = (name: string): string => path.join(folder, name);
const noEnv = {} as NodeJS.ProcessEnv;

describe("ensureVgg16Weights", () => {
  test("the defaults are Keras' notop file: URL, size and MD5", () => {
    assert.match(VGG16_NOTOP_WEIGHTS.urls[0]!, /^https:\/\/storage\.googleapis\.com\/.*vgg16_weights_tf_dim_ordering_tf_kernels_notop\.h5$/);
    assert.match(VGG16_NOTOP_WEIGHTS.urls[1]!, /^https:\/\/github\.com\/fchollet\/deep-learning-models\/releases\/download\/v0\.1\/vgg16_weights_tf_dim_ordering_tf_kernels_notop\.h5$/);
    assert.equal(VGG16_NOTOP_WEIGHTS.bytes, 58_889_256);
    assert.equal(VGG16_NOTOP_WEIGHTS.md5, "6d6bbae143d832006294945121d1f1fc");
  });

  test("downloads once into the cache, checks it, and then serves it from the cache", async () => {
    serve = (response) => response.end(payload);
    const cache = freshCache("ok");
    requests = 0;
    const file = await ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv });
    assert.equal(file, path.join(cache, "pesos.h5"));
    assert.ok(readFileSync(file).equals(payload));
    assert.deepEqual(readdirSync(cache).sort(), ["pesos.h5", "pesos.h5.sha256"], "the file and its verification sidecar, no temporary files");
    assert.equal(await ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv }), file);
    assert.equal(requests, 1);
  });

  test("a truncated download is refused and leaves nothing in the cache", async () => {
    serve = (response) => response.end(payload.subarray(0, 3000));
    const cache = freshCache("truncated");
    await assert.rejects(ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.match(error.message, /esperava 5000 bytes/);
      assert.match(error.message, /recebi 3000 bytes/);
      assert.match(error.message, /Nada foi gravado/);
      return true;
    });
    assert.deepEqual(existsSync(cache) ? readdirSync(cache) : [], []);
  });

  test("a download with the right size but wrong bytes fails the MD5 check", async () => {
    const corrupted = Buffer.from(payload);
    corrupted[100] = 255 - (corrupted[100] ?? 0);
    serve = (response) => response.end(corrupted);
    const cache = freshCache("corrupted");
    await assert.rejects(ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv }), /MD5/);
    assert.deepEqual(existsSync(cache) ? readdirSync(cache) : [], []);
  });

  test("an HTTP error is reported with its status and how to get the file by hand", async () => {
    serve = (response) => {
      response.statusCode = 403;
      response.end("Forbidden");
    };
    await assert.rejects(ensureVgg16Weights({ source, cacheDirectory: freshCache("http-error"), env: noEnv }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.match(error.message, /403/);
      assert.match(error.message, new RegExp(VGG16_WEIGHTS_ENV_VAR));
      return true;
    });
  });

  test("offline (nothing listening) gives a clear error, and findVgg16Weights reports it without throwing", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = { ...source, urls: [`http://127.0.0.1:${port}/x.h5`] };
    await assert.rejects(ensureVgg16Weights({ source: offline, cacheDirectory: freshCache("offline"), env: noEnv }), /Não consegui baixar VGG16 \(pesos ImageNet do Keras\) de .*sem conexão com 127\.0\.0\.1.*REDES_NEURAIS_VGG16_WEIGHTS/s);
    const status = await findVgg16Weights({ source: offline, cacheDirectory: freshCache("offline"), env: noEnv });
    assert.equal(status.available, false);
    assert.match(status.message, /REDES_NEURAIS_VGG16_WEIGHTS/);
  });

  test("a damaged cached file is replaced by a fresh download", async () => {
    serve = (response) => response.end(payload);
    const cache = freshCache("damaged");
    await ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv });
    writeFileSync(path.join(cache, "pesos.h5"), payload.subarray(0, 10));
    requests = 0;
    const file = await ensureVgg16Weights({ source, cacheDirectory: cache, env: noEnv });
    assert.equal(requests, 1);
    assert.ok(readFileSync(file).equals(payload));
  });

  test("a mirror that fails (HTTP error or other bytes) is skipped for the next one, which serves the file", async () => {
    const seen: string[] = [];
    serve = (response) => response.end(payload);
    const mirrors = http.createServer((request, response) => {
      seen.push(request.url ?? "");
      if (request.url === "/fora-do-ar.h5") {
        response.statusCode = 404;
        response.end("Not Found");
      } else if (request.url === "/outro-arquivo.h5") {
        response.end(Buffer.alloc(payload.length, 1));
      } else response.end(payload);
    });
    await new Promise<void>((resolve) => mirrors.listen(0, "127.0.0.1", resolve));
    const at = (name: string): string => `http://127.0.0.1:${(mirrors.address() as AddressInfo).port}/${name}`;
    try {
      const cache = freshCache("mirrors");
      const file = await ensureVgg16Weights({ source: { ...source, urls: [at("fora-do-ar.h5"), at("outro-arquivo.h5"), at("certo.h5")] }, cacheDirectory: cache, env: noEnv });
      assert.ok(readFileSync(file).equals(payload));
      assert.deepEqual(seen, ["/fora-do-ar.h5", "/outro-arquivo.h5", "/certo.h5"]);
      assert.deepEqual(readdirSync(cache).sort(), ["pesos.h5", "pesos.h5.sha256"]);
      await assert.rejects(
        ensureVgg16Weights({ source: { ...source, urls: [at("fora-do-ar.h5"), at("outro-arquivo.h5")] }, cacheDirectory: freshCache("no-mirror"), env: noEnv }),
        (error: unknown) => {
          assert.ok(error instanceof DownloadError);
          assert.match(error.message, /nenhum dos 2 endereços/);
          assert.match(error.message, /fora-do-ar\.h5: .*404/);
          assert.match(error.message, /outro-arquivo\.h5: .*MD5/);
          assert.match(error.message, new RegExp(VGG16_WEIGHTS_ENV_VAR));
          return true;
        },
      );
      assert.deepEqual(existsSync(freshCache("no-mirror")) ? readdirSync(freshCache("no-mirror")) : [], []);
    } finally {
      await new Promise<void>((resolve) => mirrors.close(() => resolve()));
    }
  });

  test("download: false never touches the network", async () => {
    requests = 0;
    await assert.rejects(ensureVgg16Weights({ source, cacheDirectory: freshCache("no-download"), download: false, env: noEnv }), /não estão nesta máquina/);
    assert.equal(requests, 0);
  });

  test("a path from the user (option or environment variable) wins and is checked", async () => {
    const own = path.join(folder, "meus-pesos.h5");
    const model = buildCourseBase();
    await saveKerasWeights(model, own);
    model.dispose();
    requests = 0;
    assert.equal(await ensureVgg16Weights({ path: own, source, env: noEnv }), own);
    assert.equal(await ensureVgg16Weights({ source, env: { [VGG16_WEIGHTS_ENV_VAR]: own } }), own);
    await assert.rejects(ensureVgg16Weights({ source, env: { [VGG16_WEIGHTS_ENV_VAR]: path.join(folder, "nope.h5") } }), WeightsFileError);
    assert.equal(requests, 0);
  });
});
