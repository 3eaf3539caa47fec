import { meanStd } from '../threshold/percentile';
import { flagRuns } from '../threshold/runs';
import type { EventExplained } from './explain';

/** A detected anomaly: a run of flagged steps. */
export interface AnomalyEvent {
  /** Date of the first and last step. */
  start: string;
  end: string;
  /** Step indices of the first and last step (inclusive). */
  startIndex: number;
  endIndex: number;
  /** Date of the step with the highest score, and that score. */
  peak: string;
  peakScore: number;
  /** (peakScore - threshold at the peak) / (mean + std of all the scores), Orion's anomaly score. */
  severity: number;
  /** For multivariate input: each column's share of the error inside the event (sums to 1). */
  shares?: Record<string, number>;
  /** One sentence saying what moved, how rare, how long, where and what was expected (src/events/explain.ts). */
  explanation?: string;
  /** The figures of `explanation`: move, its multiple, error vs threshold, training rank, calibrated score. */
  explained?: EventExplained;
}

/** Optional inputs of {@link eventsFromFlags}. */
export interface EventOptions {
  /** Per-step, per-feature errors `[s * F + j]` (from stepScores) to compute column shares. */
  perFeature?: ArrayLike<number>;
  /** Column names, F of them; shares are given when there are 2 or more. */
  columns?: string[];
}

/**
 * Turn flagged steps (already padded and pruned) into events: each run of consecutive flags is one event, dated
 * by its first, last and peak steps, with Orion's severity and, for multivariate input, each column's share of
 * the absolute error summed over the event's steps.
 *
 * @throws Error when flags, scores, dates and thresholds differ in length.
 * @example
 * eventsFromFlags([false, true, true], [0, 2, 4], ['d0', 'd1', 'd2'], 1)[0].peak; // 'd2'
 */
export function eventsFromFlags(
  flags: ArrayLike<boolean>,
  scores: ArrayLike<number>,
  dates: string[],
  threshold: number | ArrayLike<number>,
  opts: EventOptions = {},
): AnomalyEvent[] {
  const n = flags.length;
  const thr = (i: number): number => (typeof threshold === 'number' ? threshold : threshold[i]);
  if (scores.length !== n || dates.length !== n || (typeof threshold !== 'number' && threshold.length !== n)) {
    throw new Error(`invalid events input: ${n} flags, ${scores.length} scores, ${dates.length} dates`);
  }
  if (n === 0) return [];
  const { mean, std } = meanStd(scores);
  const denom = mean + std;
  const cols = opts.columns ?? [];
  const F = cols.length;
  return flagRuns(flags).map(([a, b]) => {
    let p = a;
    for (let s = a; s <= b; s++) if (scores[s] > scores[p]) p = s;
    const ev: AnomalyEvent = {
      start: dates[a],
      end: dates[b],
      startIndex: a,
      endIndex: b,
      peak: dates[p],
      peakScore: scores[p],
      severity: denom > 0 ? (scores[p] - thr(p)) / denom : 0,
    };
    if (F >= 2 && opts.perFeature) {
      const sums = new Array<number>(F).fill(0);
      for (let s = a; s <= b; s++) for (let j = 0; j < F; j++) sums[j] += opts.perFeature[s * F + j];
      const total = sums.reduce((x, y) => x + y, 0);
      ev.shares = Object.fromEntries(cols.map((c, j) => [c, total > 0 ? sums[j] / total : 1 / F]));
    }
    return ev;
  });
}
