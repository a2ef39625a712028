import { CourseError } from "../errors";

/** Inputs, weights or bias of a neuron that do not fit together. */
export class InvalidNeuronInputError extends CourseError {
  override name = "InvalidNeuronInputError";
}
