/**
 * One training step of a planned model (./training-plan.ts) as a single TensorFlow function:
 * forward pass, loss and metrics, the gradient of every trained weight (written out layer by
 * layer, each the same formula tfjs's own gradients use) and the optimizer's update.
 *
 * Inputs, in order: x, the targets, one dropout multiplier per dropout layer (drawn by tfjs's
 * own random generator in ./compiled-train-function.ts, so a seeded model draws the same
 * masks), every weight of the planned layers, then the optimizer's state (Adam: β₁ᵗ, β₂ᵗ,
 * and the two moments of each trained weight).
 * Outputs, in order: the loss, the metrics, the new value of each trained weight, then the
 * new optimizer state in the same order as its inputs.
 */
import { GraphFunction, type GraphTensor } from "./function-def";
import { GraphOps } from "./graph-ops";
import type { Activation, PlannedLayer, PlannedWeight, TrainingPlan } from "./training-plan";

interface ForwardRecord {
  readonly layer: PlannedLayer;
  readonly input: GraphTensor;
  readonly output: GraphTensor;
  /** The dropout multiplier, or the layer's weights as edges. */
  readonly mask?: GraphTensor;
  readonly kernel?: GraphTensor;
}

function activate(ops: GraphOps, x: GraphTensor, activation: Activation): GraphTensor {
  switch (activation) {
    case "linear":
      return x;
    case "relu":
      return ops.relu(x);
    case "sigmoid":
      return ops.sigmoid(x);
    case "tanh":
      return ops.tanh(x);
    case "softmax":
      return ops.softmax(x);
  }
}

/** The gradient with respect to an activation's input, from its output `y` and `dy`. */
function activationGradient(ops: GraphOps, dy: GraphTensor, y: GraphTensor, activation: Activation): GraphTensor {
  switch (activation) {
    case "linear":
      return dy;
    case "relu":
      return ops.reluGrad(dy, y);
    case "sigmoid":
      return ops.sigmoidGrad(y, dy);
    case "tanh":
      return ops.tanhGrad(y, dy);
    case "softmax": {
      // tfjs: dx = dy·y − y·Σ(dy·y) over the last axis.
      const dyTimesY = ops.mul(dy, y);
      return ops.sub(dyTimesY, ops.mul(ops.sum(dyTimesY, [-1], true), y));
    }
  }
}

interface LossResult {
  readonly loss: GraphTensor;
  /** ∂loss/∂(model output). */
  readonly gradient: GraphTensor;
}

/** tfjs-layers' losses (src/losses.ts), forward and backward, averaged over the batch. */
function lossAndGradient(ops: GraphOps, plan: TrainingPlan, output: GraphTensor, target: GraphTensor): LossResult {
  const epsilon = ops.scalar(plan.epsilon);
  const oneMinusEpsilon = ops.scalar(1 - plan.epsilon);
  switch (plan.loss) {
    case "categoricalCrossentropy": {
      // q = p / Σp; loss = mean over the batch of −Σ t·log(clip(q, ε, 1−ε)).
      const total = ops.sum(output, [-1], true);
      const normalized = ops.div(output, total);
      const clipped = ops.clip(normalized, epsilon, oneMinusEpsilon);
      const perSample = ops.neg(ops.sum(ops.mul(target, ops.log(clipped)), [-1]));
      const loss = ops.mean(perSample, [0]);
      const batch = ops.sizeAsFloat(perSample);
      const dClipped = ops.div(ops.div(ops.neg(target), batch), clipped);
      const dNormalized = ops.mul(dClipped, ops.withinAsFloat(normalized, epsilon, oneMinusEpsilon));
      // Through q = p / Σp: ∂/∂p = (dq − Σ dq·q) / Σp.
      const gradient = ops.div(ops.sub(dNormalized, ops.sum(ops.mul(dNormalized, normalized), [-1], true)), total);
      return { loss, gradient };
    }
    case "binaryCrossentropy": {
      // c = clip(p, ε, 1−ε); l = log(c / (1−c)); per element relu(l) − l·t + log1p(exp(−|l|)).
      const one = ops.scalar(1);
      const clipped = ops.clip(output, epsilon, oneMinusEpsilon);
      const logit = ops.log(ops.div(clipped, ops.sub(one, clipped)));
      const decay = ops.exp(ops.neg(ops.abs(logit)));
      const perElement = ops.add(ops.sub(ops.relu(logit), ops.mul(logit, target)), ops.log1p(decay));
      const loss = ops.mean(ops.mean(perElement, [-1]), [0]);
      const count = ops.sizeAsFloat(perElement);
      const positive = ops.greaterAsFloat(logit, ops.scalar(0));
      // tfjs differentiates |l| as +1 where l > 0, else −1.
      const sign = ops.sub(ops.mul(positive, ops.scalar(2)), one);
      const dLogitSum = ops.sub(ops.sub(positive, target), ops.div(ops.mul(sign, decay), ops.add(one, decay)));
      const dLogit = ops.div(dLogitSum, count);
      const dClipped = ops.div(dLogit, ops.mul(clipped, ops.sub(one, clipped)));
      return { loss, gradient: ops.mul(dClipped, ops.withinAsFloat(output, epsilon, oneMinusEpsilon)) };
    }
    case "meanSquaredError": {
      const difference = ops.sub(output, target);
      const loss = ops.mean(ops.mean(ops.square(difference), [-1]), [0]);
      const gradient = ops.div(ops.mul(difference, ops.scalar(2)), ops.sizeAsFloat(difference));
      return { loss, gradient };
    }
  }
}

function metric(ops: GraphOps, name: TrainingPlan["metrics"][number], output: GraphTensor, target: GraphTensor): GraphTensor {
  switch (name) {
    case "categoricalAccuracy":
      return ops.mean(ops.equalAsFloat(ops.argMax(target), ops.argMax(output), "int32"), [0]);
    case "binaryAccuracy":
      return ops.mean(ops.mean(ops.equalAsFloat(target, ops.greaterAsFloat(output, ops.scalar(0.5)), "float32"), [-1]), [0]);
    case "meanSquaredError":
      return ops.mean(ops.mean(ops.square(ops.sub(output, target)), [-1]), [0]);
    case "meanAbsoluteError":
      return ops.mean(ops.mean(ops.abs(ops.sub(output, target)), [-1]), [0]);
  }
}

function forwardLayer(ops: GraphOps, layer: PlannedLayer, input: GraphTensor, edgeOf: (weight: PlannedWeight) => GraphTensor, nextMask: () => GraphTensor): ForwardRecord {
  switch (layer.kind) {
    case "dense": {
      const kernel = edgeOf(layer.kernel);
      let z = ops.matMul(input, kernel);
      if (layer.bias !== null) z = ops.biasAdd(z, edgeOf(layer.bias));
      return { layer, input, kernel, output: activate(ops, z, layer.activation) };
    }
    case "conv2d": {
      const kernel = edgeOf(layer.kernel);
      let z = ops.conv2d(input, kernel, layer.strides, layer.padding);
      if (layer.bias !== null) z = ops.biasAdd(z, edgeOf(layer.bias));
      return { layer, input, kernel, output: activate(ops, z, layer.activation) };
    }
    case "maxPool":
      return { layer, input, output: ops.maxPool(input, layer.poolSize, layer.strides, layer.padding) };
    case "flatten":
      return { layer, input, output: ops.reshape(input, ops.ints([-1, layer.units])) };
    case "dropout": {
      const mask = nextMask();
      return { layer, input, mask, output: ops.mul(input, mask) };
    }
    case "activation":
      return { layer, input, output: activate(ops, input, layer.activation) };
  }
}

/**
 * Back through one layer: records the gradients of its trained weights and returns the
 * gradient with respect to its input (null when no earlier layer needs it).
 */
function backwardLayer(ops: GraphOps, record: ForwardRecord, dy: GraphTensor, needInputGradient: boolean, gradients: Map<PlannedWeight, GraphTensor>): GraphTensor | null {
  const layer = record.layer;
  switch (layer.kind) {
    case "dense": {
      const dz = activationGradient(ops, dy, record.output, layer.activation);
      if (layer.kernel.trainable) gradients.set(layer.kernel, ops.matMul(record.input, dz, true, false));
      if (layer.bias?.trainable) gradients.set(layer.bias, ops.biasAddGrad(dz));
      return needInputGradient && record.kernel !== undefined ? ops.matMul(dz, record.kernel, false, true) : null;
    }
    case "conv2d": {
      const dz = activationGradient(ops, dy, record.output, layer.activation);
      if (layer.kernel.trainable) gradients.set(layer.kernel, ops.conv2dBackpropFilter(record.input, ops.ints(layer.kernelShape), dz, layer.strides, layer.padding));
      if (layer.bias?.trainable) gradients.set(layer.bias, ops.biasAddGrad(dz));
      return needInputGradient && record.kernel !== undefined ? ops.conv2dBackpropInput(ops.shape(record.input), record.kernel, dz, layer.strides, layer.padding) : null;
    }
    case "maxPool":
      return needInputGradient ? ops.maxPoolGrad(record.input, record.output, dy, layer.poolSize, layer.strides, layer.padding) : null;
    case "flatten":
      return needInputGradient ? ops.reshape(dy, ops.shape(record.input)) : null;
    case "dropout":
      return needInputGradient && record.mask !== undefined ? ops.mul(dy, record.mask) : null;
    case "activation":
      return needInputGradient ? activationGradient(ops, dy, record.output, layer.activation) : null;
  }
}

/** The layout of a built function's inputs and outputs (./compiled-train-function.ts feeds it). */
export interface TrainingFunction {
  readonly graph: GraphFunction;
  readonly dropoutCount: number;
  readonly outputCount: number;
}

/** Builds the training step of `plan` as the function `name`. */
export function buildTrainingFunction(name: string, plan: TrainingPlan): TrainingFunction {
  const graph = new GraphFunction(name);
  const ops = new GraphOps(graph);
  const x = graph.input("x", "float32");
  const target = graph.input("alvo", "float32");
  const dropouts = plan.layers.filter((layer) => layer.kind === "dropout");
  const masks = dropouts.map((_, index) => graph.input(`mascara_${index}`, "float32"));
  const weightEdges = new Map<PlannedWeight, GraphTensor>(plan.weights.map((weight, index) => [weight, graph.input(`peso_${index}`, "float32")]));
  const edgeOf = (weight: PlannedWeight): GraphTensor => weightEdges.get(weight) as GraphTensor;

  let nextMaskIndex = 0;
  const records: ForwardRecord[] = [];
  let activation = x;
  for (const layer of plan.layers) {
    const record = forwardLayer(ops, layer, activation, edgeOf, () => masks[nextMaskIndex++] as GraphTensor);
    records.push(record);
    activation = record.output;
  }
  const { loss, gradient } = lossAndGradient(ops, plan, activation, target);
  graph.output("perda", "float32", loss);
  plan.metrics.forEach((name, index) => graph.output(`metrica_${index}`, "float32", metric(ops, name, activation, target)));

  // Backward, down to the first layer with a trained weight.
  const firstTrained = records.findIndex((record) => "kernel" in record.layer && (record.layer.kernel.trainable || record.layer.bias?.trainable === true));
  const gradients = new Map<PlannedWeight, GraphTensor>();
  let dy: GraphTensor | null = gradient;
  for (let index = records.length - 1; index >= Math.max(firstTrained, 0) && dy !== null; index--) {
    dy = backwardLayer(ops, records[index] as ForwardRecord, dy, index > firstTrained, gradients);
  }

  const trainedWeights = plan.trained.map((variable) => plan.weights.find((weight) => weight.variable === variable) as PlannedWeight);
  const optimizer = plan.optimizer;
  if (optimizer.kind === "sgd") {
    // tfjs: w ← (−lr)·g + w.
    const step = ops.scalar(-optimizer.learningRate);
    trainedWeights.forEach((weight, index) => {
      graph.output(`novo_peso_${index}`, "float32", ops.add(ops.mul(step, gradients.get(weight) as GraphTensor), edgeOf(weight)));
    });
  } else {
    const accBeta1 = graph.input("beta1_t", "float32");
    const accBeta2 = graph.input("beta2_t", "float32");
    const moments = trainedWeights.map((_, index) => ({ first: graph.input(`m_${index}`, "float32"), second: graph.input(`v_${index}`, "float32") }));
    const one = ops.scalar(1);
    const beta1 = ops.scalar(optimizer.beta1);
    const beta2 = ops.scalar(optimizer.beta2);
    const oneMinusBeta1 = ops.scalar(1 - optimizer.beta1);
    const oneMinusBeta2 = ops.scalar(1 - optimizer.beta2);
    const epsilon = ops.scalar(optimizer.epsilon);
    const negativeRate = ops.scalar(-optimizer.learningRate);
    const oneMinusAccBeta1 = ops.sub(one, accBeta1);
    const oneMinusAccBeta2 = ops.sub(one, accBeta2);
    const newMoments = trainedWeights.map((weight, index) => {
      // tfjs's AdamOptimizer.applyGradients, operation by operation.
      const g = gradients.get(weight) as GraphTensor;
      const moment = moments[index] as { first: GraphTensor; second: GraphTensor };
      const first = ops.add(ops.mul(moment.first, beta1), ops.mul(g, oneMinusBeta1));
      const second = ops.add(ops.mul(moment.second, beta2), ops.mul(ops.square(g), oneMinusBeta2));
      const firstHat = ops.div(first, oneMinusAccBeta1);
      const secondHat = ops.div(second, oneMinusAccBeta2);
      graph.output(`novo_peso_${index}`, "float32", ops.add(ops.mul(ops.div(firstHat, ops.add(ops.sqrt(secondHat), epsilon)), negativeRate), edgeOf(weight)));
      return { first, second };
    });
    newMoments.forEach(({ first, second }, index) => {
      graph.output(`novo_m_${index}`, "float32", first);
      graph.output(`novo_v_${index}`, "float32", second);
    });
    graph.output("novo_beta1_t", "float32", ops.mul(accBeta1, beta1));
    graph.output("novo_beta2_t", "float32", ops.mul(accBeta2, beta2));
  }
  return { graph, dropoutCount: dropouts.length, outputCount: graph.outputCount };
}
