/**
 * Exercise checkers of notebook 11 (the fauna of networks: attention, autoencoders).
 */
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { describeAnswer, numberAnswerProblem } from "./number-answer";

/**
 * Checks notebook 11's attention exercise: the weights of the query q = [1, 0] over the keys
 * k₁ = [1, 0] and k₂ = [0, 1] (d_k = 2), by softmax(q·k/√d_k).
 */
export function checkAttentionWeights(answer: readonly number[] | undefined): ExerciseCheck {
  if (isUnanswered(answer)) return notAnsweredYet("os pesos [peso de k₁, peso de k₂]");
  if (!Array.isArray(answer)) return wrongAnswer(`esperava uma lista com dois pesos, mas chegou ${describeAnswer(answer)}.`);
  const scores = [1 / Math.SQRT2, 0];
  const total = scores.reduce((s, x) => s + Math.exp(x), 0);
  const expected = scores.map((x) => Math.exp(x) / total);
  if (answer.length !== 2) return wrongAnswer(`esperava dois pesos (um por chave); chegaram ${answer.length}.`);
  if (answer.every((v, i) => closeEnough(v, expected[i] as number))) {
    return rightAnswer("os pesos estão certos e somam 1: a consulta presta mais atenção à chave que aponta na mesma direção.");
  }
  if (closeEnough((answer[0] ?? 0) + (answer[1] ?? 0), 1) && closeEnough(answer[0], Math.exp(1) / (Math.exp(1) + 1))) {
    return wrongAnswer("quase: faltou dividir os produtos escalares por √d_k = √2 antes do softmax.");
  }
  return wrongAnswer("dica: calcule q·k₁ e q·k₂, divida por √2, e aplique o softmax (exponencie e divida pela soma).");
}

/** Checks the number of trainable parameters of a dense autoencoder 256 → 8 → 256 (with biases): a count, compared exactly. */
export function checkAutoencoderParameters(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "o número de parâmetros");
  if (problem !== undefined) return problem;
  const expected = 256 * 8 + 8 + 8 * 256 + 256;
  if (answer === expected) return rightAnswer("certo: cada camada densa tem entradas × saídas pesos mais um viés por saída.");
  if (answer === 256 * 8 * 2) return wrongAnswer("faltaram os vieses (um por neurônio de cada camada).");
  return wrongAnswer("dica: some, para o codificador e para o decodificador, (entradas × saídas) + saídas.");
}
