import type { BinaryPredictions } from '../../../../core/metrics/predictions.js';
import type { Xoshiro128 } from '../../../../core/metrics/bootstrap/xoshiro128.js';

/**
 * A population where every binary metric's true value is known: a row is positive with probability
 * π; a model's latent score is μ·y + e with e standard normal, its probability σ(μ·y + e − μ/2), and
 * it predicts positive at probability ≥ 0.5. Two models' errors are correlated (ρ), as a candidate
 * and its predecessor trained on the same features are, which makes the pairing matter.
 */
export interface Population {
  positiveRate: number;
  separation: [number, number];
  correlation: number;
}

export function drawPair(
  population: Population,
  n: number,
  random: Xoshiro128,
): [BinaryPredictions, BinaryPredictions] {
  const { positiveRate, separation, correlation } = population;
  const uniform = () => (random.next() + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const actual = new Uint8Array(n);
  const scores = [new Float64Array(n), new Float64Array(n)] as const;
  const predicted = [new Uint8Array(n), new Uint8Array(n)] as const;
  const spare = Math.sqrt(1 - correlation * correlation);
  for (let i = 0; i < n; i++) {
    const y = uniform() < positiveRate ? 1 : 0;
    actual[i] = y;
    const e0 = normal();
    const errors = [e0, correlation * e0 + spare * normal()];
    for (let m = 0; m < 2; m++) {
      const mu = separation[m]!;
      const p = 1 / (1 + Math.exp(-(mu * y + errors[m]! - mu / 2)));
      scores[m]![i] = p;
      predicted[m]![i] = p >= 0.5 ? 1 : 0;
    }
  }
  const model = (m: 0 | 1): BinaryPredictions => ({
    task: 'binary',
    classes: ['negative', 'positive'],
    actual,
    score: scores[m],
    predicted: predicted[m],
  });
  return [model(0), model(1)];
}

/** The standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** erfc by the Chebyshev fit of Numerical Recipes (3rd ed., Erf::erfccheb), accurate to about 1e-16 relative. */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  const coefficients = [
    -1.3026537197817094, 6.419697923564902e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6,
    1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10,
    -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13,
    3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = coefficients.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + coefficients[j]!;
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * (coefficients[0]! + ty * d) - dd);
}

const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** ∫ f(x) φ(x) dx over the real line, by Simpson's rule on [−12, 12] (the tails beyond are < 1e-30). */
function expectNormal(f: (x: number) => number): number {
  const steps = 24000;
  const h = 24 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const x = -12 + i * h;
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    sum += weight * f(x) * density(x);
  }
  return (sum * h) / 3;
}

/** Every binary metric's value in the population for a model of separation μ (the n → ∞ limit of each estimator). */
export function populationMetrics(positiveRate: number, mu: number): Record<string, number> {
  const pi = positiveRate;
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // Predicting positive at σ ≥ 0.5 is score ≥ μ/2: recall = P(e ≥ −μ/2), specificity the same.
  const hit = normalCdf(mu / 2);
  const tp = pi * hit;
  const fp = (1 - pi) * (1 - hit);
  const fn = pi * (1 - hit);
  // Average precision: ∫ precision(t) dRecall(t) over the threshold t on the latent score.
  const ap = expectNormal((e) => {
    const t = mu + e; // a positive's score; recall falls by its density as t passes it
    const recall = normalCdf(mu - t);
    const falsePositiveRate = normalCdf(-t);
    return (pi * recall) / (pi * recall + (1 - pi) * falsePositiveRate);
  });
  const clip = (p: number) => Math.min(Math.max(p, 2 ** -52), 1 - 2 ** -52);
  return {
    accuracy: tp + (1 - pi) * hit,
    precision: tp / (tp + fp),
    recall: hit,
    f1: (2 * tp) / (2 * tp + fp + fn),
    roc_auc: normalCdf(mu / Math.SQRT2),
    pr_auc: ap,
    log_loss:
      pi * expectNormal((e) => -Math.log(clip(sigmoid(mu / 2 + e)))) +
      (1 - pi) * expectNormal((e) => -Math.log(1 - clip(sigmoid(e - mu / 2)))),
    brier:
      pi * expectNormal((e) => (1 - sigmoid(mu / 2 + e)) ** 2) +
      (1 - pi) * expectNormal((e) => sigmoid(e - mu / 2) ** 2),
  };
}
