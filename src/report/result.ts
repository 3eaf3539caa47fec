import type { Series } from '../data/series';
import type { RunResult } from '../result';

/** What the report needs beyond result.json: the raw series (for the price chart). */
export interface ReportInput {
  result: RunResult;
  series: Series;
}
