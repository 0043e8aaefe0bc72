/**
 * Just enough of Protocol Buffers' wire format to read and re-write an ONNX model's structure
 * without a generated schema: a message is a list of fields, each kept as the exact bytes it was
 * read from, so re-serialising a message that was not changed returns its bytes unchanged.
 */

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

export interface WireField {
  number: number;
  wire: number;
  /** varint: the value; fixed32/64: the raw little-endian bytes; bytes: the payload. */
  value: bigint | Uint8Array;
  /** The whole field, tag included, as it was read. */
  raw: Uint8Array;
}

/** Thrown for bytes that are not a well-formed message (not a protobuf file, or cut short). */
export class WireFormatError extends Error {}

export function readMessage(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    const [tag, afterTag] = readVarint(bytes, at);
    at = afterTag;
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (number === 0) throw new WireFormatError(`field number 0 at byte ${start}`);
    let value: bigint | Uint8Array;
    if (wire === WIRE.varint) {
      [value, at] = readVarint(bytes, at);
    } else if (wire === WIRE.bytes) {
      const [length, afterLength] = readVarint(bytes, at);
      const end = afterLength + Number(length);
      if (length > BigInt(bytes.length) || end > bytes.length)
        throw new WireFormatError(
          `a field at byte ${start} runs past the end (${end} > ${bytes.length} bytes)`,
        );
      value = bytes.subarray(afterLength, end);
      at = end;
    } else if (wire === WIRE.fixed32 || wire === WIRE.fixed64) {
      const end = at + (wire === WIRE.fixed32 ? 4 : 8);
      if (end > bytes.length) throw new WireFormatError(`a fixed-size field at byte ${start} is cut short`);
      value = bytes.subarray(at, end);
      at = end;
    } else {
      throw new WireFormatError(`unknown wire type ${wire} at byte ${start}`);
    }
    fields.push({ number, wire, value, raw: bytes.subarray(start, at) });
  }
  return fields;
}

function readVarint(bytes: Uint8Array, at: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i]!;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, i + 1];
    shift += 7n;
  }
  throw new WireFormatError(`a varint at byte ${at} is cut short or too long`);
}

/** The payload of a length-delimited field read as UTF-8 text. */
export function text(field: WireField): string {
  return field.value instanceof Uint8Array ? new TextDecoder().decode(field.value) : '';
}

/** The payload of a length-delimited field (a sub-message or bytes). */
export function payload(field: WireField): Uint8Array {
  if (!(field.value instanceof Uint8Array))
    throw new WireFormatError(`field ${field.number} is not a message`);
  return field.value;
}

/** A varint field as a signed 64-bit integer (int64 and int32 values are sign-extended on the wire). */
export function int64(field: WireField): bigint {
  return typeof field.value === 'bigint' ? BigInt.asIntN(64, field.value) : 0n;
}

/** Every value of a repeated int64 field, whether packed or not. */
export function int64s(fields: WireField[], number: number): bigint[] {
  const values: bigint[] = [];
  for (const field of fields) {
    if (field.number !== number) continue;
    if (typeof field.value === 'bigint') values.push(BigInt.asIntN(64, field.value));
    else {
      let at = 0;
      while (at < field.value.length) {
        const [value, next] = readVarint(field.value, at);
        values.push(BigInt.asIntN(64, value));
        at = next;
      }
    }
  }
  return values;
}

export function first(fields: WireField[], number: number): WireField | undefined {
  return fields.find((f) => f.number === number);
}

export function all(fields: WireField[], number: number): WireField[] {
  return fields.filter((f) => f.number === number);
}

// ---- writing ----

function varint(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = BigInt.asUintN(64, value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Uint8Array.from(out);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A length-delimited field: a sub-message, a string or bytes. */
export function bytesField(number: number, content: Uint8Array | string): Uint8Array {
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return concat([varint(BigInt((number << 3) | WIRE.bytes)), varint(BigInt(data.length)), data]);
}

export function varintField(number: number, value: bigint | number): Uint8Array {
  return concat([varint(BigInt((number << 3) | WIRE.varint)), varint(BigInt(value))]);
}
