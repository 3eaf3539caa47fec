import { type StepAggregate, stepScores } from '../../score/steps';
import { minOf } from '../../util/extent';
import type { ScoreResult } from '../contract';

/**
 * A member's scale: the median of its per-step scores on the fitted part (the training series), so that a step at
 * the member's typical error scores 1. Falls back to the mean when the median is 0 (a member whose scores are 0 on
 * most steps), and to 1 when that is 0 too (no step scored anything), so no normalised score is Infinity or NaN.
 *
 * @throws never.
 * @example
 * medianScale([1, 2, 3, 100]); // 2.5
 * medianScale([0, 0, 0, 8]); // 2 (the mean: the median is 0)
 */
export function medianScale(scores: ArrayLike<number>): number {
  const v = Float64Array.from(scores).sort();
  const n = v.length;
  if (n === 0) return 1;
  const h = n >> 1;
  const median = n % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
  if (median > 0 && Number.isFinite(median)) return median;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i];
  const mean = sum / n;
  return mean > 0 && Number.isFinite(mean) ? mean : 1;
}

/**
 * The ensemble's per-step score: each member's per-step scores divided by its scale ({@link medianScale} on the
 * fitted part), then the mean over the members, step by step. Members of different lengths are aligned on their
 * last step (they score the same span; a longer one's first steps are dropped).
 *
 * Why the median as a scale, and no shift: the shared post-processing (`window-sigma` thresholds, padding and the
 * pruning of runs by how far their peak stands above the next, a ratio) reads a score whose 0 means "no error", as
 * every member's is; dividing keeps that 0 and keeps scores non-negative, so the pruning's ratios mean what they
 * mean for a member alone, while subtracting a centre (a z-score) would not. The median, not the mean or the
 * largest value, so that the anomalies themselves do not set the scale. Why the mean of the members: each
 * normalised member counts the same, and a step that one member finds far above its typical error stands out in
 * the mean too (a vote of ranks or a minimum would hide what only one member sees, as PCA alone finds a frequency
 * change the LSTM misses).
 *
 * @throws Error when there is no member or `scales` does not have one scale per member.
 * @example
 * combineScores([[1, 2, 4], [10, 10, 40]], [2, 10]); // Float64Array [0.75, 1, 3]
 */
export function combineScores(members: readonly ArrayLike<number>[], scales: readonly number[]): Float64Array {
  if (members.length === 0 || scales.length !== members.length)
    throw new Error(`combineScores: ${members.length} members, ${scales.length} scales`);
  const length = minOf(members.map((m) => m.length));
  const out = new Float64Array(length);
  members.forEach((m, k) => {
    const skip = m.length - length;
    for (let s = 0; s < length; s++) out[s] += m[skip + s] / scales[k];
  });
  for (let s = 0; s < length; s++) out[s] /= members.length;
  return out;
}

/**
 * A member's raw per-step scores (unsmoothed), as the shared per-step path (pipeline/steps-stage.ts) computes them
 * for that detector alone: from window reconstructions, each step's reconstruction aggregated over the windows
 * covering it (`aggregate`) and its absolute error averaged over features; a detector's own per-step scores
 * (zscore, mp, aer) as they are; else each step's mean of the scores of the `window`-step windows covering it
 * (iforest).
 *
 * @throws Error for reconstructions that do not match their windows.
 * @example
 * const raw = memberSteps(await pca.score(series), 'median', pca.options.window);
 */
export function memberSteps(r: ScoreResult, aggregate: StepAggregate, window: number): Float64Array {
  const w = r.steps?.windows;
  if (w) return stepScores(w.x, w.reconstruction, w.n, w.window, w.features, { aggregate, smooth: false }).scores;
  if (r.steps?.score) return Float64Array.from(r.steps.score);
  const n = r.mae.length;
  if (n === 0) return new Float64Array(0);
  const sum = new Float64Array(n + window - 1);
  const count = new Float64Array(n + window - 1);
  for (let i = 0; i < n; i++) {
    for (let s = i; s < i + window; s++) {
      sum[s] += r.mae[i];
      count[s]++;
    }
  }
  return sum.map((v, s) => v / count[s]);
}

/**
 * Each window's score from per-step scores: the mean of its `window` steps (window i covers steps i .. i+window-1),
 * as a window's MAE is the mean of its steps' errors.
 *
 * @throws never.
 * @example
 * windowMeans([1, 2, 3, 4], 2); // [1.5, 2.5, 3.5]
 */
export function windowMeans(steps: ArrayLike<number>, window: number): number[] {
  const n = Math.max(0, steps.length - window + 1);
  const out = new Array<number>(n);
  let sum = 0;
  for (let s = 0; s < window && s < steps.length; s++) sum += steps[s];
  for (let i = 0; i < n; i++) {
    out[i] = sum / window;
    if (i + window < steps.length) sum += steps[i + window] - steps[i];
  }
  return out;
}
