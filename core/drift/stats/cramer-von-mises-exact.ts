/** One cell of the frequency table: distinct values ascending, with how many paths reach each. */
interface Cell {
  values: Float64Array;
  counts: Float64Array;
}

const EMPTY: Cell = { values: new Float64Array(0), counts: new Float64Array(0) };

/**
 * Exact p-value P(U ≥ u) of the two-sample Cramér–von Mises statistic for sample sizes m and n —
 * scipy 1.10's `_pval_cvm_2samp_exact(u, m, n)`, the algorithm of Xiao, Gordon & Yakovlev (2006)
 * on Anderson's (1962) U. Every value and count is an integer below 2^53 for the sizes this is used
 * for (both ≤ 20), so the result is exact and equals scipy's.
 */
export function cramerVonMisesExactPValue(u: number, m: number, n: number): number {
  const lcm = (m * n) / gcd(m, n);
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  // Anderson's eq. 9 combined with Xiao et al.'s eq. 2, solved for ζ (the statistic on the
  // table's integer scale). scipy floors it with float floor division; u may be fractional (ties).
  const zeta = floorDivide(lcm * lcm * (m + n) * (6 * u - mn * (4 * mn - 1)), 6 * mn * mn);

  // cells[v]: the distribution of Σ (a·v' − b·u')² over lattice paths reaching (u', v'),
  // built row by row (Xiao et al., Algorithm 1).
  let cells: Cell[] = [{ values: Float64Array.of(0), counts: Float64Array.of(1) }];
  for (let v = 1; v <= m; v++) cells.push(EMPTY);
  for (let row = 0; row <= n; row++) {
    const next: Cell[] = [];
    let running = EMPTY;
    for (let v = 0; v <= m; v++) {
      running = mergeCells(running, cells[v]!);
      const gap = a * v - b * row;
      const step = gap * gap;
      for (let i = 0; i < running.values.length; i++) running.values[i]! += step;
      next.push(running);
    }
    cells = next;
  }

  const last = cells[m]!;
  let atLeast = 0;
  for (let i = 0; i < last.values.length; i++) if (last.values[i]! >= zeta) atLeast += last.counts[i]!;
  return atLeast / binomial(m + n, m);
}

/** Union of two cells, adding the counts of equal values; always a new cell (callers shift it). */
function mergeCells(x: Cell, y: Cell): Cell {
  const values = new Float64Array(x.values.length + y.values.length);
  const counts = new Float64Array(values.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.values.length || j < y.values.length) {
    const xv = i < x.values.length ? x.values[i]! : Infinity;
    const yv = j < y.values.length ? y.values[j]! : Infinity;
    values[k] = Math.min(xv, yv);
    counts[k] = (xv <= yv ? x.counts[i++]! : 0) + (yv <= xv ? y.counts[j++]! : 0);
    k++;
  }
  return { values: values.subarray(0, k), counts: counts.subarray(0, k) };
}

/** Python/NumPy float floor division: exact even when a/b rounds up to an integer. */
function floorDivide(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** C(n, k) exactly while it stays below 2^53: each partial product is itself a binomial coefficient. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
