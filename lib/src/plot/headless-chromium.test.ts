/**
 * Failures while rendering with Chromium: each one is a typed PngRenderError, and none
 * leaves a Chromium process or a profile folder behind. Each test gives the process its
 * own TMPDIR, so what Chromium and playwright create there can be checked afterwards.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./figure";
import { drawPngDataUrl, figureToPng, type PngPayload } from "./figure-to-png";
import { CHROMIUM_PROFILE_PREFIX, withHeadlessChromiumPage } from "./headless-chromium";
import { PngRenderError } from "./plot-errors";
import { findProcesses } from "../process/find-processes";
import { chromiumSkipReason } from "../test-support/chromium-availability";

const skip = chromiumSkipReason();
const figure: Figure = { data: [{ type: "scatter", x: [1, 2, 3], y: [3, 1, 2] }] };
const payload: PngPayload = { data: figure.data, image: { format: "png", width: 100, height: 80, scale: 1 } };

/** Live (not zombie) processes whose command line mentions `text`, for the failure message. */
function liveProcessesMentioning(text: string): string[] {
  return findProcesses({ commandLineIncludes: text }).map((found) => `${found.pid}: ${found.args.join(" ").slice(0, 120)}`);
}

/** Waits until nothing of Chromium's is left in `folder`, or fails naming what is. */
async function assertNothingLeftIn(folder: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let processes: string[] = [];
  let profiles: string[] = [];
  do {
    processes = liveProcessesMentioning(folder);
    profiles = readdirSync(folder).filter((name) => name.startsWith(CHROMIUM_PROFILE_PREFIX));
    if (processes.length === 0 && profiles.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < deadline);
  assert.deepEqual({ processes, profiles }, { processes: [], profiles: [] }, "Chromium processes or profile folders were left behind");
}

describe("headless Chromium failures", { skip }, () => {
  let temporary = "";
  let previousTmpdir: string | undefined;
  beforeEach(() => {
    temporary = mkdtempSync(path.join(os.tmpdir(), "redes-neurais-chromium-test-"));
    previousTmpdir = process.env["TMPDIR"];
    process.env["TMPDIR"] = temporary;
    assert.equal(os.tmpdir(), temporary);
  });
  afterEach(() => {
    if (previousTmpdir === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = previousTmpdir;
    rmSync(temporary, { recursive: true, force: true });
  });

  test("a tiny timeoutMs gives PngRenderError and leaves nothing behind", async () => {
    await assert.rejects(figureToPng(figure, { width: 100, height: 80, timeoutMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof PngRenderError, `esperava PngRenderError; veio ${String(error)}`);
      assert.match(error.message, /não iniciou: .*Timeout 1ms/);
      return true;
    });
    await assertNothingLeftIn(temporary);
  });

  test("a page that never finishes loading gives PngRenderError, not playwright's TimeoutError, and Chromium still closes", async () => {
    const started = performance.now();
    await assert.rejects(
      withHeadlessChromiumPage({ timeoutMs: 30_000 }, (page) => drawPngDataUrl(page, "<script>for (;;) {}</script>", payload, 500)),
      (error: unknown) => {
        assert.ok(error instanceof PngRenderError, `esperava PngRenderError; veio ${String(error)}`);
        assert.match(error.message, /etapa: carregar a página de desenho.*Timeout 500ms exceeded.*aumente timeoutMs/);
        return true;
      },
    );
    assert.ok(performance.now() - started < 20_000, "the timeout, not the test's, ended it");
    await assertNothingLeftIn(temporary);
  });

  test("a page without plotly.js gives PngRenderError at the drawing step", async () => {
    await assert.rejects(
      withHeadlessChromiumPage({ timeoutMs: 30_000 }, (page) => drawPngDataUrl(page, '<div id="figura"></div>', payload, 10_000)),
      (error: unknown) => error instanceof PngRenderError && /etapa: desenhar a figura.*window\.Plotly não existe/.test(error.message),
    );
    await assertNothingLeftIn(temporary);
  });

  test("a Chromium that does not close in time is killed, and its profile removed", async () => {
    const started = performance.now();
    const answer = await withHeadlessChromiumPage({ timeoutMs: 30_000, closeTimeoutMs: 300 }, async (page) => {
      await page.setContent("<p>oi</p>");
      // Make close() hang, as a wedged Chromium would.
      page.context().close = () => new Promise<void>(() => undefined);
      return page.evaluate("document.body.textContent");
    });
    assert.equal(answer, "oi");
    assert.ok(performance.now() - started < 15_000, `returned after ${Math.round(performance.now() - started)} ms`);
    await assertNothingLeftIn(temporary);
  });
});
