/**
 * Distances between two histograms over the same bins or categories, given as counts (or any
 * non-negative weights); each is computed on shares, the counts divided by their total.
 */

/** Evidently's share for an empty bin when every non-empty share is larger than it. */
const ZERO_SHARE = 1e-4;

/**
 * Jensen–Shannon distance √(½ KL(p‖m) + ½ KL(q‖m)), m = (p + q)/2, natural log —
 * scipy.spatial.distance.jensenshannon(ref, cur). Empty bins need no floor here.
 */
export function jensenShannonDistance(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  const [p, q] = shares(refCounts, curCounts);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    left += relativeEntropy(p[i]!, m);
    right += relativeEntropy(q[i]!, m);
  }
  return Math.sqrt((left + right) / 2);
}

/** Population stability index Σ (p − q)·ln(p/q) on floored shares (see `flooredShares`). */
export function populationStabilityIndex(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  const [p, q] = flooredShares(refCounts, curCounts);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i]! - q[i]!) * Math.log(p[i]! / q[i]!);
  return sum;
}

/**
 * Kullback–Leibler divergence KL(p‖q) = Σ p·ln(p/q) on floored shares renormalized to sum 1 —
 * scipy.stats.entropy(refShares, curShares), which renormalizes its inputs.
 */
export function klDivergence(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  const [p, q] = flooredShares(refCounts, curCounts).map(normalize) as [Float64Array, Float64Array];
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += relativeEntropy(p[i]!, q[i]!);
  return sum;
}

/** Hellinger distance √(1 − Σ √(p·q)), in [0, 1]; rounding can push 1 − Σ just below 0 for equal shares. */
export function hellingerDistance(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  const [p, q] = shares(refCounts, curCounts);
  let affinity = 0;
  for (let i = 0; i < p.length; i++) affinity += Math.sqrt(p[i]! * q[i]!);
  return Math.sqrt(Math.max(0, 1 - affinity));
}

/** Total variation distance ½ Σ |p − q|, in [0, 1]. */
export function totalVariationDistance(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  const [p, q] = shares(refCounts, curCounts);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i]! - q[i]!);
  return sum / 2;
}

/** x·ln(x/y), 0 when x = 0 (scipy.special.rel_entr for x, y ≥ 0 with y > 0 wherever x > 0). */
function relativeEntropy(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(x / y);
}

function shares(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): [Float64Array, Float64Array] {
  if (refCounts.length !== curCounts.length || refCounts.length === 0) {
    throw new RangeError('histogram distances need two count vectors over the same non-empty bins');
  }
  return [normalize(Float64Array.from(refCounts)), normalize(Float64Array.from(curCounts))];
}

function normalize(values: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  if (!(total > 0)) throw new RangeError('histogram distances need counts with a positive total');
  return values.map((v) => v / total);
}

/**
 * Shares with every empty bin given a small positive share, so ln(p/q) stays finite: let s be the
 * smallest non-zero share over both vectors; empty bins get s/10⁶ when s ≤ 10⁻⁴, else 10⁻⁴.
 * (Evidently applies the same rule to each vector with its own smallest share; one floor for both
 * keeps PSI and KL symmetric in how they treat an empty bin.) Shares are not renormalized.
 */
function flooredShares(
  refCounts: ArrayLike<number>,
  curCounts: ArrayLike<number>,
): [Float64Array, Float64Array] {
  const [p, q] = shares(refCounts, curCounts);
  let smallest = Infinity;
  for (const share of [...p, ...q]) if (share > 0 && share < smallest) smallest = share;
  const floor = smallest <= ZERO_SHARE ? smallest / 1e6 : ZERO_SHARE;
  const lift = (share: number) => (share === 0 ? floor : share);
  return [p.map(lift), q.map(lift)];
}
