import { CourseError } from "../errors";

/**
 * A weights file (Keras HDF5) cannot be used: it is not HDF5, it is truncated, or its
 * layers or shapes do not match the model.
 */
export class WeightsFileError extends CourseError {
  override name = "WeightsFileError";
}

/** A bad argument to a model builder or to feature extraction. */
export class PretrainedModelError extends CourseError {
  override name = "PretrainedModelError";
}
