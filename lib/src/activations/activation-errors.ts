import { CourseError } from "../errors";

/** An activation name the course does not know. */
export class UnknownActivationError extends CourseError {
  override name = "UnknownActivationError";
}

/** A value that cannot go through an activation (NaN, not a number). */
export class InvalidActivationInputError extends CourseError {
  override name = "InvalidActivationInputError";
}
