/**
 * Exact two-sided p-values of the two-sample Kolmogorov–Smirnov statistic, as scipy 1.10 computes
 * them (Hodges' lattice-path treatment of Drion/Gnedenko/Korolyuk). D = h / lcm(n1, n2) with an
 * integer h ≥ 1; the p-value is the share of monotone lattice paths from (0, 0) to (n1, n2) that
 * touch or cross either diagonal line |x/n1 − y/n2| = h / lcm.
 */
export function ksTwoSidedExactSf(n1: number, n2: number, h: number): number {
  return n1 === n2 ? shareOutsideSquare(n1, h) : shareOutsideBand(n1, n2, h);
}

/**
 * Equal sizes: 2·Σₖ (−1)ᵏ⁺¹ C(2n, n − kh) / C(2n, n), summed from the innermost term outwards as
 * P = 2·A₀(1 − A₁(1 − A₂(…))) so the alternating sum never cancels.
 */
function shareOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * Unequal sizes: the "inside method" with Viehmann's recursion, which carries 1 − (share of paths
 * still inside) through a sliding window of one column, so every value stays in [0, 1] and nothing
 * overflows (arXiv:2102.08037). Cells outside the band hold 1.
 */
function shareOutsideBand(n1: number, n2: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let length = maxj - minj;
  // Every slot beyond the current window holds 1; the first column is 0 inside the band.
  const column = new Float64Array(n + 2).fill(1);
  column.fill(0, minj, maxj);
  // 1/(i + j) from a table: a multiplication instead of a division per cell halves the time.
  const reciprocal = new Float64Array(m + n + 2);
  for (let k = 1; k < reciprocal.length; k++) reciprocal[k] = 1 / k;
  for (let i = 1; i <= m; i++) {
    const lastMinj = minj;
    const lastLength = length;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (column[jj + minj - lastMinj]! * i + value * j) * reciprocal[i + j]!;
      column[jj] = value;
    }
    length = maxj - minj;
    if (lastLength > length) column.fill(1, length, lastLength);
  }
  return column[maxj - minj - 1]!;
}

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
