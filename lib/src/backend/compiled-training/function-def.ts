/**
 * A TensorFlow `FunctionDef` (tensorflow/core/framework/function.proto) built node by node
 * and serialized for the binding's `addFunctionDef` (tools/setup/native-binding/). Once
 * registered, the function runs as one op through tfjs-node's `executeOp`, by its name.
 *
 * Inside a function an edge is named `node:output_arg:index` (the op's output argument
 * name, from TensorFlow's op registry) or, for the function's own inputs, the argument name.
 */
import { ProtoMessage } from "./protobuf-writer";

/** TensorFlow's `DataType` enum values for the types the course's functions use. */
const DATA_TYPES = { float32: 1, int32: 3, bool: 10 } as const;
export type GraphDataType = keyof typeof DATA_TYPES;

/** An attribute value of a node (`AttrValue`). */
export type GraphAttr =
  | { readonly type: GraphDataType }
  | { readonly int: number }
  | { readonly float: number }
  | { readonly bool: boolean }
  | { readonly string: string }
  | { readonly ints: readonly number[] }
  | { readonly strings: readonly string[] }
  | { readonly tensor: { readonly dtype: "float32" | "int32"; readonly shape: readonly number[]; readonly values: readonly number[] } };

/** An edge of the graph: a function input or one output of a node. */
export type GraphTensor = string & { readonly __graphTensor: unique symbol };

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function shapeProto(shape: readonly number[]): ProtoMessage {
  const proto = new ProtoMessage();
  for (const size of shape) proto.message(2, new ProtoMessage().int(1, size));
  return proto;
}

function attrProto(attr: GraphAttr): ProtoMessage {
  const proto = new ProtoMessage();
  if ("type" in attr) return proto.int(6, DATA_TYPES[attr.type]);
  if ("int" in attr) return proto.int(3, attr.int);
  if ("float" in attr) return proto.float(4, attr.float);
  if ("bool" in attr) return proto.int(5, attr.bool);
  if ("string" in attr) return proto.string(2, attr.string);
  if ("ints" in attr) return proto.message(1, new ProtoMessage().packedInts(3, attr.ints));
  if ("strings" in attr) {
    const list = new ProtoMessage();
    for (const value of attr.strings) list.string(2, value);
    return proto.message(1, list);
  }
  const tensor = new ProtoMessage().int(1, DATA_TYPES[attr.tensor.dtype]).message(2, shapeProto(attr.tensor.shape));
  if (attr.tensor.dtype === "float32") tensor.packedFloats(5, attr.tensor.values);
  else tensor.packedInts(7, attr.tensor.values);
  return proto.message(8, tensor);
}

function mapEntry(key: string, value: ProtoMessage | string): ProtoMessage {
  const entry = new ProtoMessage().string(1, key);
  return typeof value === "string" ? entry.string(2, value) : entry.message(2, value);
}

interface NodeRecord {
  readonly name: string;
  readonly op: string;
  readonly inputs: readonly GraphTensor[];
  readonly attrs: Readonly<Record<string, GraphAttr>>;
}

interface ArgRecord {
  readonly name: string;
  readonly dtype: GraphDataType;
}

/** A function under construction. */
export class GraphFunction {
  private readonly inputs: ArgRecord[] = [];
  private readonly outputs: Array<ArgRecord & { readonly tensor: GraphTensor }> = [];
  private readonly nodes: NodeRecord[] = [];
  private readonly functionAttrs: Record<string, GraphAttr> = {};

  constructor(readonly name: string) {
    if (!FUNCTION_NAME.test(name)) {
      throw new Error(`Nome de função do TensorFlow inválido: "${name}" (use letras, dígitos e _).`);
    }
  }

  /** Declares the next input of the function and returns it as an edge. */
  input(name: string, dtype: GraphDataType): GraphTensor {
    this.inputs.push({ name, dtype });
    return name as GraphTensor;
  }

  /** Adds a node and returns its first output (the op's output argument `outputArg`). */
  node(op: string, inputs: readonly GraphTensor[], attrs: Readonly<Record<string, GraphAttr>>, outputArg: string): GraphTensor {
    const name = `n${this.nodes.length}_${op.replace(/[^A-Za-z0-9]/g, "")}`;
    this.nodes.push({ name, op, inputs, attrs });
    return `${name}:${outputArg}:0` as GraphTensor;
  }

  /** Declares the next output of the function. */
  output(name: string, dtype: GraphDataType, tensor: GraphTensor): void {
    this.outputs.push({ name, dtype, tensor });
  }

  /** An attribute of the function itself (e.g. `_XlaMustCompile`). */
  attribute(name: string, value: GraphAttr): void {
    this.functionAttrs[name] = value;
  }

  get outputCount(): number {
    return this.outputs.length;
  }

  serialize(): Uint8Array {
    const signature = new ProtoMessage().string(1, this.name);
    for (const input of this.inputs) signature.message(2, new ProtoMessage().string(1, input.name).int(3, DATA_TYPES[input.dtype]));
    for (const output of this.outputs) signature.message(3, new ProtoMessage().string(1, output.name).int(3, DATA_TYPES[output.dtype]));
    const functionDef = new ProtoMessage().message(1, signature);
    for (const node of this.nodes) {
      const nodeDef = new ProtoMessage().string(1, node.name).string(2, node.op);
      for (const input of node.inputs) nodeDef.string(3, input);
      for (const [key, value] of Object.entries(node.attrs)) nodeDef.message(5, mapEntry(key, attrProto(value)));
      functionDef.message(3, nodeDef);
    }
    for (const output of this.outputs) functionDef.message(4, mapEntry(output.name, output.tensor));
    for (const [key, value] of Object.entries(this.functionAttrs)) functionDef.message(5, mapEntry(key, attrProto(value)));
    return functionDef.toBytes();
  }
}
