/**
 * A two-layer perceptron (one hidden layer) trained by back-propagation written by hand,
 * layer by layer (lecture: "MLP: back-propagation camada por camada"):
 *
 *   forward:   z1 = x W1 + b1,  h = f(z1),  z2 = h W2 + b2,  y = σ(z2)
 *   cost:      E = mean binary cross-entropy of y against t
 *   backward:  δ2 = dE/dz2 = (y − t) / N          (sigmoid + cross-entropy simplify)
 *              dE/dW2 = hᵀ δ2,   dE/db2 = Σ δ2     (adjust the last layer first)
 *              δ1 = (δ2 W2ᵀ) ⊙ f′(z1)             (propagate the error one layer back)
 *              dE/dW1 = xᵀ δ1,   dE/db1 = Σ δ1     (then adjust that layer)
 * with f′ = h(1 − h) for the sigmoid and 1 − h² for tanh.
 *
 * The network is the course's one parameter type for dense networks, a list of
 * `DenseLayerWeights` with tensor weights (mlp/dense-layer.ts), and its forward pass is
 * the course's one forward pass, `mlpForwardPass` (mlp/mlp-forward.ts).
 */
import * as tf from "../tf";
import type { HistoryRecord } from "../monitor/training-history";
import { layerSizesOf, type DenseLayerTensors } from "../mlp/dense-layer";
import { mlpForwardPass } from "../mlp/mlp-forward";
import { BCE_EPSILON } from "./logistic-regression";
import { recordEpoch } from "./record-epoch";
import { TrainingInputError } from "./training-errors";
import { checkTrainingData, disposeTrainingData, prepareTrainingData, toMatrix, toVector, type Matrix, type Targets } from "./training-input";

export type HiddenActivation = "sigmoid" | "tanh";

/** The gradients of the cost for the kernel and the bias of each layer, in the layers' order. */
export type DenseLayerGradients = { kernel: tf.Tensor2D; bias: tf.Tensor1D }[];

/**
 * Random initial weights (Glorot-normal, seeded) and zero biases: a hidden layer with the
 * given activation and one sigmoid output unit.
 *
 * @param sizes Number of inputs and of hidden neurons (integers ≥ 1), and the hidden
 *   activation (default "sigmoid").
 * @param seed Seed of the initializer: same seed, same weights.
 * @returns `[hidden, output]` (dispose with `tf.dispose(network)`).
 */
export function initTwoLayerMlp(
  sizes: { inputs: number; hidden: number; activation?: HiddenActivation },
  seed: number,
): DenseLayerTensors[] {
  const { inputs, hidden, activation = "sigmoid" } = sizes;
  for (const [name, value] of Object.entries({ inputs, hidden })) {
    if (!(Number.isInteger(value) && value >= 1)) {
      throw new TrainingInputError(`${name} deve ser um inteiro ≥ 1; recebi ${value}.`);
    }
  }
  checkHiddenActivation(activation);
  return [
    {
      kernel: tf.randomNormal([inputs, hidden], 0, Math.sqrt(2 / (inputs + hidden)), "float32", seed) as tf.Tensor2D,
      bias: tf.zeros([hidden]) as tf.Tensor1D,
      activation,
    },
    {
      kernel: tf.randomNormal([hidden, 1], 0, Math.sqrt(2 / (hidden + 1)), "float32", seed + 1) as tf.Tensor2D,
      bias: tf.zeros([1]) as tf.Tensor1D,
      activation: "sigmoid",
    },
  ];
}

function checkHiddenActivation(activation: string): asserts activation is HiddenActivation {
  if (activation !== "sigmoid" && activation !== "tanh") {
    throw new TrainingInputError(`Ativação oculta desconhecida "${String(activation)}"; use "sigmoid" ou "tanh".`);
  }
}

/**
 * Checks that `network` is what the hand-written backward pass knows: two dense layers
 * with tensor weights, a sigmoid or tanh hidden layer and one sigmoid output, taking
 * `x`'s columns.
 */
function checkTwoLayerNetwork(x: tf.Tensor2D, network: readonly DenseLayerTensors[]): HiddenActivation {
  const [hidden, output] = network;
  if (network.length !== 2 || hidden === undefined || output === undefined || Array.isArray(hidden.kernel) || Array.isArray(output.kernel)) {
    throw new TrainingInputError(
      `Esperava a rede de duas camadas de initTwoLayerMlp: [oculta, saída], com pesos em tensores; chegou uma lista de ${network.length} camadas.`,
    );
  }
  const sizes = layerSizesOf(network);
  if (sizes[0] !== x.shape[1]) {
    throw new TrainingInputError(
      `Formas incompatíveis: x tem ${x.shape[1]} atributos, mas a camada oculta espera ${sizes[0]} (kernel [${hidden.kernel.shape.join(", ")}]).`,
    );
  }
  if (sizes[2] !== 1 || output.activation !== "sigmoid") {
    throw new TrainingInputError(
      `A camada de saída deve ter 1 neurônio sigmoide (probabilidade da classe 1); chegaram ${sizes[2]} neurônios "${output.activation}".`,
    );
  }
  checkHiddenActivation(hidden.activation);
  return hidden.activation;
}

/** Mean binary cross-entropy of the network's output y [N, 1] against t [N]. */
export function mlpLoss(y: tf.Tensor2D, t: Targets): tf.Scalar {
  return tf.tidy(() => {
    const ts = toVector(t, "t");
    if (ts.shape[0] !== y.shape[0]) {
      throw new TrainingInputError(`y tem ${y.shape[0]} objetos, t tem ${ts.shape[0]}.`);
    }
    const yc = y.squeeze([1]).clipByValue(BCE_EPSILON, 1 - BCE_EPSILON);
    return ts.mul(yc.log()).add(tf.scalar(1).sub(ts).mul(tf.scalar(1).sub(yc).log())).mean().neg() as tf.Scalar;
  });
}

/**
 * Back-propagation by hand: gradients of the mean cross-entropy for every weight and
 * bias, from the last layer to the first.
 *
 * @param network `[hidden, output]`, e.g. from {@link initTwoLayerMlp}.
 * @returns `[hidden, output]` gradients (dispose with `tf.dispose(gradients)`).
 * @throws {TrainingInputError} For mismatched shapes, NaN, targets outside [0, 1], no data.
 */
export function mlpBackward(x: Matrix, t: Targets, network: readonly DenseLayerTensors[]): DenseLayerGradients {
  const xs = toMatrix(x, "x");
  const ts = toVector(t, "t");
  try {
    checkTrainingData(xs, ts);
    const activation = checkTwoLayerNetwork(xs, network);
    return unsafeBackward(xs, ts, network, activation);
  } finally {
    tf.dispose([xs, ts]);
  }
}

function unsafeBackward(x: tf.Tensor2D, t: tf.Tensor1D, network: readonly DenseLayerTensors[], activation: HiddenActivation): DenseLayerGradients {
  return tf.tidy(() => {
    const [h, y] = mlpForwardPass(x, network).activations as [tf.Tensor2D, tf.Tensor2D];
    const n = x.shape[0];
    // Output layer: for a sigmoid output and cross-entropy, dE/dz2 = (y − t)/N.
    const delta2 = y.sub(t.expandDims(1)).div(n) as tf.Tensor2D;
    const dw2 = h.transpose().matMul(delta2) as tf.Tensor2D;
    const db2 = delta2.sum(0) as tf.Tensor1D;
    // Hidden layer: the error comes back through W2, times the activation's derivative.
    const derivative = activation === "sigmoid" ? h.mul(tf.scalar(1).sub(h)) : tf.scalar(1).sub(h.square());
    const delta1 = delta2.matMul(network[1]!.kernel.transpose()).mul(derivative) as tf.Tensor2D;
    const dw1 = x.transpose().matMul(delta1) as tf.Tensor2D;
    const db1 = delta1.sum(0) as tf.Tensor1D;
    return [{ kernel: dw1, bias: db1 }, { kernel: dw2, bias: db2 }];
  });
}

export interface MlpTrainingOptions {
  learningRate: number;
  epochs: number;
  /** Held-out data for `val_loss` and `val_acc`. */
  validation?: { x: Matrix; t: Targets };
  onEpoch?: (epoch: number, logs: Record<string, number>) => void;
}

/**
 * Trains the two-layer network by batch gradient descent with {@link mlpBackward} (the
 * hidden activation is the network's own).
 *
 * @param initial Starting network (e.g. `initTwoLayerMlp(…, seed)`), not disposed.
 * @returns The trained network and the per-epoch `loss`, `acc` (and `val_…`).
 */
export function trainTwoLayerMlp(
  x: Matrix,
  t: Targets,
  initial: readonly DenseLayerTensors[],
  options: MlpTrainingOptions,
): { params: DenseLayerTensors[]; history: HistoryRecord } {
  const data = prepareTrainingData(x, t, options);
  const { x: xs, t: ts, validation } = data;
  let live: DenseLayerTensors[] | undefined;
  try {
    const activation = checkTwoLayerNetwork(xs, initial);
    let params: DenseLayerTensors[] = (live = tf.tidy(() => initial.map((layer) => ({ ...layer, kernel: layer.kernel.clone(), bias: layer.bias.clone() }))));
    const history: HistoryRecord = { epoch: [], logs: {} };
    const alpha = options.learningRate;
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const old = params;
      params = tf.tidy(() => {
        const gradients = unsafeBackward(xs, ts, old, activation);
        return old.map((layer, k) => ({
          ...layer,
          kernel: layer.kernel.sub(gradients[k]!.kernel.mul(alpha)) as tf.Tensor2D,
          bias: layer.bias.sub(gradients[k]!.bias.mul(alpha)) as tf.Tensor1D,
        }));
      });
      live = params;
      tf.dispose(old);
      const current = params;
      recordEpoch(history, epoch, { x: xs, t: ts }, validation, (inputs, targets) => {
        const y = mlpForwardPass(inputs, current).activations[1]!;
        return { loss: mlpLoss(y, targets), y: y.squeeze([1]) as tf.Tensor1D };
      }, options.onEpoch);
    }
    live = undefined; // handed to the caller
    return { params, history };
  } finally {
    disposeTrainingData(data);
    if (live) tf.dispose(live); // only when an error (e.g. in onEpoch) interrupted training
  }
}
