/**
 * Reproducible sample pairs for checking the drift statistics against scipy: a seeded generator
 * (no Math.random, so a failure can be replayed) and the shapes that stress rank tests — ties,
 * unequal sizes, identical samples, tiny samples.
 */

/** Mulberry32: a small, fast, seeded uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n normal values (Box–Muller) with the given mean and standard deviation, sorted ascending. */
export function normalSample(n: number, mean: number, sd: number, uniform: () => number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  }
  return values.sort();
}

/** n integers in [0, levels), so most values are tied, sorted ascending. */
export function tiedSample(n: number, levels: number, uniform: () => number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = Math.floor(uniform() * levels);
  return values.sort();
}

export interface SamplePair {
  label: string;
  ref: Float64Array;
  cur: Float64Array;
}

/** Pairs of every size in `sizes`: continuous with a shift, continuous with a scale change, and tied. */
export function generatedPairs(sizes: readonly (readonly [number, number])[], seed: number): SamplePair[] {
  const uniform = seededUniform(seed);
  return sizes.flatMap(([n1, n2]) => [
    {
      label: `normal shift ${n1}+${n2}`,
      ref: normalSample(n1, 0, 1, uniform),
      cur: normalSample(n2, 0.3, 1, uniform),
    },
    {
      label: `normal scale ${n1}+${n2}`,
      ref: normalSample(n1, 0, 1, uniform),
      cur: normalSample(n2, 0, 1.5, uniform),
    },
    { label: `ties ${n1}+${n2}`, ref: tiedSample(n1, 5, uniform), cur: tiedSample(n2, 6, uniform) },
  ]);
}

/** JSON-friendly form for the Python side. */
export function toLists(pairs: readonly SamplePair[]): [number[], number[]][] {
  return pairs.map((p) => [Array.from(p.ref), Array.from(p.cur)]);
}
