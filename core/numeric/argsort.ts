import { startOffsets } from './sort.js';
const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;
/** 64 bits in 11-bit digits: bits 0–10, 11–21, 22–32, 33–43, 44–54, 55–63 (as in sort.ts). */
const PASSES = 6;
/** Below this a comparison sort is cheaper than six 2048-bucket histograms. */
const SMALL = 1024;
/** Word order of a double seen as two 32-bit words: low word first on little-endian machines. */
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/**
 * The indices of `values` in ascending (or descending) order of value, ties in index order (a stable
 * sort); `values` is left as it is. Rankings that are walked once per bootstrap resample are built
 * once with this. NaN (any sign or payload) sorts after +∞ ascending, so first descending; −0 just before +0. LSD radix
 * sort on the IEEE-754 bits, as `sortFloat64`, moving each key with its index: a million doubles
 * take tens of milliseconds, against half a second for a comparator sort.
 */
export function argsort(values: Float64Array, order: 'ascending' | 'descending' = 'ascending'): Int32Array {
  const n = values.length;
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  if (n < SMALL) return smallArgsort(values, indices, order);

  // Keys whose unsigned order is the numbers' order: flip the sign bit of positives and every bit of
  // negatives; complementing the whole key then reverses it.
  const flip = order === 'descending' ? 0xffffffff : 0;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let los = new Uint32Array(n);
  let his = new Uint32Array(n);
  const counts = new Uint32Array(PASSES * RADIX);
  for (let i = 0; i < n; i++) {
    let lo = words[2 * i + LO]!;
    let hi = words[2 * i + HI]!;
    const magnitude = hi & 0x7fffffff;
    if (magnitude > 0x7ff00000 || (magnitude === 0x7ff00000 && lo !== 0)) {
      // Every NaN, whatever its sign and payload, as the one positive quiet NaN: all sort together.
      lo = 0;
      hi = 0x7ff80000;
    }
    if (hi & 0x80000000) {
      lo = ~lo;
      hi = ~hi;
    } else {
      hi = hi | 0x80000000;
    }
    lo = (lo ^ flip) >>> 0;
    hi = (hi ^ flip) >>> 0;
    los[i] = lo;
    his[i] = hi;
    counts[lo & MASK]!++;
    counts[RADIX + ((lo >>> 11) & MASK)]!++;
    counts[2 * RADIX + ((lo >>> 22) | ((hi & 1) << 10))]!++;
    counts[3 * RADIX + ((hi >>> 1) & MASK)]!++;
    counts[4 * RADIX + ((hi >>> 12) & MASK)]!++;
    counts[5 * RADIX + (hi >>> 23)]!++;
  }

  let sourceIndices = indices;
  let targetIndices = new Int32Array(n);
  let targetLos = new Uint32Array(n);
  let targetHis = new Uint32Array(n);
  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < PASSES; pass++) {
    if (!startOffsets(counts, pass, n, offsets)) continue;
    for (let i = 0; i < n; i++) {
      const lo = los[i]!;
      const hi = his[i]!;
      const at = offsets[digit(pass, lo, hi)]!++;
      targetLos[at] = lo;
      targetHis[at] = hi;
      targetIndices[at] = sourceIndices[i]!;
    }
    [los, targetLos] = [targetLos, los];
    [his, targetHis] = [targetHis, his];
    [sourceIndices, targetIndices] = [targetIndices, sourceIndices];
  }
  return sourceIndices;
}

function digit(pass: number, lo: number, hi: number): number {
  switch (pass) {
    case 0:
      return lo & MASK;
    case 1:
      return (lo >>> 11) & MASK;
    case 2:
      // The digit straddling the two words: bits 22–31 of the low word and bit 0 of the high word.
      return (lo >>> 22) | ((hi & 1) << 10);
    case 3:
      return (hi >>> 1) & MASK;
    case 4:
      return (hi >>> 12) & MASK;
    default:
      return hi >>> 23;
  }
}

function smallArgsort(
  values: Float64Array,
  indices: Int32Array,
  order: 'ascending' | 'descending',
): Int32Array {
  const sign = order === 'descending' ? -1 : 1;
  return indices.sort((a, b) => sign * compareDoubles(values[a]!, values[b]!) || a - b);
}

/** The radix keys' order: −0 before +0, NaN after +∞. */
function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return (Object.is(b, -0) ? 1 : 0) - (Object.is(a, -0) ? 1 : 0);
  return (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0);
}
