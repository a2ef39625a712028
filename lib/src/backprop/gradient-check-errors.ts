import { CourseError } from "../errors";

/** A gradient check that cannot run: not a function, not float32 tensors, not a scalar… */
export class GradientCheckError extends CourseError {
  override name = "GradientCheckError";
}
