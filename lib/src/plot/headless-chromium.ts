import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describeThrown } from "../errors";
import { findChromium, HEADLESS_CHROMIUM_FLAGS } from "./chromium";
import { PngRenderError } from "./plot-errors";

/** Options of {@link withHeadlessChromiumPage}. */
export interface HeadlessChromiumOptions {
  /** The Chromium executable; default: `findChromium()`. */
  chromiumPath?: string;
  /** Timeout for launching and for each page operation, in milliseconds. Default 60 000. */
  timeoutMs?: number;
}

/**
 * Starts a headless Chromium (playwright-core, `executablePath`) with the course's flags
 * and a fresh profile folder, hands one page to `use`, then closes Chromium and deletes the
 * profile, whatever happens.
 *
 * playwright refuses `--user-data-dir` among `args`; the profile folder is given to
 * `launchPersistentContext`, which passes it to Chromium.
 *
 * @throws {ChromiumNotFoundError} When no Chromium is found.
 * @throws {PngRenderError} When Chromium does not start.
 */
export async function withHeadlessChromiumPage<T>(
  options: HeadlessChromiumOptions,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const executablePath = options.chromiumPath ?? findChromium();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const profile = await mkdtemp(path.join(os.tmpdir(), "redes-neurais-chromium-"));
  let context: BrowserContext | null = null;
  try {
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: [...HEADLESS_CHROMIUM_FLAGS],
        timeout: timeoutMs,
      });
    } catch (error) {
      throw new PngRenderError(
        `O Chromium em "${executablePath}" não iniciou: ${describeThrown(error).split("\n")[0]}. ` +
          `Confira se ele abre com \`${executablePath} --headless --no-sandbox --dump-dom about:blank\`, ` +
          `ou aponte CHROMIUM_PATH para outro Chromium.`,
        { cause: error },
      );
    }
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    return await use(page);
  } finally {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}
