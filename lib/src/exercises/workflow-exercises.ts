/**
 * Exercise checkers of notebook 10 (the universal workflow: normalization, baselines).
 */
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { numberAnswerProblem } from "./number-answer";

/**
 * Checks notebook 10's normalization exercise: a colour g − r = 1.6 in the validation set,
 * with training mean 0.8, standard deviation 0.4, minimum 0.1 and maximum 1.1.
 */
export function checkNormalization(answer: { zscore?: number; minmax?: number }): ExerciseCheck {
  if (isUnanswered(answer.zscore) && isUnanswered(answer.minmax)) return notAnsweredYet("o z-score e o valor normalizado 0–1");
  const zOk = closeEnough(answer.zscore, (1.6 - 0.8) / 0.4);
  const mOk = closeEnough(answer.minmax, (1.6 - 0.1) / (1.1 - 0.1));
  if (zOk && mOk) {
    return rightAnswer("as duas estão certas — e note que o valor normalizado 0–1 passa de 1: dados novos podem cair fora do intervalo do treino, e tudo bem.");
  }
  const hints: string[] = [];
  if (!zOk) hints.push("z-score: subtraia a média do TREINO e divida pelo desvio padrão do treino");
  if (!mOk) hints.push("0–1: subtraia o mínimo do treino e divida por (máximo − mínimo) do treino, sem cortar o resultado em 1");
  return wrongAnswer(`${hints.join("; ")}.`);
}

/** Checks the accuracy of a classifier that always answers "estrela" on 900 stars and 100 galaxies. */
export function checkTrivialAccuracy(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "a acurácia do classificador trivial");
  if (problem !== undefined) return problem;
  if (closeEnough(answer, 0.9)) {
    return rightAnswer("90 % de acurácia sem aprender nada: com classes desbalanceadas, olhe também a revocação de cada classe (aqui 0 para galáxias).");
  }
  if (closeEnough(answer, 90)) return wrongAnswer("quase: escreva como fração entre 0 e 1, não em porcentagem.");
  return wrongAnswer("dica: quantos dos 1000 objetos ele acerta se responde sempre “estrela”?");
}
