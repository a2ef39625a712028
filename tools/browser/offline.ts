/**
 * A browser context cut off from the network: every request that is not for a local file
 * (`file:`, `data:`, `blob:`) is aborted as if the machine were offline, and recorded, so
 * that a test can assert that a page asked for nothing outside the machine.
 */
import type { BrowserContext, Page } from "playwright-core";

const localUrl = /^(file|data|blob|about):/;

/** Aborts every non-local request of `context`; returns the list of URLs it refused (live). */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
  const refused: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (localUrl.test(url)) return route.continue();
    refused.push(url);
    return route.abort("internetdisconnected");
  });
  // Requests that never reach the router (e.g. a service worker's) are still seen here.
  context.on("request", (request) => {
    const url = request.url();
    if (!localUrl.test(url) && !refused.includes(url)) refused.push(url);
  });
  return refused;
}

/** Collects the page's uncaught exceptions and console errors (live list). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}
