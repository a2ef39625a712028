/**
 * Nielsen's universality in two dimensions (Nielsen, "Neural Networks and Deep Learning",
 * chapter 4, "Many input variables"): a tower over the rectangle [x₁, x₂] × [y₁, y₂] is built
 * from two pairs of steps, sigmoid neurons in x and in y:
 *
 *   s(x) = σ(w(x − x₁)) − σ(w(x − x₂)) + σ(w(y − y₁)) − σ(w(y − y₂))   (2 inside, 1 on a band, 0 outside)
 *   tower(x, y) = σ(k (s − 3/2))                                          (≈ 1 inside, ≈ 0 elsewhere)
 *
 * and the network's output is Σ height · tower: enough towers draw any function of (x, y).
 * Each tower costs four neurons in the first hidden layer and one in the second.
 */
import { activationValue } from "../activations/activation-functions";
import type { DenseLayerWeights } from "../mlp/dense-layer";
import { InvalidApproximationError } from "./universality-errors";

/** A tower: the rectangle [x₁, x₂] × [y₁, y₂] it stands on and its height. */
export interface Tower {
  x: readonly [number, number];
  y: readonly [number, number];
  height: number;
}

/** How sharp the steps are. */
export interface TowerSteepness {
  /** w of the step neurons σ(w(x − s)) (default 60: almost a step on an interval of length 1). */
  step?: number;
  /** k of the tower neuron σ(k(s − 3/2)) (default 20). */
  tower?: number;
}

const DEFAULT_STEP_STEEPNESS = 60;
const DEFAULT_TOWER_STEEPNESS = 20;

/**
 * Checks the towers and the steepness; returns the steepness with its defaults.
 *
 * @throws {InvalidApproximationError} For no tower, an empty or reversed interval, a non-finite height or a steepness ≤ 0.
 */
export function checkTowers(towers: readonly Tower[], steepness: TowerSteepness = {}): Required<TowerSteepness> {
  if (!Array.isArray(towers) || towers.length === 0) {
    throw new InvalidApproximationError("Esperava pelo menos uma torre, como { x: [0.3, 0.5], y: [0.4, 0.6], height: 1 }.");
  }
  towers.forEach((tower, index) => {
    for (const axis of ["x", "y"] as const) {
      const interval = tower?.[axis];
      if (!Array.isArray(interval) || interval.length !== 2 || !interval.every(Number.isFinite) || !(interval[0] < interval[1])) {
        throw new InvalidApproximationError(
          `A torre ${index} deve ter ${axis}: [início, fim] com início < fim, números finitos; chegou ${JSON.stringify(interval)}.`,
        );
      }
    }
    if (typeof tower.height !== "number" || !Number.isFinite(tower.height)) {
      throw new InvalidApproximationError(`A altura da torre ${index} deve ser um número finito; chegou ${String(tower.height)}.`);
    }
  });
  const step = steepness.step ?? DEFAULT_STEP_STEEPNESS;
  const tower = steepness.tower ?? DEFAULT_TOWER_STEEPNESS;
  for (const [name, value] of [["step", step], ["tower", tower]] as const) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new InvalidApproximationError(`A inclinação ${name} deve ser um número positivo, como 60; chegou ${String(value)}.`);
    }
  }
  return { step, tower };
}

/**
 * The network's output at (x, y), computed by hand: Σ height · σ(k (s − 3/2)).
 *
 * @throws {InvalidApproximationError} For bad towers or steepness, or a non-finite point.
 */
export function towerNetworkOutput(towers: readonly Tower[], x: number, y: number, steepness: TowerSteepness = {}): number {
  const { step: w, tower: k } = checkTowers(towers, steepness);
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new InvalidApproximationError(`O ponto (x, y) deve ter coordenadas finitas; chegou (${x}, ${y}).`);
  }
  return unsafeTowerOutput(towers, x, y, w, k);
}

/** {@link towerNetworkOutput} without the checks, for grids already checked. */
export function unsafeTowerOutput(towers: readonly Tower[], x: number, y: number, w: number, k: number): number {
  const sigmoid = (z: number) => activationValue("sigmoid", z);
  return towers.reduce((sum, tower) => {
    const s =
      sigmoid(w * (x - tower.x[0])) - sigmoid(w * (x - tower.x[1])) + sigmoid(w * (y - tower.y[0])) - sigmoid(w * (y - tower.y[1]));
    return sum + tower.height * sigmoid(k * (s - 1.5));
  }, 0);
}

/**
 * The same network as three dense layers (inputs [x, y]): 4 step neurons per tower, one
 * tower neuron per tower, a linear output; e.g. for `mlpForward` or `mlpFromWeights`.
 *
 * @throws {InvalidApproximationError} For bad towers or steepness.
 */
export function towerNetworkAsDenseLayers(towers: readonly Tower[], steepness: TowerSteepness = {}): DenseLayerWeights[] {
  const { step: w, tower: k } = checkTowers(towers, steepness);
  const n = towers.length;
  // Step neurons of tower i: columns 4i…4i+3 = x₁, x₂, y₁, y₂; σ(w·input − w·s).
  const stepKernel = [Array<number>(4 * n).fill(0), Array<number>(4 * n).fill(0)];
  const stepBias: number[] = [];
  towers.forEach((tower, i) => {
    [tower.x[0], tower.x[1], tower.y[0], tower.y[1]].forEach((position, j) => {
      stepKernel[j < 2 ? 0 : 1]![4 * i + j] = w;
      stepBias.push(-w * position);
    });
  });
  const towerKernel = Array.from({ length: 4 * n }, (_, row) =>
    Array.from({ length: n }, (_, i) => (Math.floor(row / 4) === i ? (row % 2 === 0 ? k : -k) : 0)),
  );
  return [
    { kernel: stepKernel, bias: stepBias, activation: "sigmoid" },
    { kernel: towerKernel, bias: Array<number>(n).fill(-1.5 * k), activation: "sigmoid" },
    { kernel: towers.map((tower) => [tower.height]), bias: [0], activation: "linear" },
  ];
}
