import { CourseError } from "../errors";

/** Galaxy10 DECaLS could not be downloaded, verified or read. */
export class Galaxy10Error extends CourseError {
  override name = "Galaxy10Error";
}
