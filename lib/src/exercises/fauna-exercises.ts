import { isClose, isPlaceholder, notAnswered, right, wrong, type ExerciseCheck } from "./part3-check";

/**
 * Checks notebook 11's attention exercise: the weights of the query q = [1, 0] over the keys
 * k₁ = [1, 0] and k₂ = [0, 1] (d_k = 2), by softmax(q·k/√d_k).
 */
export function checkAttentionWeights(answer: readonly number[] | undefined): ExerciseCheck {
  if (answer === undefined || answer.length === 0 || answer.every((v) => isPlaceholder(v))) return notAnswered("`pesos`");
  const scores = [1 / Math.SQRT2, 0];
  const total = scores.reduce((s, x) => s + Math.exp(x), 0);
  const expected = scores.map((x) => Math.exp(x) / total);
  if (answer.length !== 2) return wrong(`esperava dois pesos (um por chave); chegaram ${answer.length}.`);
  if (answer.every((v, i) => isClose(v, expected[i] as number, 0.005))) {
    return right("os pesos estão certos e somam 1: a consulta presta mais atenção à chave que aponta na mesma direção.");
  }
  if (isClose((answer[0] ?? 0) + (answer[1] ?? 0), 1, 0.005) && isClose(answer[0] ?? NaN, Math.exp(1) / (Math.exp(1) + 1), 0.005)) {
    return wrong("quase: faltou dividir os produtos escalares por √d_k = √2 antes do softmax.");
  }
  return wrong("dica: calcule q·k₁ e q·k₂, divida por √2, e aplique o softmax (exponencie e divida pela soma).");
}

/** Checks the number of trainable parameters of a dense autoencoder 256 → 8 → 256 (with biases). */
export function checkAutoencoderParameters(answer: number | undefined): ExerciseCheck {
  if (isPlaceholder(answer)) return notAnswered("`parametros`");
  const expected = 256 * 8 + 8 + 8 * 256 + 256;
  if (answer === expected) return right("certo: cada camada densa tem entradas × saídas pesos mais um viés por saída.");
  if (answer === 256 * 8 * 2) return wrong("faltaram os vieses (um por neurônio de cada camada).");
  return wrong("dica: some, para o codificador e para o decodificador, (entradas × saídas) + saídas.");
}
