import type { BootstrapPlanData } from '../../core/metrics/bootstrap/bootstrap-plan.js';

type TypedArray = Exclude<ArrayBufferView, DataView>;
type TypedArrayConstructor = new (buffer: SharedArrayBuffer) => TypedArray;

/**
 * The plan's data with every typed array copied once into a SharedArrayBuffer: posted to any number
 * of threads, the rankings (tens of megabytes for a million rows) are then shared, not copied again
 * for each. The plan only reads them; each thread's scratch is its own.
 */
export function sharePlanData(data: BootstrapPlanData): BootstrapPlanData {
  return share(data) as BootstrapPlanData;
}

function share(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const source = value as TypedArray;
    const Type = source.constructor as TypedArrayConstructor;
    const copy = new Type(new SharedArrayBuffer(source.byteLength));
    new Uint8Array(copy.buffer).set(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
    return copy;
  }
  if (Array.isArray(value)) return value.map(share);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, share(inner)]));
  }
  return value;
}
