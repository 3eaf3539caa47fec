import type { Series } from '../data/series';
import type { StepView } from '../plot/zoom';
import type { RunResult } from '../result';

/** What the report needs beyond result.json: the raw series (for the price chart). */
export interface ReportInput {
  result: RunResult;
  series: Series;
  /** Per-step view of the scored span (the pipeline's stage), for the events' zoomed panels. */
  steps?: StepView;
}
