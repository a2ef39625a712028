import { activationValue } from "../activations/activation-functions";
import type { DenseLayerWeights } from "../mlp/dense-layer";
import { InvalidApproximationError } from "./universality-errors";

/**
 * A network with one input, one hidden layer of sigmoid neurons and one linear output:
 * y(x) = b_out + Σ_j v_j σ(w_j x + b_j) — the network of the universality theorem.
 */
export interface OneHiddenLayerNet {
  hiddenWeights: number[];
  hiddenBiases: number[];
  outputWeights: number[];
  outputBias: number;
}

/**
 * Checks that the three lists of a {@link OneHiddenLayerNet} are non-empty, as long as each
 * other and finite.
 *
 * @throws {InvalidApproximationError} Otherwise.
 */
function assertOneHiddenLayerNet(net: OneHiddenLayerNet): void {
  const n = net.hiddenWeights.length;
  if (n === 0 || net.hiddenBiases.length !== n || net.outputWeights.length !== n) {
    throw new InvalidApproximationError(
      `A camada oculta precisa de pelo menos um neurônio e de listas do mesmo tamanho: chegaram ` +
        `${net.hiddenWeights.length} pesos, ${net.hiddenBiases.length} vieses e ${net.outputWeights.length} pesos de saída.`,
    );
  }
  const all = [...net.hiddenWeights, ...net.hiddenBiases, ...net.outputWeights, net.outputBias];
  if (all.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new InvalidApproximationError("A rede tem um peso ou viés que não é um número finito (NaN ou infinito).");
  }
}

/**
 * The output of the network at each x, computed by hand (plain numbers).
 *
 * @throws {InvalidApproximationError} For a malformed net or a NaN x.
 */
export function evaluateOneHiddenLayer(net: OneHiddenLayerNet, xs: readonly number[]): number[] {
  assertOneHiddenLayerNet(net);
  if (xs.some((x) => typeof x !== "number" || Number.isNaN(x))) {
    throw new InvalidApproximationError("Os pontos x devem ser números (chegou NaN ou outro tipo).");
  }
  return xs.map((x) =>
    net.hiddenWeights.reduce(
      (sum, w, j) => sum + (net.outputWeights[j] ?? 0) * activationValue("sigmoid", w * x + (net.hiddenBiases[j] ?? 0)),
      net.outputBias,
    ),
  );
}

/** The same network as two dense layers, e.g. for `mlpFromWeights` or `mlpForward`. */
export function oneHiddenLayerAsDenseLayers(net: OneHiddenLayerNet): DenseLayerWeights[] {
  assertOneHiddenLayerNet(net);
  return [
    { kernel: [[...net.hiddenWeights]], bias: [...net.hiddenBiases], activation: "sigmoid" },
    { kernel: net.outputWeights.map((v) => [v]), bias: [net.outputBias], activation: "linear" },
  ];
}

/**
 * Where a sigmoid neuron σ(w·x + b) steps: at s = −b/w, the x where w·x + b = 0. With a
 * large |w| the sigmoid is almost a step function there (Nielsen, chapter 4).
 *
 * @throws {InvalidApproximationError} For w = 0 (no step) or non-finite numbers.
 */
export function stepPosition(weight: number, bias: number): number {
  if (!Number.isFinite(weight) || !Number.isFinite(bias) || weight === 0) {
    throw new InvalidApproximationError(
      `Para haver degrau, o peso deve ser um número finito diferente de zero e o viés finito; chegou w = ${weight}, b = ${bias}.`,
    );
  }
  return -bias / weight;
}
