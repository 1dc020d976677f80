/**
 * The statistics of match quality: proportions with Wilson 95% intervals, and a two-sided
 * two-proportion z-test between an experiment's control and a variant. A verdict is given only
 * when both arms are large enough for the normal approximation and the difference is significant.
 */

/** Below this many matches in an arm, or 5 successes / failures, no verdict is given. */
const MIN_ARM_SIZE = 100;
const MIN_EVENTS = 5;
const Z_95 = 1.959964;

export interface Rate {
  successes: number;
  n: number;
  rate: number | null;
  /** Wilson score interval at 95%; null when n is 0. */
  low: number | null;
  high: number | null;
}

export function rateOf(successes: number, n: number): Rate {
  if (n === 0) return { successes, n, rate: null, low: null, high: null };
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { successes, n, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The standard normal CDF (Abramowitz and Stegun 26.2.17, error under 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

type Verdict = 'insufficient_data' | 'no_significant_difference' | 'variant_higher' | 'variant_lower';

export interface Comparison {
  difference: number | null;
  z: number | null;
  pValue: number | null;
  verdict: Verdict;
}

export function compareRates(control: Rate, variant: Rate): Comparison {
  const enough = (r: Rate) => r.n >= MIN_ARM_SIZE && r.successes >= MIN_EVENTS && r.n - r.successes >= MIN_EVENTS;
  const difference = control.rate === null || variant.rate === null ? null : variant.rate - control.rate;
  if (!enough(control) || !enough(variant)) return { difference, z: null, pValue: null, verdict: 'insufficient_data' };
  const pooled = (control.successes + variant.successes) / (control.n + variant.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / variant.n));
  const z = se === 0 ? 0 : difference! / se;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  const verdict: Verdict = pValue >= 0.05 ? 'no_significant_difference' : z > 0 ? 'variant_higher' : 'variant_lower';
  return { difference, z, pValue, verdict };
}
