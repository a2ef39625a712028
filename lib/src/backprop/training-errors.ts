import { CourseError } from "../errors";

/** Data or settings a hand-written training function cannot use (shapes, NaN, α ≤ 0…). */
export class TrainingInputError extends CourseError {
  override name = "TrainingInputError";
}
