// @ts-check
/** Step 5: the library `lib/` compiled to `lib/dist` (JavaScript + .d.ts for the notebooks). */
import fs from "node:fs";
import path from "node:path";
import { paths, projectRoot } from "../../project.mjs";
import { run } from "../run.mjs";

const buildInfo = path.join(paths.lib, "dist", ".tsbuildinfo");

/** @param {string} dir @returns {number} the newest modification time below dir */
function newestMtime(dir) {
  let newest = fs.statSync(dir).mtimeMs; // a deleted file changes its folder's time
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function newestSource() {
  return Math.max(
    newestMtime(path.join(paths.lib, "src")),
    ...["lib/package.json", "lib/tsconfig.build.json", "lib/tsconfig.json", "tsconfig.json"].map(
      (file) => fs.statSync(path.join(projectRoot, file)).mtimeMs,
    ),
  );
}

/** @type {import("../step.mjs").SetupStep} */
export const library = {
  upToDate: "biblioteca lib/ compilada e em dia",
  isUpToDate: () => fs.existsSync(buildInfo) && fs.statSync(buildInfo).mtimeMs >= newestSource(),
  apply({ say }) {
    say("▸ compilando a biblioteca lib/ → lib/dist…");
    // From scratch, so that a module deleted from src/ does not linger in dist/.
    fs.rmSync(path.join(paths.lib, "dist"), { recursive: true, force: true });
    const tsc = path.join(paths.nodeModules, "typescript", "bin", "tsc");
    run(process.execPath, [tsc, "-p", path.join(paths.lib, "tsconfig.build.json")], { cwd: projectRoot });
    const now = new Date();
    fs.utimesSync(buildInfo, now, now);
  },
};
