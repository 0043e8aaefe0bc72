const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;
/** 64 bits in 11-bit digits: bits 0–10, 11–21, 22–32, 33–43, 44–54, 55–63. */
const PASSES = 6;
/** Below this the 6 × 2048 histogram costs more than it saves. */
const SMALL = 1024;
/** Word order of a double seen as two 32-bit words: low word first on little-endian machines. */
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

let scratch = new Uint32Array(0);

/**
 * The sorts' second buffer, shared by every sort on this thread: a drift run sorts dozens of columns
 * of the same length one after another, and a fresh buffer per sort is garbage the collector frees
 * late (typed arrays' memory lives outside the heap), which shows as peak memory.
 */
function scratchWords(length: number): Uint32Array {
  if (scratch.length < length) scratch = new Uint32Array(length);
  return scratch.subarray(0, length);
}

/**
 * Sorts finite (or infinite, never NaN) values ascending, in place, and returns the same array;
 * −0 sorts before +0, as in `Float64Array.prototype.sort`. LSD radix sort on the IEEE-754 bits:
 * flipping the sign bit of positives and every bit of negatives makes the bit patterns order like
 * the numbers, then six stable counting passes of 11 bits order them, skipping any pass whose digit
 * is the same for every value (often the top ones). All histograms come from one read of the data,
 * and values move as pairs of 32-bit words, so no NaN payload is ever loaded as a double.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  let source: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let target: Uint32Array = scratchWords(n * 2);
  const counts = new Uint32Array(PASSES * RADIX);

  for (let i = 0; i < n; i++) {
    let lo = source[2 * i + LO]!;
    let hi = source[2 * i + HI]!;
    if (hi & 0x80000000) {
      lo = ~lo >>> 0;
      hi = ~hi >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    source[2 * i + LO] = lo;
    source[2 * i + HI] = hi;
    counts[lo & MASK]!++;
    counts[RADIX + ((lo >>> 11) & MASK)]!++;
    counts[2 * RADIX + ((lo >>> 22) | ((hi & 1) << 10))]!++;
    counts[3 * RADIX + ((hi >>> 1) & MASK)]!++;
    counts[4 * RADIX + ((hi >>> 12) & MASK)]!++;
    counts[5 * RADIX + (hi >>> 23)]!++;
  }

  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < PASSES; pass++) {
    if (!startOffsets(counts, pass, n, offsets)) continue;
    scatter(pass, source, target, offsets, n);
    [source, target] = [target, source];
  }

  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  for (let i = 0; i < n; i++) {
    const lo = source[2 * i + LO]!;
    const hi = source[2 * i + HI]!;
    if (hi & 0x80000000) {
      words[2 * i + LO] = lo;
      words[2 * i + HI] = (hi & 0x7fffffff) >>> 0;
    } else {
      words[2 * i + LO] = ~lo >>> 0;
      words[2 * i + HI] = ~hi >>> 0;
    }
  }
  return values;
}

/**
 * Turns one digit's counts into the first slot of each digit value; false when one value holds every
 * key, so the pass would move nothing and is skipped.
 */
export function startOffsets(counts: Uint32Array, pass: number, n: number, offsets: Uint32Array): boolean {
  const base = pass * RADIX;
  let running = 0;
  for (let d = 0; d < RADIX; d++) {
    const count = counts[base + d]!;
    if (count === n) return false;
    offsets[d] = running;
    running += count;
  }
  return true;
}

/**
 * One stable counting pass: moves every key to the next free slot of its digit. One loop per digit
 * position keeps the digit extraction free of branches in the hot loop.
 */
function scatter(
  pass: number,
  source: Uint32Array,
  target: Uint32Array,
  offsets: Uint32Array,
  n: number,
): void {
  if (pass === 2) {
    // The digit straddling the two words: bits 22–31 of the low word and bit 0 of the high word.
    for (let i = 0; i < n; i++) {
      const lo = source[2 * i + LO]!;
      const hi = source[2 * i + HI]!;
      const at = 2 * offsets[(lo >>> 22) | ((hi & 1) << 10)]!++;
      target[at + LO] = lo;
      target[at + HI] = hi;
    }
  } else if (pass < 2) {
    const shift = pass * DIGIT_BITS;
    for (let i = 0; i < n; i++) {
      const lo = source[2 * i + LO]!;
      const hi = source[2 * i + HI]!;
      const at = 2 * offsets[(lo >>> shift) & MASK]!++;
      target[at + LO] = lo;
      target[at + HI] = hi;
    }
  } else {
    const shift = pass * DIGIT_BITS - 32;
    for (let i = 0; i < n; i++) {
      const lo = source[2 * i + LO]!;
      const hi = source[2 * i + HI]!;
      const at = 2 * offsets[(hi >>> shift) & MASK]!++;
      target[at + LO] = lo;
      target[at + HI] = hi;
    }
  }
}

/**
 * Sorts 32-bit integers ascending, in place, and returns the same array: an LSD radix sort of three
 * 11-bit digits on the sign-flipped bits, skipping a digit that every value shares. The drift engine
 * keeps most numeric columns as scaled integers, and sorting those before dividing is several times
 * faster than sorting the doubles (a quarter of the bytes moved per pass, half the passes).
 */
export function sortInt32(values: Int32Array): Int32Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  const keys = new Uint32Array(values.buffer, values.byteOffset, n);
  const counts = new Uint32Array(3 * RADIX);
  for (let i = 0; i < n; i++) {
    const key = (keys[i]! ^ 0x80000000) >>> 0;
    keys[i] = key;
    counts[key & MASK]!++;
    counts[RADIX + ((key >>> 11) & MASK)]!++;
    counts[2 * RADIX + (key >>> 22)]!++;
  }
  let source: Uint32Array = keys;
  let target: Uint32Array = scratchWords(n);
  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < 3; pass++) {
    if (!startOffsets(counts, pass, n, offsets)) continue;
    const shift = pass * DIGIT_BITS;
    for (let i = 0; i < n; i++) {
      const key = source[i]!;
      target[offsets[(key >>> shift) & MASK]!++] = key;
    }
    [source, target] = [target, source];
  }
  for (let i = 0; i < n; i++) keys[i] = (source[i]! ^ 0x80000000) >>> 0;
  return values;
}
