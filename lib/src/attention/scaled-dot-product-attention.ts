import * as tf from "../tf";
import { InvalidAttentionInputError } from "./attention-errors";

/** The result of {@link scaledDotProductAttention}. */
export interface AttentionResult {
  /** `[..., consultas, dv]`: for each query, the weighted average of the values. */
  output: tf.Tensor;
  /** `[..., consultas, chaves]`: how much each query attends to each key; each row sums to 1. */
  weights: tf.Tensor;
}

const shapeText = (t: tf.Tensor) => `[${t.shape.join(", ")}]`;

/**
 * Scaled dot-product attention (Vaswani et al. 2017, "Attention is all you need",
 * arXiv:1706.03762, eq. 1):
 *
 *   Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V
 *
 * @param queries `[..., consultas, d_k]`.
 * @param keys `[..., chaves, d_k]`.
 * @param values `[..., chaves, d_v]`.
 * @param mask Optional `[consultas, chaves]` (or broadcastable to the scores) of 1 where a query may
 *   look at a key and 0 where it may not (e.g. {@link causalMask}); masked weights are exactly 0.
 * @returns Two new tensors; dispose them when done.
 * @throws {InvalidAttentionInputError} When the shapes do not fit or a query may look at no key.
 */
export function scaledDotProductAttention(queries: tf.Tensor, keys: tf.Tensor, values: tf.Tensor, mask?: tf.Tensor): AttentionResult {
  if (queries.rank < 2 || keys.rank !== queries.rank || values.rank !== queries.rank) {
    throw new InvalidAttentionInputError(
      `scaledDotProductAttention: consultas, chaves e valores devem ter o mesmo posto (≥ 2), como [consultas, d]; chegaram ${shapeText(queries)}, ${shapeText(keys)} e ${shapeText(values)}.`,
    );
  }
  const dk = queries.shape[queries.rank - 1] as number;
  if (keys.shape[keys.rank - 1] !== dk) {
    throw new InvalidAttentionInputError(
      `scaledDotProductAttention: consultas e chaves precisam da mesma dimensão d_k (último eixo); chegaram ${shapeText(queries)} e ${shapeText(keys)}.`,
    );
  }
  if (keys.shape[keys.rank - 2] !== values.shape[values.rank - 2]) {
    throw new InvalidAttentionInputError(
      `scaledDotProductAttention: cada chave precisa de um valor (penúltimo eixo igual); chegaram chaves ${shapeText(keys)} e valores ${shapeText(values)}.`,
    );
  }
  const nq = queries.shape[queries.rank - 2] as number;
  const nk = keys.shape[keys.rank - 2] as number;
  if (mask !== undefined) {
    const ms = mask.shape;
    if (ms.length < 2 || ms[ms.length - 1] !== nk || ms[ms.length - 2] !== nq) {
      throw new InvalidAttentionInputError(
        `scaledDotProductAttention: a máscara deve ter forma [..., ${nq}, ${nk}] (consultas × chaves); chegou ${shapeText(mask)}.`,
      );
    }
    const allowedPerQuery = tf.tidy(() => mask.notEqual(0).cast("int32").sum(-1).min().dataSync()[0] as number);
    if (allowedPerQuery === 0) {
      throw new InvalidAttentionInputError(
        "scaledDotProductAttention: a máscara proíbe todas as chaves para alguma consulta; cada linha da máscara precisa de ao menos um 1.",
      );
    }
  }
  return tf.tidy(() => {
    let scores = tf.matMul(queries, keys, false, true).div(Math.sqrt(dk));
    if (mask !== undefined) {
      // A very negative score becomes an exact zero after the softmax.
      scores = tf.where(mask.notEqual(0), scores, tf.fill(scores.shape, -1e9));
    }
    const weights = tf.softmax(scores, -1);
    const output = tf.matMul(weights, values);
    return { output, weights };
  });
}

/**
 * A causal ("look-ahead") mask for a sequence of `length` steps: step i may look at steps 0…i,
 * never at the future. Returns a new `[length, length]` tensor of 0s and 1s.
 */
export function causalMask(length: number): tf.Tensor2D {
  if (!Number.isInteger(length) || length < 1) {
    throw new InvalidAttentionInputError(`causalMask: o comprimento deve ser um inteiro ≥ 1; chegou ${length}.`);
  }
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([length, length]), -1, 0) as tf.Tensor2D);
}
