import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { savePng } from "./save-png";
import { PngRenderError, UnsupportedTraceTypeError } from "./plot-errors";
import type { Figure } from "./figure";
import { readPngSize } from "../test-support/png";
import { chromiumSkipReason } from "../test-support/chromium-availability";

const skip = chromiumSkipReason();
const figure: Figure = { data: [{ type: "histogram", x: [1, 2, 2, 3, 3, 3] }] };

describe("savePng", () => {
  let folder = "";
  beforeEach(() => (folder = mkdtempSync(path.join(os.tmpdir(), "redes-neurais-savepng-"))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test("writes the PNG and leaves no temporary file", { skip }, async () => {
    const written = await savePng(figure, path.join(folder, "histograma.png"), { width: 200, height: 120, scale: 2 });
    assert.equal(written, path.join(folder, "histograma.png"));
    assert.deepEqual(readdirSync(folder), ["histograma.png"]);
    assert.deepEqual(readPngSize(readFileSync(written)), { width: 400, height: 240 });
  });

  test("writes nothing when Chromium fails to render", async () => {
    const target = path.join(folder, "falha.png");
    await assert.rejects(savePng(figure, target, { width: 200, height: 120, chromiumPath: "/bin/false", timeoutMs: 20_000 }), PngRenderError);
    assert.deepEqual(readdirSync(folder), []);
  });

  test("writes nothing for a figure that cannot be drawn", async () => {
    const bad = { data: [{ type: "scattergeo" }] } as Figure;
    await assert.rejects(savePng(bad, path.join(folder, "x.png"), { width: 200, height: 120 }), UnsupportedTraceTypeError);
    assert.deepEqual(readdirSync(folder), []);
  });
});
