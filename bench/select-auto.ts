/**
 * The aggregation rule of docs/selection.md's `resample-auto` candidate: 10-minute means when the series' median
 * sampling interval is under 10 minutes and it holds at least 4,000 rows; otherwise the series as it is.
 */

import { resample } from '../src/data/resample';
import type { Series } from '../src/data/series';
import { isoMillis } from '../src/evaluate/labels';

/** The series, aggregated by the rule, and what was chosen (`10min` or `none`). */
export function autoResample(series: Series): { series: Series; chosen: string } {
  const n = series.dates.length;
  if (n < 4000) return { series, chosen: 'none' };
  const gaps: number[] = [];
  for (let i = 1; i < n; i++) gaps.push(isoMillis(series.dates[i]) - isoMillis(series.dates[i - 1]));
  gaps.sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1];
  return median < 600_000 ? { series: resample(series, '10min'), chosen: '10min' } : { series, chosen: 'none' };
}
