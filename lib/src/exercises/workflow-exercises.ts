import { isClose, isPlaceholder, notAnswered, right, wrong, type ExerciseCheck } from "./part3-check";

/**
 * Checks notebook 10's normalization exercise: a colour g − r = 1.6 in the validation set,
 * with training mean 0.8, standard deviation 0.4, minimum 0.1 and maximum 1.1.
 */
export function checkNormalization(answer: { zscore?: number; minmax?: number }): ExerciseCheck {
  if (isPlaceholder(answer.zscore) && isPlaceholder(answer.minmax)) return notAnswered("`zscore` e `minmax`");
  const zOk = isClose(answer.zscore ?? NaN, (1.6 - 0.8) / 0.4, 0.005);
  const mOk = isClose(answer.minmax ?? NaN, (1.6 - 0.1) / (1.1 - 0.1), 0.005);
  if (zOk && mOk) {
    return right("as duas estão certas — e note que o valor normalizado 0–1 passa de 1: dados novos podem cair fora do intervalo do treino, e tudo bem.");
  }
  const hints: string[] = [];
  if (!zOk) hints.push("z-score: subtraia a média do TREINO e divida pelo desvio padrão do treino");
  if (!mOk) hints.push("0–1: subtraia o mínimo do treino e divida por (máximo − mínimo) do treino, sem cortar o resultado em 1");
  return wrong(`${hints.join("; ")}.`);
}

/** Checks the accuracy of a classifier that always answers "estrela" on 900 stars and 100 galaxies. */
export function checkTrivialAccuracy(answer: number | undefined): ExerciseCheck {
  if (isPlaceholder(answer)) return notAnswered("`acuraciaTrivial`");
  if (isClose(answer as number, 0.9, 0.002)) {
    return right("90 % de acurácia sem aprender nada: com classes desbalanceadas, olhe também a revocação de cada classe (aqui 0 para galáxias).");
  }
  if (isClose(answer as number, 90, 0.002)) return wrong("quase: escreva como fração entre 0 e 1, não em porcentagem.");
  return wrong("dica: quantos dos 1000 objetos ele acerta se responde sempre “estrela”?");
}
