import { CourseError } from "../errors";

/** Queries, keys, values or a mask whose shapes do not fit together. */
export class InvalidAttentionInputError extends CourseError {
  override name = "InvalidAttentionInputError";
}
