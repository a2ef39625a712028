import { CourseError } from "../errors";

/** A data-preparation request (split, scaling, balancing) that cannot be honoured. */
export class InvalidDataPreparationError extends CourseError {
  override name = "InvalidDataPreparationError";
}
