import type { Run } from './runs';

/**
 * Drop weak runs as Hundman et al. (KDD 2018) and Orion's `_prune_anomalies` do: sort the runs' peaks in
 * descending order, followed by `maxBelow` (the largest score outside every run); find the last run whose peak
 * is at least `minPercent` (a fraction: 0.13 = 13%) above the next value; keep the runs up to it and drop the rest.
 * So a run less than 13% above the next is dropped only when no weaker run stands out after it.
 *
 * @throws never; `minPercent` <= 0 keeps every run.
 * @example
 * // peaks 10, 9.5, 5; largest score outside them 4.8: 10 -> 9.5 is 5%, 9.5 -> 5 is 47%, 5 -> 4.8 is 4%
 * pruneRuns([0, 10, 0, 9.5, 0, 5, 4.8], [[1, 1], [3, 3], [5, 5]], 0.13, 4.8); // [[1, 1], [3, 3]]
 */
export function pruneRuns(scores: ArrayLike<number>, runs: Run[], minPercent: number, maxBelow: number): Run[] {
  if (!(minPercent > 0) || runs.length === 0) return runs.slice();
  const peaks = runs.map((r, i) => {
    let m = -Infinity;
    for (let s = r[0]; s <= r[1]; s++) m = Math.max(m, scores[s]);
    return { i, m };
  });
  peaks.sort((a, b) => b.m - a.m || a.i - b.i);
  let last = -1;
  for (let k = 0; k < peaks.length; k++) {
    const next = k + 1 < peaks.length ? peaks[k + 1].m : maxBelow;
    const increase = peaks[k].m === 0 ? 0 : (peaks[k].m - next) / peaks[k].m;
    if (increase >= minPercent) last = k;
  }
  const keep = new Set(peaks.slice(0, last + 1).map((p) => p.i));
  return runs.filter((_, i) => keep.has(i));
}
