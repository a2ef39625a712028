/**
 * Where the browser checks leave what a person may want to look at: screenshots and a
 * timings file, in artifacts/browser/ (git-ignored; CI keeps it).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { projectRoot } from "../project.mjs";

const browserArtifacts = path.join(projectRoot, "artifacts", "browser");

/** `artifacts/browser/<name>.png`, its folder created. */
export function screenshotFile(name: string): string {
  mkdirSync(browserArtifacts, { recursive: true });
  return path.join(browserArtifacts, `${name.replace(/[^\w.-]+/g, "_")}.png`);
}

/** Seconds per step (`"jupyterlab 00_o_ambiente"`), written to artifacts/browser/timings.json. */
export class Timings {
  private readonly seconds: Record<string, number> = {};
  private readonly started = performance.now();

  /** Runs `work`, recording how long it took under `label` (also when it fails). */
  async time<T>(label: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.seconds[label] = Math.round((performance.now() - start) / 100) / 10;
    }
  }

  /** Writes the timings (and the total so far); returns the file. */
  async write(name = "timings.json"): Promise<string> {
    const file = path.join(browserArtifacts, name);
    const total = Math.round((performance.now() - this.started) / 100) / 10;
    await writeFileAtomically(file, JSON.stringify({ totalSeconds: total, seconds: this.seconds }, null, 2) + "\n");
    return file;
  }
}
