/**
 * Exercise checkers of notebook 05 (training and back-propagation). Each one returns a
 * verdict ("✔"/"✘" and a hint) without revealing the answer.
 */
import * as tf from "../tf";
import { binaryCrossEntropy, logisticForward } from "../backprop/logistic-regression";
import { describeThrown } from "../errors";
import { randomFromState } from "../random/seeded-random";
import { closeEnough } from "./close-enough";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { numberAnswerProblem } from "./number-answer";

/**
 * The gradient function is evaluated by the computer and compared with TensorFlow.js's
 * float32 automatic differentiation (about 10⁻⁷ apart for a right formula), not rounded by
 * hand: a much tighter tolerance than the course's.
 */
const GRADIENT_FUNCTION_TOLERANCE = 1e-4;

/**
 * Exercise 1: for x = (2, −1), w = (0, 0), b = 0 and t = 1, the value of dE/dw₁.
 */
export function checkChainRuleGradient(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "dE/dw₁", "calcule y = S(z) com z = w·x + b e use dE/dw₁ = −(t − y)x₁.");
  if (problem !== undefined) return problem;
  const y = 0.5;
  const expected = -(1 - y) * 2;
  if (closeEnough(answer, expected)) return rightAnswer("Isso: com w = 0 a rede está indecisa (y = 1/2) e o gradiente empurra w₁ para cima.");
  if (closeEnough(answer, -expected)) return wrongAnswer("O valor absoluto está certo, mas o sinal não: E = −[t log y + …] traz um sinal de menos.");
  if (closeEnough(answer, -(1 - y)) || closeEnough(answer, 1 - y)) return wrongAnswer("Faltou o último fator da regra da cadeia: dz/dw₁ = x₁.");
  return wrongAnswer("Não confere. Quanto vale y quando z = 0? Depois multiplique dE/dy · dy/dz · dz/dw₁.");
}

/**
 * Exercise 2: with α = 0.5, the new w₂ after one gradient-descent step from the same
 * point (x = (2, −1), w = 0, b = 0, t = 1).
 */
export function checkWeightUpdate(answer: number | undefined): ExerciseCheck {
  const problem = numberAnswerProblem(answer, "o novo w₂", "use Δw₂ = α (t − y) x₂ e some ao w₂ atual.");
  if (problem !== undefined) return problem;
  const expected = 0 + 0.5 * (1 - 0.5) * -1;
  if (closeEnough(answer, expected)) return rightAnswer("Correto: x₂ < 0 e o alvo é 1, então o peso w₂ diminui.");
  if (closeEnough(answer, -expected)) return wrongAnswer("Sinal trocado: a descida vai CONTRA o gradiente, w ← w − α dE/dw.");
  if (closeEnough(answer, expected / 0.5)) return wrongAnswer("Quase: faltou multiplicar pelo coeficiente de aprendizado α.");
  return wrongAnswer("Não confere. Calcule y, depois (t − y), multiplique por x₂ e por α.");
}

/**
 * Exercise 3: δ₁ = dE/dz₁ of a sigmoid hidden layer with δ₂ = 0.2, W₂ = (1, −2)ᵀ and
 * h = (0.5, 0.5).
 */
export function checkHiddenLayerDelta(answer: number[] | undefined): ExerciseCheck {
  if (isUnanswered(answer)) return notAnsweredYet("[δ₁₁, δ₁₂]", "use δ₁ = (δ₂ W₂ᵀ) ⊙ h(1 − h), componente por componente.");
  if (!Array.isArray(answer) || answer.length !== 2 || !answer.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return wrongAnswer(`Responda com dois números, [δ₁₁, δ₁₂]; recebi ${JSON.stringify(answer)}.`);
  }
  const w2 = [1, -2];
  const expected = w2.map((w) => 0.2 * w * 0.25);
  if (answer.every((v, k) => closeEnough(v, expected[k]!))) return rightAnswer("Correto: o erro volta pela matriz W₂ e é multiplicado pela derivada da ativação.");
  if (answer.every((v, k) => closeEnough(v, 0.2 * w2[k]!))) return wrongAnswer("Faltou a derivada da sigmoide, S′(z) = h(1 − h).");
  if (answer.every((v, k) => closeEnough(v, 0.2 * w2[k]! * 0.5))) return wrongAnswer("A derivada da sigmoide é h(1 − h), não h.");
  return wrongAnswer("Não confere. Primeiro δ₂ vezes cada peso de W₂, depois multiplique por h(1 − h).");
}

/** A student's gradient of the mean binary cross-entropy of logistic regression. */
export type LogisticGradientFunction = (x: number[][], t: number[], w: number[], b: number) => { dw: number[]; db: number };

/**
 * Exercise 4: a function that computes dE/dw and dE/db (mean over the batch) with plain
 * arrays, compared with TensorFlow.js's automatic differentiation on random problems.
 */
export function checkLogisticGradientFunction(gradient: LogisticGradientFunction | undefined): ExerciseCheck {
  if (isUnanswered(gradient)) return notAnsweredYet("a função do gradiente", "escreva a função com dE/dw_k = −média[(t − y) x_k] e dE/db = −média(t − y).");
  if (typeof gradient !== "function") return wrongAnswer(`Esperava uma função (x, t, w, b) => { dw, db }; recebi ${typeof gradient}.`);
  const random = randomFromState(505);
  for (let trial = 0; trial < 3; trial++) {
    const n = 6 + trial;
    const x = Array.from({ length: n }, () => [random.normal(), random.normal(), random.normal()]);
    const t = x.map(() => (random.uniform() < 0.5 ? 0 : 1));
    const w = [random.normal(), random.normal(), random.normal()];
    const b = random.normal();
    let answer: { dw: number[]; db: number };
    try {
      answer = gradient(x.map((row) => [...row]), [...t], [...w], b);
    } catch (error) {
      return wrongAnswer(`Sua função lançou um erro: ${describeThrown(error)}.`);
    }
    if (!answer || !Array.isArray(answer.dw) || answer.dw.length !== 3 || typeof answer.db !== "number") {
      return wrongAnswer("A função deve devolver { dw, db }, com um dw por atributo (aqui 3) e db um número.");
    }
    const [dwAuto, dbAuto] = tf.tidy(() => {
      const xs = tf.tensor2d(x);
      const [gw, gb] = tf.grads((wv: tf.Tensor, bv: tf.Tensor) =>
        binaryCrossEntropy(logisticForward(xs, { w: wv as tf.Tensor1D, b: bv as tf.Scalar }), t),
      )([tf.tensor1d(w), tf.scalar(b)]);
      return [Array.from(gw!.dataSync()), gb!.dataSync()[0]!];
    });
    const matches = (scale: number): boolean => answer.dw.every((v, k) => closeEnough(v, scale * dwAuto[k]!, GRADIENT_FUNCTION_TOLERANCE)) && closeEnough(answer.db, scale * dbAuto, GRADIENT_FUNCTION_TOLERANCE);
    if (matches(1)) continue;
    if (matches(-1)) return wrongAnswer("Os valores estão com o sinal trocado: dE/dw = −(t − y)x.");
    if (matches(n)) return wrongAnswer("Você somou sobre os objetos: o custo é a MÉDIA, divida pelo número de objetos.");
    if (answer.dw.every((v, k) => closeEnough(v, dwAuto[k]!, GRADIENT_FUNCTION_TOLERANCE))) return wrongAnswer("dw está certo; confira db (para o viés, x₀ = 1).");
    return wrongAnswer("Os valores não conferem com a diferenciação automática. Confira y = 1/(1 + e^(−z)) com z = w·x + b.");
  }
  return rightAnswer("Sua função concorda com tf.grad em 3 problemas aleatórios.");
}
