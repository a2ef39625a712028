import { ChromiumNotFoundError, findChromium } from "./chromium";

/**
 * Why Chromium tests must be skipped, or `false` to run them. With `CI=true` they always
 * run, so a missing Chromium fails the suite instead of hiding.
 */
export function chromiumSkipReason(): string | false {
  if (process.env["CI"] === "true") {
    return false;
  }
  try {
    findChromium();
    return false;
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) {
      return `Chromium ausente (${error.message.split(".")[0]}); defina CI=true para que isto falhe`;
    }
    throw error;
  }
}
