/**
 * The aggregation rule of docs/selection.md's `resample-auto` candidate: 10-minute means when the series' median
 * sampling interval is under 10 minutes and it holds at least 4,000 rows; otherwise the series as it is. The rule
 * lives in the library (src/data/resample-auto.ts); this is the bench's name for it.
 */

import { autoResample as libraryAutoResample } from '../src/data/resample-auto';
import type { Series } from '../src/data/series';

/** The series, aggregated by the rule, and what was chosen (`10min` or `none`). */
export function autoResample(series: Series): { series: Series; chosen: string } {
  const { series: out, chosen } = libraryAutoResample(series);
  return { series: out, chosen };
}
