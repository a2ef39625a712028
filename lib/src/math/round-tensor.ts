/**
 * Rounding that is right on the course's native build.
 *
 * TensorFlow 2.21's CPU `Round` kernel returns zeros for integer tensors (Python's
 * `tf.round` never calls it on integers, so only TensorFlow.js meets it): on the native
 * backend, `tf.round(tf.tensor([3, -7], undefined, "int32"))` gives `[0, 0]`. The
 * conformance run (`npm run conformance`) lists it as a known deviation. Round with
 * {@link roundTensor} instead: integers are already round, so an int32 tensor comes back
 * as an exact copy, and only float tensors reach the (correct) float kernel. (Casting to
 * float32, rounding and casting back would also dodge the kernel, but float32 holds
 * integers exactly only up to 2^24, so 16,777,217 would come back as 16,777,216.)
 *
 * @example
 * import { roundTensor, tf } from "@redes-neurais/lib";
 * roundTensor(tf.tensor([1.4, 2.5, -0.6])).print(); // [1, 2, -1] (halves to even, like tf.round)
 */
import * as tf from "../tf";
import { CourseError } from "../errors";

/** The tensor's dtype cannot be rounded (bool, string or complex64). */
export class RoundDtypeError extends CourseError {
  override name = "RoundDtypeError";

  /** @param dtype The dtype that arrived. */
  constructor(readonly dtype: string) {
    super(
      `roundTensor espera um tensor numérico real (float32 ou int32), mas recebeu um tensor de dtype "${dtype}". ` +
        `Converta antes com tensor.cast("float32") (para bool) ou arredonde as partes real e imaginária ` +
        `(tf.real, tf.imag) separadamente (para complex64).`,
    );
  }
}

/**
 * Rounds every element to the nearest integer, halves to even (like `tf.round`), keeping
 * the dtype, without calling TF 2.21's broken integer `Round` kernel.
 *
 * @param x A float32 or int32 tensor.
 * @returns A new tensor (dispose it, or call inside `tf.tidy`): for int32, an exact copy.
 * @throws {RoundDtypeError} For bool, string and complex64 tensors.
 */
export function roundTensor<T extends tf.Tensor>(x: T): T {
  switch (x.dtype) {
    case "float32":
      return tf.round(x);
    case "int32":
      // Integers are already round; never send them to the integer Round kernel.
      return x.clone();
    default:
      throw new RoundDtypeError(x.dtype);
  }
}
