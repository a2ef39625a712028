/**
 * Exercise checkers of notebook 06 (convolutional networks): each returns a verdict that
 * says what is right or wrong, with a hint, never the answer. Sizes and parameter counts
 * are whole numbers, compared exactly.
 */
import { convOutputSize } from "../convnet/conv-output-size";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { numberAnswerProblem } from "./number-answer";

/**
 * Exercise 1: a 64×64 image goes through conv 5×5 (stride 1, "valid"), max pooling 2×2,
 * conv 3×3 (stride 1, "same") and max pooling 2×2. What is the height of the last map?
 */
export function checkFeatureMapSize(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "a altura do último mapa", "aplique a fórmula ⌊(n + 2p − k)/s⌋ + 1 camada por camada.");
  if (problem !== undefined) return problem;
  const afterConv = convOutputSize(64, 5, 1, "valid");
  const afterPool = convOutputSize(afterConv, 2, 2, "valid");
  const afterSame = convOutputSize(afterPool, 3, 1, "same");
  const expected = convOutputSize(afterSame, 2, 2, "valid");
  if (answer === expected) return rightAnswer(`Isso: cada camada "valid" perde k − 1 pixels e cada pooling 2×2 divide por 2.`);
  if (answer === convOutputSize(convOutputSize(convOutputSize(afterPool, 3, 1, "valid"), 2, 2), 1)) {
    return wrongAnswer('Quase: a segunda convolução usa padding "same", que preserva o tamanho quando o passo é 1.');
  }
  if (answer === 16) return wrongAnswer("A primeira convolução (5×5, \"valid\") encolhe o mapa antes do pooling: quanto ela tira de 64?");
  return wrongAnswer("Não é isso. Siga o tamanho camada a camada e confira com convOutputSize(n, k, s, padding).");
}

/** Exercise 2: trainable parameters of a conv layer with 16 filters 3×3 on 8 input channels. */
export function checkConvParameterCount(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "o número de parâmetros", "cada filtro tem k × k × canais de entrada pesos, e mais alguma coisa…");
  if (problem !== undefined) return problem;
  const weights = 3 * 3 * 8 * 16;
  if (answer === weights + 16) return rightAnswer("Isso: (3·3·8 + 1) parâmetros por filtro — o peso é compartilhado por todas as posições da imagem.");
  if (answer === weights) return wrongAnswer("Faltou o viés (bias): cada filtro tem o seu.");
  if (answer === 3 * 3 * 16 || answer === 3 * 3 * 16 + 16) return wrongAnswer("Cada filtro enxerga os 8 canais de entrada ao mesmo tempo: seus pesos formam um cubo k×k×8.");
  return wrongAnswer("Não é isso. Lembre: os pesos de um filtro não dependem do tamanho da imagem, só de k, dos canais de entrada e do número de filtros.");
}

function response(kernel: number[][], patch: number[][]): number {
  let sum = 0;
  for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) sum += kernel[y]![x]! * patch[y]![x]!;
  return sum;
}

/**
 * Exercise 3: a 3×3 filter that detects vertical edges (a jump of brightness from left to
 * right): zero response on a uniform region, strong on a vertical edge, weak on a
 * horizontal one.
 */
export function checkVerticalEdgeFilter(kernel: number[][] | undefined): ExerciseCheck {
  if (isUnanswered(kernel)) return notAnsweredYet("o filtro 3×3", "escreva-o como [[a, b, c], [d, e, f], [g, h, i]].");
  if (!Array.isArray(kernel) || kernel.length !== 3 || !kernel.every((row) => Array.isArray(row) && row.length === 3 && row.every(Number.isFinite))) {
    return wrongAnswer("O filtro precisa ser uma matriz 3×3 de números: [[a, b, c], [d, e, f], [g, h, i]].");
  }
  const scale = kernel.flat().reduce((sum, value) => sum + Math.abs(value), 0);
  if (scale === 0) return wrongAnswer("Um filtro de zeros não responde a nada.");
  const flat = response(kernel, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
  if (Math.abs(flat) > 1e-9 * scale + 1e-12) {
    return wrongAnswer(`Numa região uniforme (todos os pixels = 1) o filtro responde ${flat.toFixed(3)}: a soma dos pesos deveria ser 0.`);
  }
  const vertical = Math.abs(response(kernel, [[0, 0, 1], [0, 0, 1], [0, 0, 1]])) + Math.abs(response(kernel, [[0, 1, 1], [0, 1, 1], [0, 1, 1]]));
  const horizontal = Math.abs(response(kernel, [[0, 0, 0], [0, 0, 0], [1, 1, 1]])) + Math.abs(response(kernel, [[0, 0, 0], [1, 1, 1], [1, 1, 1]]));
  if (horizontal > vertical / 3 && horizontal >= 0.25 * scale) {
    return wrongAnswer("O filtro responde a bordas horizontais: ele deve comparar esquerda com direita, não cima com baixo.");
  }
  if (vertical < 0.25 * scale) {
    return wrongAnswer("O filtro quase não responde a uma borda vertical (escuro à esquerda, claro à direita): compare a coluna da esquerda com a da direita.");
  }
  return rightAnswer("Isso: soma zero (região uniforme não responde) e contraste entre as colunas da esquerda e da direita.");
}
