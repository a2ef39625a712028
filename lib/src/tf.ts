/**
 * TensorFlow.js for the course, on the backend chosen by `REDES_NEURAIS_BACKEND` (the
 * native `tensorflow` backend by default), announced once on import. The library exports
 * this module as the namespace `tf`, so notebooks get both the values and the types:
 *
 * @example
 * import { tf } from "@redes-neurais/lib";
 * const y: tf.Tensor = tf.tidy(() => tf.tensor([1, 2, 3]).square()); // tidy frees the intermediates
 *
 * How: the first import below chooses the backend (`./backend/load-on-import`). When the native
 * binding cannot load, it registers `@tensorflow/tfjs` (backend `cpu`) in Node's require
 * cache under tfjs-node's name, so the re-export below then yields the pure-JS module —
 * without `tf.node` — instead of crashing. Importing throws, with an explanation in
 * Portuguese, when `REDES_NEURAIS_BACKEND` is invalid or requires a missing native backend.
 */
import "./backend/load-on-import";

export * from "@tensorflow/tfjs-node";
