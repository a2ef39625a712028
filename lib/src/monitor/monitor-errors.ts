import { CourseError } from "../errors";

/** Thrown when the training monitor gets options or epoch records it cannot use. */
export class TrainingMonitorError extends CourseError {
  override name = "TrainingMonitorError";
}
