import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { findProcesses, processGroupOf } from "@redes-neurais/lib/ferramentas";
import { findChromium, HEADLESS_CHROMIUM_FLAGS } from "./chromium";

/** Chromium did not start, or did not open a page. */
export class ChromiumLaunchError extends Error {
  override name = "ChromiumLaunchError";
}

/** Options of {@link withHeadlessChromiumPage}. */
export interface HeadlessChromiumOptions {
  /** The Chromium executable; default: `findChromium()`. */
  chromiumPath?: string;
  /** Timeout for launching and for each page operation, in milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** How long closing Chromium may take before its processes are killed, in milliseconds. Default 10 000. */
  closeTimeoutMs?: number;
}

/** Prefix of the profile folders, in the system's temporary folder. */
export const CHROMIUM_PROFILE_PREFIX = "redes-neurais-chromium-";

/**
 * Starts a headless Chromium (playwright-core, `executablePath`) with the course's flags
 * and a fresh profile folder, hands one page to `use`, then closes Chromium and deletes the
 * profile, whatever happens. Closing is bounded: a Chromium that does not close within
 * `closeTimeoutMs` is killed (every process started with this profile).
 *
 * playwright refuses `--user-data-dir` among `args`; the profile folder is given to
 * `launchPersistentContext`, which passes it to Chromium.
 *
 * @throws {ChromiumNotFoundError} When no Chromium is found.
 * @throws {ChromiumLaunchError} When Chromium does not start or does not open a page.
 */
export async function withHeadlessChromiumPage<T>(
  options: HeadlessChromiumOptions,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const executablePath = options.chromiumPath ?? findChromium();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const profile = await mkdtemp(path.join(os.tmpdir(), CHROMIUM_PROFILE_PREFIX));
  let context: BrowserContext | null = null;
  try {
    let page: Page;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: [...HEADLESS_CHROMIUM_FLAGS],
        timeout: timeoutMs,
      });
      page = context.pages()[0] ?? (await withDeadline(context.newPage(), timeoutMs));
      page.setDefaultTimeout(timeoutMs);
    } catch (error) {
      throw new ChromiumLaunchError(
        `O Chromium em "${executablePath}" não iniciou: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}. ` +
          `Confira se ele abre com \`${executablePath} --headless --no-sandbox --dump-dom about:blank\`, ` +
          `ou aponte CHROMIUM_PATH para outro Chromium.`,
        { cause: error },
      );
    }
    return await use(page);
  } finally {
    await closeOrKill(context, profile, options.closeTimeoutMs ?? 10_000);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/**
 * Closes Chromium, waiting at most `closeTimeoutMs`; then kills whatever still runs with
 * this profile (also after a failed launch, which playwright normally cleans up itself).
 */
async function closeOrKill(context: BrowserContext | null, profile: string, closeTimeoutMs: number): Promise<void> {
  if (context === null) {
    killChromiumProcesses(profile);
    return;
  }
  // Settled by a clean close, or by playwright seeing Chromium's processes end.
  const closed = Promise.race([
    new Promise<void>((resolve) => context.once("close", () => resolve())),
    context.close().catch(() => undefined),
  ]);
  if (await withDeadline(closed, closeTimeoutMs).then(() => true, () => false)) return;
  killChromiumProcesses(profile);
  await withDeadline(closed, 5_000).catch(() => undefined);
}

/**
 * Kills (SIGKILL) every process started with `--user-data-dir=<profile>`, and the process
 * group of Chromium's main process (playwright starts it in a group of its own).
 *
 * @returns How many processes were signalled.
 */
function killChromiumProcesses(profile: string): number {
  const ownGroup = processGroupOf(process.pid);
  let signalled = 0;
  for (const found of findProcesses({ argument: `--user-data-dir=${profile}` })) {
    if (found.pgid === found.pid && found.pgid !== ownGroup && trySignal(-found.pgid)) signalled += 1;
    if (trySignal(found.pid)) signalled += 1;
  }
  return signalled;
}

function trySignal(pid: number): boolean {
  try {
    process.kill(pid, "SIGKILL");
    return true;
  } catch {
    return false;
  }
}

/** `work`, or a rejection after `timeoutMs` milliseconds (the timer never outlives the race). */
async function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`tempo esgotado (${timeoutMs} ms)`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
