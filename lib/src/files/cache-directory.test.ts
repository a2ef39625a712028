import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { courseCacheDirectory } from "./cache-directory";

test("the download cache: REDES_NEURAIS_CACHE, else XDG_CACHE_HOME/redes-neurais, else ~/.cache/redes-neurais", () => {
  assert.equal(courseCacheDirectory({ REDES_NEURAIS_CACHE: "/x/y", XDG_CACHE_HOME: "/c" }), "/x/y");
  assert.equal(courseCacheDirectory({ XDG_CACHE_HOME: "/c" }), "/c/redes-neurais");
  assert.equal(courseCacheDirectory({}), path.join(os.homedir(), ".cache", "redes-neurais"));
  assert.equal(courseCacheDirectory({ REDES_NEURAIS_CACHE: "relativo" }), path.resolve("relativo"));
});
