/**
 * The four activation functions of the lecture — sigmoid, hyperbolic tangent, ReLU and
 * linear — and their analytic derivatives, for plain numbers and for tensors.
 *
 * Formulas (lecture, "funções de ativação"):
 * - sigmoid σ(z) = 1 / (1 + e^(−z)),  σ'(z) = σ(z) (1 − σ(z));
 * - tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)),  tanh'(z) = 1 − tanh²(z);
 * - ReLU(z) = max(0, z),  ReLU'(z) = 1 for z > 0 and 0 otherwise (0 at z = 0, as tf.grad);
 * - linear(z) = z,  linear'(z) = 1.
 */
import * as tf from "../tf";
import { InvalidActivationInputError, UnknownActivationError } from "./activation-errors";

/** The activation names, in the lecture's order plus `linear`. */
export const ACTIVATION_NAMES = ["sigmoid", "tanh", "relu", "linear"] as const;

/** One of {@link ACTIVATION_NAMES}. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** How each activation is called in the course text. */
export const ACTIVATION_LABELS: Readonly<Record<ActivationName, string>> = {
  sigmoid: "sigmoide",
  tanh: "tangente hiperbólica",
  relu: "ReLU",
  linear: "linear",
};

/**
 * Checks an activation name.
 *
 * @throws {UnknownActivationError} For a name outside {@link ACTIVATION_NAMES}.
 */
export function assertActivationName(name: unknown): asserts name is ActivationName {
  if (typeof name !== "string" || !(ACTIVATION_NAMES as readonly string[]).includes(name)) {
    throw new UnknownActivationError(
      `Função de ativação desconhecida: ${JSON.stringify(name)}. ` +
        `Use uma de ${ACTIVATION_NAMES.map((n) => `"${n}"`).join(", ")}.`,
    );
  }
}

function assertNumber(z: unknown): asserts z is number {
  if (typeof z !== "number" || Number.isNaN(z)) {
    throw new InvalidActivationInputError(
      `A ativação recebe um número (z = w0 + w1·x), mas chegou ${typeof z === "number" ? "NaN" : typeof z}. ` +
        `Confira se os pesos e as entradas são números (NaN costuma vir de uma divisão 0/0 ou de um dado faltante).`,
    );
  }
}

/** σ(z) without overflow for large |z|. */
function sigmoidNumber(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The activation of one number, e.g. `activationValue("sigmoid", 0)` → 0.5.
 *
 * @throws {UnknownActivationError} For an unknown name.
 * @throws {InvalidActivationInputError} When `z` is NaN or not a number.
 */
export function activationValue(name: ActivationName, z: number): number {
  assertActivationName(name);
  assertNumber(z);
  switch (name) {
    case "sigmoid":
      return sigmoidNumber(z);
    case "tanh":
      return Math.tanh(z);
    case "relu":
      return Math.max(0, z);
    case "linear":
      return z;
  }
}

/**
 * The analytic derivative of the activation at one number, e.g.
 * `activationDerivativeValue("sigmoid", 0)` → 0.25.
 *
 * @throws {UnknownActivationError} For an unknown name.
 * @throws {InvalidActivationInputError} When `z` is NaN or not a number.
 */
export function activationDerivativeValue(name: ActivationName, z: number): number {
  assertActivationName(name);
  assertNumber(z);
  switch (name) {
    case "sigmoid": {
      const s = sigmoidNumber(z);
      return s * (1 - s);
    }
    case "tanh": {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case "relu":
      return z > 0 ? 1 : 0;
    case "linear":
      return 1;
  }
}

/**
 * The activation applied element-wise to a tensor (a new tensor; `z` is kept).
 *
 * @throws {UnknownActivationError} For an unknown name.
 */
export function applyActivation(name: ActivationName, z: tf.Tensor): tf.Tensor {
  assertActivationName(name);
  switch (name) {
    case "sigmoid":
      return tf.sigmoid(z);
    case "tanh":
      return tf.tanh(z);
    case "relu":
      return tf.relu(z);
    case "linear":
      return z.clone();
  }
}

/**
 * The analytic derivative of the activation, element-wise (a new tensor): the formulas of
 * this module's header, written with tensor operations — not with `tf.grad`, so the tests
 * can compare the two.
 *
 * @throws {UnknownActivationError} For an unknown name.
 */
export function applyActivationDerivative(name: ActivationName, z: tf.Tensor): tf.Tensor {
  assertActivationName(name);
  // tidy: the intermediate σ(z), tanh(z)… are freed, only the derivative stays.
  return tf.tidy(() => {
    switch (name) {
      case "sigmoid": {
        const s = tf.sigmoid(z);
        return s.mul(tf.scalar(1).sub(s));
      }
      case "tanh":
        return tf.scalar(1).sub(tf.tanh(z).square());
      case "relu":
        return tf.step(z, 0);
      case "linear":
        return tf.onesLike(z);
    }
  });
}
