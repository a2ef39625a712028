/**
 * The numbers of the logistic regression's computation graph for ONE object (notebook 05,
 * lib/src/backprop/logistic-regression.ts): the forward pass
 *
 *   p_k = w_k x_k,  z = Σ p_k + b,  y = σ(z),  E = −[t ln y + (1 − t) ln(1 − y)]
 *
 * and the backward pass by the chain rule, each gradient the product of the one after it
 * and a local derivative:
 *
 *   ∂E/∂y = −t/y + (1 − t)/(1 − y),  ∂y/∂z = y(1 − y),  ∂E/∂z = ∂E/∂y · ∂y/∂z = y − t,
 *   ∂E/∂b = ∂E/∂z,  ∂E/∂p_k = ∂E/∂z,  ∂E/∂w_k = ∂E/∂p_k · x_k,  ∂E/∂x_k = ∂E/∂p_k · w_k.
 *
 * Plain numbers (no tensor): the diagram writes them on the edges of the graph.
 */
import * as tf from "../tf";
import { InvalidDiagramInputError } from "./diagram-errors";
import { describeValue } from "./layer-sizes";

/** One object and the parameters of the logistic regression, as numbers or as the trained tensors. */
export interface LogisticGraphInput {
  /** The object's attributes x_k (e.g. its colours). */
  x: readonly number[];
  /** Its class: 1 galaxy, 0 star. */
  t: number;
  /** The weights w_k, one per attribute (a list, or the trained `w` tensor). */
  weights: readonly number[] | tf.Tensor1D;
  /** The bias b (a number, or the trained `b` tensor). */
  bias: number | tf.Scalar;
}

/** Forward values and backward gradients of the graph for one object. */
export interface LogisticGraphValues {
  x: number[];
  t: number;
  weights: number[];
  bias: number;
  /** p_k = w_k x_k. */
  products: number[];
  z: number;
  y: number;
  /** The cross-entropy E of this object. */
  loss: number;
  dLossDy: number;
  dyDz: number;
  dLossDz: number;
  dLossDWeights: number[];
  dLossDBias: number;
  dLossDx: number[];
}

/**
 * Computes the forward values and backward gradients of the logistic regression's graph for one object.
 *
 * @example
 * logisticGraphValues({ x: [0.4, 1.2], t: 1, weights: [0.8, -0.5], bias: 0.1 }).dLossDWeights;
 *
 * @param input The object, its class and the parameters (tensors are read, not disposed).
 * @throws {InvalidDiagramInputError} For non-finite numbers, t outside [0, 1], or as many weights as attributes not matching.
 */
export function logisticGraphValues(input: LogisticGraphInput): LogisticGraphValues {
  const x = finiteList(input?.x, "x (os atributos do objeto)");
  const weights = finiteList(input.weights instanceof tf.Tensor ? tensorValues(input.weights, 1, "weights") : input.weights, "weights (os pesos w)");
  const bias = input.bias instanceof tf.Tensor ? (tensorValues(input.bias, 0, "bias")[0] as number) : input.bias;
  if (typeof bias !== "number" || !Number.isFinite(bias)) {
    throw new InvalidDiagramInputError(`logisticGraphValues: o viés b deve ser um número finito; chegou ${describeValue(bias)}.`);
  }
  if (x.length !== weights.length) {
    throw new InvalidDiagramInputError(
      `logisticGraphValues: o objeto tem ${x.length} atributos e há ${weights.length} pesos; é preciso um peso por atributo. ` +
        `Confira se x é uma linha da tabela de atributos usada no treino.`,
    );
  }
  const t = input.t;
  if (typeof t !== "number" || !(t >= 0 && t <= 1)) {
    throw new InvalidDiagramInputError(`logisticGraphValues: a classe t deve ser 0 (estrela) ou 1 (galáxia); chegou ${describeValue(t)}.`);
  }
  const products = x.map((value, k) => value * (weights[k] as number));
  const z = products.reduce((sum, product) => sum + product, bias);
  const y = 1 / (1 + Math.exp(-z));
  const loss = -(t * Math.log(y) + (1 - t) * Math.log(1 - y));
  const dLossDy = -t / y + (1 - t) / (1 - y);
  const dyDz = y * (1 - y);
  // The product ∂E/∂y · ∂y/∂z simplifies to y − t, which stays finite when y rounds to 0 or 1
  // (|z| > ~37), where ∂E/∂y is infinite and ∂y/∂z is 0.
  const dLossDz = y - t;
  return {
    x,
    t,
    weights,
    bias,
    products,
    z,
    y,
    loss,
    dLossDy,
    dyDz,
    dLossDz,
    dLossDWeights: x.map((value) => dLossDz * value),
    dLossDBias: dLossDz,
    dLossDx: weights.map((weight) => dLossDz * weight),
  };
}

function tensorValues(tensor: tf.Tensor, rank: number, what: string): number[] {
  if (tensor.rank !== rank) {
    throw new InvalidDiagramInputError(
      `logisticGraphValues: ${what} deve ser um tensor de posto ${rank}; chegou forma [${tensor.shape.join(", ")}]. ` +
        `Passe params.w e params.b de trainLogisticRegression.`,
    );
  }
  return Array.from(tensor.dataSync());
}

function finiteList(values: unknown, what: string): number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidDiagramInputError(`logisticGraphValues: esperava ${what} como uma lista não vazia de números; chegou ${describeValue(values)}.`);
  }
  const bad = values.findIndex((value) => typeof value !== "number" || !Number.isFinite(value));
  if (bad >= 0) {
    throw new InvalidDiagramInputError(
      `logisticGraphValues: ${what} tem um valor que não é um número finito na posição ${bad}: ${describeValue(values[bad])}. ` +
        `Confira os dados (NaN costuma vir de um valor faltante).`,
    );
  }
  return values as number[];
}
