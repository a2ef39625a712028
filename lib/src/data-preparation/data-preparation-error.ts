import { CourseError } from "../errors";

/** A data-preparation request (split, scaling, balancing, selection) that cannot be honoured. */
export class DataPreparationError extends CourseError {
  override name = "DataPreparationError";
}
