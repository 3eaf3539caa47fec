import type { Series } from '../../data/series';
import { rowCount } from '../../data/series';
import type { Detector } from '../../detector/contract';
import { explainEvents } from '../../pipeline/event-explain';
import type { AnomalyRecord, RunResult, ScoredWindow, ThresholdJson } from '../../result';
import { type Rethresholded, rethreshold } from './rethreshold';
import { scoreRunResult } from './score-run';

/** What `score` found on a series: the report's record, the windows and anomalies written, their threshold. */
export interface ScoredSeries {
  /** The {@link RunResult}-shaped record of the run (for the report), events and their explanations included. */
  result: RunResult;
  /** Every scored window with its flag. */
  windows: ScoredWindow[];
  /** The flagged windows' ends with the first column's value. */
  anomalies: AnomalyRecord[];
  /** The threshold that flagged them. */
  threshold: ThresholdJson;
  /** The rule run again (`--threshold`, or the saved step rule), when one was. */
  rule?: string;
  /** Its re-derived flags, events and threshold, when a rule was run again. */
  re?: Rethresholded;
}

/**
 * Score a series with a saved model, as `score --model DIR` does: the model's windows and flags, or those of a
 * threshold rule run again (`rule`, else the saved step rule), its events explained. A compact series stays
 * compact (its dates and values are read through the accessors of series.ts).
 *
 * @throws InputError for an unknown rule or a window rule without the model's training scores.
 * @example
 * const { result, anomalies } = await scoreSeries(detector, series, 'reports/run/model', 'p99');
 */
export async function scoreSeries(det: Detector, series: Series, model: string, rule?: string): Promise<ScoredSeries> {
  const scores = await det.score(series);
  // a saved step rule runs again on the scored series (its thresholds are per step, not saved values)
  const saved = det.fitted().threshold;
  const run = rule ?? (saved.kind === 'step' ? saved.label() : undefined);
  const re = run ? rethreshold(det, scores, model, run, series) : undefined;
  const { windows, anomalies } = re ?? scores;
  const threshold = re?.threshold ?? saved.toJSON();
  const result = scoreRunResult(det, series, scores, model);
  if (re) {
    Object.assign(result, { test: re.windows, anomalies: re.anomalies, threshold: re.threshold, events: re.events });
    // explained as detect explains its events; the typical move over all the scored rows (no training part here),
    // the peak ranked among the training-window MAEs saved with the model
    const { scaler } = det.fitted();
    const ctx = { scores, series, scaler, transform: det.options.transform, trainRows: rowCount(series) };
    explainEvents(result, re.stage, { ...ctx, trainScores: re.trainScores ?? [] });
  }
  return { result, windows, anomalies, threshold, ...(run ? { rule: run } : {}), ...(re ? { re } : {}) };
}
