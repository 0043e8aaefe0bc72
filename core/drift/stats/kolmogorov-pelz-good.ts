const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
/** Below exp(−708) the leading theta term underflows: the CDF is 0 to double precision. */
const MIN_LOG = -708;

/**
 * Pelz and Good's (1976) approximation of P(Dₙ ≤ x), as scipy 1.10's `_kolmogn_PelzGood`: the
 * Li-Chien/Korolyuk expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2}, z = x√n, with each Kᵢ
 * rewritten through Jacobi theta functions so that it converges for small z. scipy uses it for
 * n > 100 000 or n·x^{3/2} > 1.4, where the exact methods are too slow.
 */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qLog = -PI2 / 8 / z2;
  if (qLog < MIN_LOG) return 0;
  let q = Math.exp(qLog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Horner in q^(8k) over the odd integers m = 2k − 1: Σ c(m) q^(m²).
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qPower = q ** (8 * k);
    k0 = k0 * qPower + 1;
    k1 = k1 * qPower + (k1a + k1b * m2);
    k2 = k2 * qPower + (k2a + k2b * m2 + k2c * m4);
    k3 = k3 * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  k0 = (k0 * q * SQRT_2PI) / z;
  k1 = (k1 * q * SQRT_2PI) / (6 * z4);
  k2 = (k2 * q * SQRT_2PI) / (72 * z ** 7);
  k3 = (k3 * q * SQRT_2PI) / (6480 * z ** 10);

  // The sums over all integers k: K₂ gets π²k² q^(k²), K₃ gets (3π²k²z² − π⁴k⁴) q^(k²).
  q = Math.exp(-PI2 / 2 / z2);
  let k2Extra = 0;
  let k3Extra = 0;
  const sqrt3z = SQRT3 * z;
  for (let k = maxK; k > 0; k--) {
    const kSquared = k ** 2;
    const qPower = q ** kSquared;
    const kPi = Math.PI * k;
    k2Extra += kSquared * qPower;
    k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower;
  }
  k2 += (k2Extra * PI2 * SQRT_2PI) / (-36 * z3);
  k3 += (k3Extra * PI2 * SQRT_2PI) / (216 * z6);
  return k0 + k1 / Math.sqrt(n) + k2 / n + k3 / n ** 1.5;
}
