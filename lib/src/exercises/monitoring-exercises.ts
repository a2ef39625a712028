/**
 * Exercise checkers of notebook 09 (monitoring training: early stopping, dropout).
 */
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { numberAnswerProblem } from "./number-answer";

/** Validation losses per epoch (epoch 1 first) of notebook 09's early-stopping exercise. */
export const EXERCISE_VALIDATION_LOSSES: readonly number[] = [0.92, 0.71, 0.6, 0.57, 0.59, 0.55, 0.56, 0.58, 0.6, 0.63];
/** The patience of the exercise: epochs without improvement before stopping. */
export const EXERCISE_PATIENCE = 3;

/** Where early stopping with `patience` stops on `losses` (epochs counted from 1) and the best epoch. */
export function earlyStoppingEpochs(losses: readonly number[], patience: number): { bestEpoch: number; stopEpoch: number } {
  let best = Infinity;
  let bestEpoch = 0;
  for (let i = 0; i < losses.length; i++) {
    const loss = losses[i] as number;
    if (loss < best) {
      best = loss;
      bestEpoch = i + 1;
    } else if (i + 1 - bestEpoch >= patience) {
      return { bestEpoch, stopEpoch: i + 1 };
    }
  }
  return { bestEpoch, stopEpoch: losses.length };
}

/** Checks the best epoch and the stopping epoch of early stopping on {@link EXERCISE_VALIDATION_LOSSES} (epoch numbers, compared exactly). */
export function checkEarlyStopping(answer: { bestEpoch?: number; stopEpoch?: number }): ExerciseCheck {
  if (isUnanswered(answer.bestEpoch) && isUnanswered(answer.stopEpoch)) return notAnsweredYet("a melhor época e a época de parada");
  const expected = earlyStoppingEpochs(EXERCISE_VALIDATION_LOSSES, EXERCISE_PATIENCE);
  const bestOk = answer.bestEpoch === expected.bestEpoch;
  const stopOk = answer.stopEpoch === expected.stopEpoch;
  if (bestOk && stopOk) return rightAnswer("a melhor época e a parada estão certas: a parada vem `patience` épocas depois da última melhora.");
  const hints: string[] = [];
  if (!bestOk) hints.push("a melhor época é a da MENOR perda de validação (contando a partir de 1)");
  if (!stopOk) hints.push(`a parada acontece quando ${EXERCISE_PATIENCE} épocas seguidas não melhoram a melhor perda até então`);
  return wrongAnswer(`${hints.join("; ")}.`);
}

/** Checks the factor by which (inverted) dropout with rate 0.25 multiplies the surviving activations during training. */
export function checkDropoutScale(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "o fator do dropout");
  if (problem !== undefined) return problem;
  if (closeEnough(answer, 1 / (1 - 0.25))) {
    return rightAnswer("com taxa 0,25 sobram em média 75 % das saídas; multiplicá-las por 1/0,75 mantém a soma esperada igual à do modo de inferência.");
  }
  if (closeEnough(answer, 0.75)) return wrongAnswer("0,75 é a fração que sobra; o fator compensa essa perda, então é o inverso dela.");
  return wrongAnswer("dica: qual fator faz a média de (saída × máscara × fator) ser igual à saída sem dropout, se a máscara vale 1 em 75 % dos casos?");
}
