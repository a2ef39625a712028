import { CourseError } from "../errors";

/** A light-curve request the generator cannot honour. */
export class InvalidLightCurveRequestError extends CourseError {
  override name = "InvalidLightCurveRequestError";
}
