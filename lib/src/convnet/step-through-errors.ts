import { CourseError } from "../errors";

/** A convolution or pooling step-through cannot be drawn from what arrived (image, filter, window, stride). */
export class InvalidStepThroughError extends CourseError {
  override name = "InvalidStepThroughError";
}
