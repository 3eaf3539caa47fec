import type { LabelInterval } from '../evaluate/labels';
import type { AnomalyEvent, RunEvaluation } from '../result';
import type { CompareResult } from './compare';
import { type EvaluateOptions, evaluateStage } from './evaluation';

/** One detector's line of a comparison, as compare.json and the report table hold it. */
export interface CompareSummary {
  kind: string;
  /** Events found in the scored span, and the flagged share of the scored windows. */
  events: number;
  flagged: number;
  windows: number;
  flaggedShare: number;
  fitSeconds: number;
  scoreSeconds: number;
  /** Against labels, when given: overlap-segment counts and F1, point-wise F1, AUC-PR. */
  evaluation?: RunEvaluation;
}

/**
 * Score every detector of a comparison against the same labels, with the same code as a single run
 * (`evaluateStage` on each run's per-step stage); each run's result.json gets its `evaluation`.
 *
 * @throws InputError for labels outside the series (from evaluateStage).
 * @example
 * evaluateCompare(await runCompare(series, 'lstm,pca'), labels);
 */
export function evaluateCompare(
  c: CompareResult,
  labels: LabelInterval[],
  name = 'labels',
  options: EvaluateOptions = {},
): void {
  for (const e of c.entries) e.run.result.evaluation = evaluateStage(e.run.stage, labels, name, options);
}

/**
 * The summary line of each detector of a comparison (events, flagged share, seconds, evaluation when present).
 *
 * @throws never.
 * @example
 * compareSummaries(c).map((s) => [s.kind, s.events]);
 */
export function compareSummaries(c: CompareResult): CompareSummary[] {
  return c.entries.map((e) => ({
    kind: e.kind,
    events: (e.run.result.events ?? []).length,
    flagged: e.flagged,
    windows: e.test.length,
    flaggedShare: e.flaggedShare,
    fitSeconds: e.fitSeconds,
    scoreSeconds: e.scoreSeconds,
    ...(e.run.result.evaluation ? { evaluation: e.run.result.evaluation } : {}),
  }));
}

/**
 * The events of one entry of a comparison.
 *
 * @throws never; an entry whose run found none gives [].
 * @example
 * entryEvents(c.entries[0]).length;
 */
export function entryEvents(e: CompareResult['entries'][number]): AnomalyEvent[] {
  return e.run.result.events ?? [];
}
