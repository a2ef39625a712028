/**
 * Rebuilds `datasets/galaxias-simuladas.bin` (simulated galaxy images, deterministic
 * from a seed) and prints the manifest fields to record:
 *
 *   node --import tsx tools/datasets/make-galaxy-images.ts
 *
 * The test `lib/src/galaxy-images/shipped-galaxy-images.test.ts` checks that these bytes
 * equal the shipped file's SHA-256 in `datasets/manifest.json`.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { runMain } from "../common/run-main";
import { buildShippedGalaxyImagesFile, SHIPPED_GALAXY_IMAGES_FILE, writeFileAtomically } from "@redes-neurais/lib/ferramentas";

runMain(async () => {
  const bytes = buildShippedGalaxyImagesFile();
  const target = path.resolve(__dirname, "..", "..", "datasets", SHIPPED_GALAXY_IMAGES_FILE);
  await writeFileAtomically(target, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  console.log(JSON.stringify({ file: SHIPPED_GALAXY_IMAGES_FILE, bytes: bytes.length, sha256 }));
  return 0;
});
