import { CourseError } from "../errors";

/** A diagram was asked for with input it cannot draw (the message says what was expected and what to do). */
export class InvalidDiagramInputError extends CourseError {
  override name = "InvalidDiagramInputError";
}
