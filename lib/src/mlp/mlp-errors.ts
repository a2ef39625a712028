import { CourseError } from "../errors";

/** Layers, weights or inputs of a multilayer perceptron whose shapes do not fit. */
export class MlpShapeError extends CourseError {
  override name = "MlpShapeError";
}
