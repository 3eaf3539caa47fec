import { padFlags } from './pad';
import { meanStd } from './percentile';

/** Steps whose own error is extreme for the whole span, padded; see {@link extremeFlags}. */
export interface ExtremeSteps {
  /** The bar: mean + k·σ of the unsmoothed per-step errors. */
  bar: number;
  /** Steps strictly above the bar. */
  count: number;
  /** Those steps padded by `pad` each side. */
  flags: boolean[];
}

/**
 * Steps whose unsmoothed per-step error is above mean + k·σ of all of them (docs/selection.md, round 4): a
 * one- to three-step error that smoothing divides by up to 200 before the windowed threshold sees it. By
 * Chebyshev's inequality at most 1/k² of the steps can pass, whatever the errors' distribution, and a pattern on a
 * fraction f of the steps stands at most √((1 − f)/f) σ above the mean, so regular peaks stay below. The pipeline
 * joins these flags to a step rule's (`extreme` of the event options; 0: off), on `StepScores.raw`.
 *
 * @throws Error `invalid pad` for a negative or non-integer pad.
 * @example
 * const e = extremeFlags([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 1], 5, 1);
 * e.count; // 1 (step 34); e.flags[33], e.flags[35]: true
 */
export function extremeFlags(raw: ArrayLike<number>, k: number, pad: number): ExtremeSteps {
  const { mean, std } = raw.length ? meanStd(raw) : { mean: 0, std: 0 };
  const bar = mean + k * std;
  const above = Array.from(raw, (v) => v > bar);
  return { bar, count: above.filter(Boolean).length, flags: padFlags(above, pad) };
}
