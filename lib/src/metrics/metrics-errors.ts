import { CourseError } from "../errors";

/** Labels or predictions that the classification metrics cannot compare. */
export class InvalidLabelsError extends CourseError {
  override name = "InvalidLabelsError";
}
