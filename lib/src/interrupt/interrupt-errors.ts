import { CourseError } from "../errors";

/**
 * Thrown inside a notebook cell that was interrupted (JupyterLab's stop button) by the
 * course's training steps that come after the interrupt — `fit`, `fitDataset`,
 * `monitor.update` — so the rest of the stopped cell does not run in the background.
 * tslab has already answered the interrupt, so nobody sees it unless the cell catches it.
 */
export class TrainingInterruptedError extends CourseError {
  override name = "TrainingInterruptedError";
}
