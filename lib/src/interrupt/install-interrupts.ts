import type { TensorFlowModule } from "../backend/load-tensorflow";
import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import { installKernelInterrupts } from "./cell-interrupts";
import { closeScopesLeftOpen } from "./engine-repair";
import { installInterruptibleFit } from "./interruptible-fit";

/**
 * Makes JupyterLab's stop button stop training (called once when the library loads
 * TensorFlow.js, see ../backend/tensorflow-runtime.ts): `fit`/`fitDataset` learn to stop
 * (./interruptible-fit.ts) and, inside a tslab kernel, cells get their scope and SIGINT its
 * listener (./cell-interrupts.ts), and a synchronous cell that tslab breaks does not leave
 * TensorFlow.js's engine half inside a `tidy` (./engine-repair.ts). In a plain script only the wrapper is installed, and it
 * changes nothing there.
 */
export function installTrainingInterrupts(tf: TensorFlowModule): void {
  installInterruptibleFit(tf);
  if (isInsideTslabKernel()) installKernelInterrupts(() => closeScopesLeftOpen(tf));
}
