/**
 * VGG16 feature-extraction throughput on the active backend: images per second at
 * 224×224×3 for batches of 1 and 8 (random weights; the cost does not depend on them).
 *
 * Usage: node --import tsx tools/bench-vgg16.ts [repeats]
 */
import os from "node:os";
import * as tf from "../lib/src/tf";
import { buildVgg16 } from "../lib/src/pretrained/vgg16";
import { measureFeatureThroughput } from "../lib/src/pretrained/feature-extraction";
import { runMain } from "./common/run-main";

async function main(args: string[]): Promise<number> {
  const repeats = Number(args[0] ?? 3);
  const vgg = buildVgg16({ trainable: false });
  for (const batchSize of [1, 8]) {
    const rate = measureFeatureThroughput(vgg, batchSize, repeats);
    console.log(`VGG16 224×224, lote ${batchSize}: ${rate.toFixed(2)} imagens/s (backend ${tf.getBackend()}, carga ${os.loadavg()[0]?.toFixed(1)} em ${os.cpus().length} núcleos)`);
  }
  vgg.dispose();
  return 0;
}

runMain(main);
