import { CourseError } from "../errors";

/** A bad request to the universality demo (number of bumps, interval, function, weights). */
export class InvalidApproximationError extends CourseError {
  override name = "InvalidApproximationError";
}
