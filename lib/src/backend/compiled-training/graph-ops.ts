/**
 * The TensorFlow ops a training function is made of, as typed helpers over `GraphFunction`
 * (./function-def.ts): each knows its op's attributes and output argument name (from
 * TensorFlow's op registry), so ./training-graph.ts reads like the mathematics it builds.
 */
import { GraphFunction, type GraphAttr, type GraphTensor } from "./function-def";

const FLOAT: Record<string, GraphAttr> = { T: { type: "float32" } };

export class GraphOps {
  constructor(readonly graph: GraphFunction) {}

  private unary(op: string, x: GraphTensor, outputArg = "y"): GraphTensor {
    return this.graph.node(op, [x], FLOAT, outputArg);
  }

  private binary(op: string, x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.graph.node(op, [x, y], FLOAT, "z");
  }

  scalar(value: number): GraphTensor {
    return this.graph.node("Const", [], { dtype: { type: "float32" }, value: { tensor: { dtype: "float32", shape: [], values: [value] } } }, "output");
  }

  ints(values: readonly number[]): GraphTensor {
    return this.graph.node("Const", [], { dtype: { type: "int32" }, value: { tensor: { dtype: "int32", shape: [values.length], values } } }, "output");
  }

  add(x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.binary("AddV2", x, y);
  }
  sub(x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.binary("Sub", x, y);
  }
  mul(x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.binary("Mul", x, y);
  }
  div(x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.binary("RealDiv", x, y);
  }
  neg(x: GraphTensor): GraphTensor {
    return this.unary("Neg", x);
  }
  square(x: GraphTensor): GraphTensor {
    return this.unary("Square", x);
  }
  sqrt(x: GraphTensor): GraphTensor {
    return this.unary("Sqrt", x);
  }
  log(x: GraphTensor): GraphTensor {
    return this.unary("Log", x);
  }
  log1p(x: GraphTensor): GraphTensor {
    return this.unary("Log1p", x);
  }
  exp(x: GraphTensor): GraphTensor {
    return this.unary("Exp", x);
  }
  abs(x: GraphTensor): GraphTensor {
    return this.unary("Abs", x);
  }
  relu(x: GraphTensor): GraphTensor {
    return this.unary("Relu", x, "activations");
  }
  sigmoid(x: GraphTensor): GraphTensor {
    return this.unary("Sigmoid", x);
  }
  tanh(x: GraphTensor): GraphTensor {
    return this.unary("Tanh", x);
  }
  softmax(x: GraphTensor): GraphTensor {
    return this.unary("Softmax", x, "softmax");
  }
  reluGrad(dy: GraphTensor, y: GraphTensor): GraphTensor {
    return this.graph.node("ReluGrad", [dy, y], FLOAT, "backprops");
  }
  sigmoidGrad(y: GraphTensor, dy: GraphTensor): GraphTensor {
    return this.graph.node("SigmoidGrad", [y, dy], FLOAT, "z");
  }
  tanhGrad(y: GraphTensor, dy: GraphTensor): GraphTensor {
    return this.graph.node("TanhGrad", [y, dy], FLOAT, "z");
  }

  /** 1.0 where the comparison holds, else 0.0. */
  greaterAsFloat(x: GraphTensor, y: GraphTensor): GraphTensor {
    return this.toFloat(this.graph.node("Greater", [x, y], FLOAT, "z"), "bool");
  }
  /** 1.0 where low ≤ x ≤ high, else 0.0 (the mask of `clipByValue`'s gradient in tfjs). */
  withinAsFloat(x: GraphTensor, low: GraphTensor, high: GraphTensor): GraphTensor {
    const above = this.graph.node("GreaterEqual", [x, low], FLOAT, "z");
    const below = this.graph.node("LessEqual", [x, high], FLOAT, "z");
    return this.toFloat(this.graph.node("LogicalAnd", [above, below], {}, "z"), "bool");
  }
  equalAsFloat(x: GraphTensor, y: GraphTensor, type: "float32" | "int32"): GraphTensor {
    return this.toFloat(this.graph.node("Equal", [x, y], { T: { type } }, "z"), "bool");
  }
  toFloat(x: GraphTensor, from: "bool" | "int32"): GraphTensor {
    return this.graph.node("Cast", [x], { SrcT: { type: from }, DstT: { type: "float32" } }, "y");
  }
  clip(x: GraphTensor, low: GraphTensor, high: GraphTensor): GraphTensor {
    return this.graph.node("ClipByValue", [x, low, high], FLOAT, "output");
  }

  private reduce(op: "Sum" | "Mean", x: GraphTensor, axes: readonly number[], keepDims: boolean): GraphTensor {
    return this.graph.node(op, [x, this.ints(axes)], { T: { type: "float32" }, Tidx: { type: "int32" }, keep_dims: { bool: keepDims } }, "output");
  }
  sum(x: GraphTensor, axes: readonly number[], keepDims = false): GraphTensor {
    return this.reduce("Sum", x, axes, keepDims);
  }
  mean(x: GraphTensor, axes: readonly number[], keepDims = false): GraphTensor {
    return this.reduce("Mean", x, axes, keepDims);
  }
  argMax(x: GraphTensor): GraphTensor {
    return this.graph.node("ArgMax", [x, this.graph.node("Const", [], { dtype: { type: "int32" }, value: { tensor: { dtype: "int32", shape: [], values: [-1] } } }, "output")], {
      T: { type: "float32" },
      Tidx: { type: "int32" },
      output_type: { type: "int32" },
    }, "output");
  }
  /** The number of elements of `x`, as a float32 scalar. */
  sizeAsFloat(x: GraphTensor): GraphTensor {
    return this.toFloat(this.graph.node("Size", [x], { T: { type: "float32" }, out_type: { type: "int32" } }, "output"), "int32");
  }
  shape(x: GraphTensor): GraphTensor {
    return this.graph.node("Shape", [x], { T: { type: "float32" }, out_type: { type: "int32" } }, "output");
  }
  reshape(x: GraphTensor, shape: GraphTensor): GraphTensor {
    return this.graph.node("Reshape", [x, shape], { T: { type: "float32" }, Tshape: { type: "int32" } }, "output");
  }

  matMul(a: GraphTensor, b: GraphTensor, transposeA = false, transposeB = false): GraphTensor {
    return this.graph.node("MatMul", [a, b], { T: { type: "float32" }, transpose_a: { bool: transposeA }, transpose_b: { bool: transposeB } }, "product");
  }
  biasAdd(x: GraphTensor, bias: GraphTensor): GraphTensor {
    return this.graph.node("BiasAdd", [x, bias], { T: { type: "float32" }, data_format: { string: "NHWC" } }, "output");
  }
  biasAddGrad(dy: GraphTensor): GraphTensor {
    return this.graph.node("BiasAddGrad", [dy], { T: { type: "float32" }, data_format: { string: "NHWC" } }, "output");
  }

  private convAttrs(strides: readonly [number, number], padding: string): Record<string, GraphAttr> {
    return {
      T: { type: "float32" },
      strides: { ints: [1, strides[0], strides[1], 1] },
      padding: { string: padding },
      data_format: { string: "NHWC" },
      dilations: { ints: [1, 1, 1, 1] },
    };
  }
  conv2d(x: GraphTensor, filter: GraphTensor, strides: readonly [number, number], padding: string): GraphTensor {
    return this.graph.node("Conv2D", [x, filter], this.convAttrs(strides, padding), "output");
  }
  conv2dBackpropInput(inputShape: GraphTensor, filter: GraphTensor, dy: GraphTensor, strides: readonly [number, number], padding: string): GraphTensor {
    return this.graph.node("Conv2DBackpropInput", [inputShape, filter, dy], this.convAttrs(strides, padding), "output");
  }
  conv2dBackpropFilter(x: GraphTensor, filterShape: GraphTensor, dy: GraphTensor, strides: readonly [number, number], padding: string): GraphTensor {
    return this.graph.node("Conv2DBackpropFilter", [x, filterShape, dy], this.convAttrs(strides, padding), "output");
  }

  private poolAttrs(size: readonly [number, number], strides: readonly [number, number], padding: string): Record<string, GraphAttr> {
    return {
      T: { type: "float32" },
      ksize: { ints: [1, size[0], size[1], 1] },
      strides: { ints: [1, strides[0], strides[1], 1] },
      padding: { string: padding },
      data_format: { string: "NHWC" },
    };
  }
  maxPool(x: GraphTensor, size: readonly [number, number], strides: readonly [number, number], padding: string): GraphTensor {
    return this.graph.node("MaxPool", [x], this.poolAttrs(size, strides, padding), "output");
  }
  maxPoolGrad(x: GraphTensor, y: GraphTensor, dy: GraphTensor, size: readonly [number, number], strides: readonly [number, number], padding: string): GraphTensor {
    return this.graph.node("MaxPoolGrad", [x, y, dy], this.poolAttrs(size, strides, padding), "output");
  }
}
