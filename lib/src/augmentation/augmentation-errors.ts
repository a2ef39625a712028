import { CourseError } from "../errors";

/** An image batch or augmentation option that the augmentation functions cannot use. */
export class InvalidAugmentationError extends CourseError {
  override name = "InvalidAugmentationError";
}
