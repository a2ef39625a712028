// @ts-check
/** Stops with a clear message when the npm packages are not installed yet. */
import fs from "node:fs";
import path from "node:path";
import { paths } from "./project.mjs";

if (!fs.existsSync(path.join(paths.nodeModules, "tsx"))) {
  console.error("As dependências npm não estão instaladas: rode `npm run setup` primeiro.");
  process.exit(1);
}
