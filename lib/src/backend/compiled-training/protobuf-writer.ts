/**
 * The few pieces of the protocol-buffer wire format needed to serialize a TensorFlow
 * `FunctionDef` (./function-def.ts): varints, length-delimited fields, packed lists and
 * 32-bit floats. Fields are written in the order they are given; nested messages are
 * serialized first and written as bytes.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_LENGTH_DELIMITED = 2;

const encoder = new TextEncoder();

/** Collects the bytes of one message. */
export class ProtoMessage {
  private readonly chunks: number[] = [];

  private varint(value: number | bigint): void {
    // Negative int64 values are written as their 64-bit two's complement (ten bytes).
    let remaining = BigInt.asUintN(64, BigInt(value));
    while (remaining >= 0x80n) {
      this.chunks.push(Number(remaining & 0x7fn) | 0x80);
      remaining >>= 7n;
    }
    this.chunks.push(Number(remaining));
  }

  private tag(field: number, wireType: number): void {
    this.varint((field << 3) | wireType);
  }

  /** An int64, int32, enum or bool field. */
  int(field: number, value: number | boolean): this {
    this.tag(field, WIRE_VARINT);
    this.varint(typeof value === "boolean" ? (value ? 1 : 0) : value);
    return this;
  }

  /** A 32-bit float field. */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    this.chunks.push(...bytes);
    return this;
  }

  /** A bytes field, or a nested message already serialized. */
  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(value.length);
    for (const byte of value) this.chunks.push(byte);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, encoder.encode(value));
  }

  message(field: number, value: ProtoMessage): this {
    return this.bytes(field, value.toBytes());
  }

  /** A packed repeated varint field (int64, int32, enum, bool). */
  packedInts(field: number, values: ReadonlyArray<number | boolean>): this {
    const packed = new ProtoMessage();
    for (const value of values) packed.varint(typeof value === "boolean" ? (value ? 1 : 0) : value);
    return this.bytes(field, packed.toBytes());
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: readonly number[]): this {
    return this.bytes(field, new Uint8Array(new Float32Array(values).buffer));
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
