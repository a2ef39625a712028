import { CourseError } from "../errors";

/** A request for dropout masks that cannot be met (rate, number of steps, grid of units, seed). */
export class InvalidDropoutRequestError extends CourseError {
  override name = "InvalidDropoutRequestError";
}
