import { rowsOfDates, type Series, valueAt } from '../data/series';
import type { ScoreResult } from '../detector/contract';
import type { AnomalyRecord, RunResult, ScoredWindow } from '../result';
import { InputError } from '../util/errors';
import { type ExplainContext, explainEvents } from './event-explain';
import { explainWindowThreshold } from './explain';
import type { EventStage } from './steps-stage';

/**
 * Refuse a split that leaves nothing to score, pointing at `--fit all` (train on everything, score everything).
 *
 * @throws InputError for `trainFrac >= 1` without `fit: 'all'`.
 * @example
 * checkFitMode({ trainFrac: 1, fit: 'split' }); // throws
 */
export function checkFitMode(o: { trainFrac: number; fit: string }): void {
  if (o.fit !== 'all' && o.trainFrac >= 1) {
    throw new InputError(
      `invalid train fraction: ${o.trainFrac} leaves no rows to score; to train on the whole series ` +
        'and score every window use --fit all',
    );
  }
}

/**
 * For a per-step rule, flag the windows whose last step is flagged (so anomalies.csv agrees with the events).
 * The records of `scores.windows` (and `scores.anomaly`) are updated in place and returned as `test`: a long
 * run scores hundreds of thousands of windows, and a copy of each would only replace them.
 *
 * @throws never.
 * @example
 * const { test, anomalies } = stepFlaggedWindows(scores, stage, series);
 */
export function stepFlaggedWindows(
  scores: ScoreResult,
  stage: EventStage,
  series: Series,
): { test: ScoredWindow[]; anomalies: AnomalyRecord[] } {
  const T = stage.flags.length - scores.windows.length + 1; // n windows over n + T - 1 steps
  const windows = scores.windows;
  for (let i = 0; i < windows.length; i++) {
    const flagged = stage.flags[i + T - 1] === true;
    windows[i].anomaly = flagged;
    if (scores.anomaly.length === windows.length) scores.anomaly[i] = flagged;
  }
  const flagged = windows.filter((w) => w.anomaly);
  const rawIndex = rowsOfDates(
    series,
    flagged.map((w) => w.end),
  );
  const anomalies = flagged.map((w) => ({ date: w.end, value: valueAt(series, rawIndex.get(w.end)!, 0), mae: w.mae }));
  return { test: windows, anomalies };
}

/**
 * Add a run's events and the threshold's one-sentence explanation to its result (the other fields unchanged);
 * with `explain`, each event's explanation too (see explainEvents).
 *
 * @throws never.
 * @example
 * attachEvents(result, stage, { scores, series, scaler, transform: 'logret' });
 */
export function attachEvents(result: RunResult, stage: EventStage, explain?: ExplainContext): void {
  result.threshold = {
    ...result.threshold,
    ...(stage.rule ? { rule: stage.rule } : {}),
    explanation: stage.explanation ?? explainWindowThreshold(result.threshold, result.trainScores),
  };
  result.events = stage.events;
  result.eventSource = stage.source;
  if (explain) explainEvents(result, stage, explain);
}
