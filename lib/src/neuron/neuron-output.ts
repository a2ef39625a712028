/**
 * One artificial neuron, computed by hand: z = b + Σ w_i x_i, y = f(z).
 */
import { activationValue, assertActivationName, type ActivationName } from "../activations/activation-functions";
import { InvalidNeuronInputError } from "./neuron-errors";

/** A neuron: its weights w_i, its bias b (the lecture's w0) and its activation f. */
export interface Neuron {
  weights: readonly number[];
  bias: number;
  activation: ActivationName;
}

/** The neuron's weighted sum z and its output y = f(z). */
export interface NeuronOutput {
  z: number;
  y: number;
}

function assertFiniteList(values: unknown, what: string): asserts values is readonly number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidNeuronInputError(
      `Esperava ${what} como uma lista não vazia de números, mas chegou ${Array.isArray(values) ? "uma lista vazia" : typeof values}.`,
    );
  }
  const bad = values.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad >= 0) {
    throw new InvalidNeuronInputError(
      `Há um valor que não é um número finito em ${what}, na posição ${bad}: ${String(values[bad])}. ` +
        `Confira os dados (NaN costuma vir de um valor faltante).`,
    );
  }
}

/**
 * The output of one neuron for one input vector x:
 * `neuronOutput([1, 2], { weights: [0.5, -0.25], bias: 0.1, activation: "sigmoid" })`.
 *
 * @throws {InvalidNeuronInputError} For empty lists, NaN/infinite values or as many weights
 *   as inputs not matching.
 * @throws {UnknownActivationError} For an unknown activation.
 */
export function neuronOutput(inputs: readonly number[], neuron: Neuron): NeuronOutput {
  assertFiniteList(inputs, "as entradas x");
  assertFiniteList(neuron.weights, "os pesos w");
  assertActivationName(neuron.activation);
  if (inputs.length !== neuron.weights.length) {
    throw new InvalidNeuronInputError(
      `O neurônio tem ${neuron.weights.length} pesos, mas chegaram ${inputs.length} entradas: ` +
        `é preciso um peso por entrada.`,
    );
  }
  if (typeof neuron.bias !== "number" || !Number.isFinite(neuron.bias)) {
    throw new InvalidNeuronInputError(`O viés b deve ser um número finito; chegou ${String(neuron.bias)}.`);
  }
  const z = inputs.reduce((sum, x, i) => sum + x * (neuron.weights[i] ?? 0), neuron.bias);
  return { z, y: activationValue(neuron.activation, z) };
}
