import { CourseError } from "../errors";

/** Options of the galaxy image generator or a galaxy image set are invalid. */
export class GalaxyImageError extends CourseError {
  override name = "GalaxyImageError";
}
