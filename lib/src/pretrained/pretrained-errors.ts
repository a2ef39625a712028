import { CourseError } from "../errors";

/**
 * A weights file (Keras HDF5) cannot be used: it is not HDF5, it is truncated, or its
 * layers or shapes do not match the model.
 */
export class WeightsFileError extends CourseError {
  override name = "WeightsFileError";
}

/** The VGG16 weights could not be downloaded or did not pass the checksum. */
export class WeightsDownloadError extends CourseError {
  override name = "WeightsDownloadError";
}

/** A bad argument to a model builder or to feature extraction. */
export class PretrainedModelError extends CourseError {
  override name = "PretrainedModelError";
}
