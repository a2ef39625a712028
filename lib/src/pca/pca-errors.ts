import { CourseError } from "../errors";

/** A matrix or request that PCA and the subspace comparisons cannot use. */
export class InvalidPcaInputError extends CourseError {
  override name = "InvalidPcaInputError";
}
