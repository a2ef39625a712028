/**
 * Rebuilds the course's pretrained convolutional base, deterministically:
 * `datasets/base_convolucional_galaxias.h5`.
 *
 * Source task: counting the arms (2, 3 or 4) of 3,500 simulated spiral galaxies of 64×64
 * pixels (generated with seed 11; tools/pretrain/pretrain.ts), the last 500 held out. The base
 * (lib/src/pretrained/course-base.ts, seed 0) with a softmax layer on top trains with Adam
 * (seeded initial weights, no random shuffling inside fit), and only the base's weights are
 * saved, in Keras' HDF5 layout. Takes about a minute and a half on two cores.
 *
 * Usage:
 *   node --import tsx tools/pretrain-course-base.ts           # writes the file, prints bytes and SHA-256
 *   node --import tsx tools/pretrain-course-base.ts --check   # retrains into a temporary file and compares
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./project.mjs";
import { runMain } from "./common/run-main";
import { pretrainCourseBase, spiralArmImages } from "./pretrain/pretrain";
import { COURSE_BASE_WEIGHTS_FILE, readKerasWeights } from "@redes-neurais/lib";

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const shipped = path.join(projectRoot, "datasets", COURSE_BASE_WEIGHTS_FILE);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "course-base-"));
  const target = check ? path.join(scratch, COURSE_BASE_WEIGHTS_FILE) : shipped;
  try {
    const result = await pretrainCourseBase(spiralArmImages(), target);
    const bytes = readFileSync(target);
    console.log(
      `base do curso: ${result.epochs} épocas em ${result.seconds.toFixed(1)} s sobre ${result.trainCount} espirais; ` +
        `acurácia ao contar braços em ${result.heldOutCount} espirais separadas: ${(100 * result.heldOutAccuracy).toFixed(1)} % ` +
        `(a classe mais comum sozinha: ${(100 * result.heldOutMajorityShare).toFixed(1)} %)`,
    );
    console.log(`${target}: ${bytes.length} bytes, SHA-256 ${createHash("sha256").update(bytes).digest("hex")}`);
    if (!check) return 0;
    const [rebuilt, reference] = [await readKerasWeights(target), await readKerasWeights(shipped)];
    let maxDifference = 0;
    rebuilt.forEach((layer, i) =>
      layer.weights.forEach((weight, j) => {
        const other = reference[i]?.weights[j]?.values ?? new Float32Array();
        weight.values.forEach((value, k) => (maxDifference = Math.max(maxDifference, Math.abs(value - (other[k] ?? NaN)))));
      }),
    );
    console.log(`maior diferença entre os pesos refeitos e os distribuídos: ${maxDifference}`);
    return maxDifference === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

runMain(main);
