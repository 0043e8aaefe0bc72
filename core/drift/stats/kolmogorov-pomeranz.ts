import { ldexp } from './kolmogorov-durbin.js';

const SCALE_EXPONENT = 128;
const SCALE = 2 ** SCALE_EXPONENT;

/**
 * P(Dₙ ≤ x) for the one-sample Kolmogorov statistic, exactly, by Pomeranz's recursion (1974) as
 * scipy 1.10's `_kolmogn_Pomeranz`: 2n + 1 rows, each the convolution of the previous row's few
 * non-zero entries with one of three truncated Poisson weight vectors; the answer is n! times the
 * last entry. Intermediate rows are rescaled by 2¹²⁸ when they would underflow.
 */
export function kolmogorovCdfPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const powers = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1 − 2g)/n)^m/m!
  const gPower = new Float64Array(powers);
  const twoGPower = new Float64Array(powers);
  const oneMinusTwoGPower = new Float64Array(powers);
  gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1;
  for (let m = 1; m < powers; m++) {
    gPower[m] = (gPower[m - 1]! * (g / n)) / m;
    twoGPower[m] = (twoGPower[m - 1]! * ((2 * g) / n)) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1]! * ((1 - 2 * g) / n)) / m;
  }

  let previous = new Float64Array(powers);
  let current = new Float64Array(powers);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let j1 = rowBounds(0, n, ll, ceilF, roundF)[0];
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilF, roundF);
    const weights = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const width = j2 - k1 + 1;
    if (width > 0) {
      // Entries conv[j1 − k1 … j2 − k1] of the full convolution of previous[k1 − start …] with weights.
      const offset = k1 - previousStart;
      let largest = 0;
      for (let out = 0; out <= j2 - j1; out++) {
        const at = out + j1 - k1;
        let sum = 0;
        // The slice of the previous row ends with the row itself (numpy's slice truncation).
        const last = Math.min(at, powers - 1 - offset);
        for (let s = 0; s <= last; s++) sum += previous[offset + s]! * weights[at - s]!;
        current[out] = sum;
        if (sum > largest) largest = sum;
      }
      if (largest > 0 && largest < 1 / SCALE) {
        for (let s = 0; s < powers; s++) current[s]! *= SCALE;
        exponent -= SCALE_EXPONENT;
      }
      currentStart = previousStart + j1 - k1;
    }
  }

  let answer = current[n - currentStart]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > SCALE) {
      answer /= SCALE;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexp(answer, exponent);
  return Math.min(Math.max(answer, 0), 1);
}

/** First and last non-zero column of row i (scipy's `_pomeranz_compute_j1j2`). */
function rowBounds(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
