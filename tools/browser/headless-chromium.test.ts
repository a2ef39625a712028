/**
 * Failures of the headless Chromium the browser checks use: a launch failure is a typed
 * ChromiumLaunchError, and none leaves a Chromium process or a profile folder behind. Each test gives the process its
 * own TMPDIR, so what Chromium and playwright create there can be checked afterwards.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findProcesses } from "@redes-neurais/lib/ferramentas";
import { ChromiumLaunchError, CHROMIUM_PROFILE_PREFIX, withHeadlessChromiumPage } from "./headless-chromium";
import { chromiumSkipReason } from "./chromium-availability";

const skip = chromiumSkipReason();

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

  test("a tiny timeoutMs gives ChromiumLaunchError and leaves nothing behind", async () => {
    let used = false;
    await assert.rejects(
      withHeadlessChromiumPage({ timeoutMs: 1 }, async () => {
        used = true;
      }),
      (error: unknown) => {
        assert.ok(error instanceof ChromiumLaunchError, `esperava ChromiumLaunchError; veio ${String(error)}`);
        assert.match(error.message, /não iniciou: .*Timeout 1ms/);
        return true;
      },
    );
    assert.equal(used, false, "no page reached the caller");
    await assertNothingLeftIn(temporary);
  });

  test("an error thrown while using the page reaches the caller unchanged, and Chromium still closes", async () => {
    const failure = new Error("falha de quem usa a página");
    await assert.rejects(
      withHeadlessChromiumPage({ timeoutMs: 30_000 }, async (page) => {
        await page.setContent("<p>oi</p>");
        throw failure;
      }),
      (error: unknown) => error === failure,
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
