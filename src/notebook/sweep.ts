import type { LabelInterval } from '../evaluate/labels';
import { overlapSegment } from '../evaluate/overlap';
import { runsOf } from '../evaluate/runs';
import { labelSteps } from '../evaluate/steps';

/** One threshold of {@link thresholdSweep}: the events its flags make and how they score against the labels. */
export interface SweepRow {
  threshold: number;
  /** Steps scored above the threshold. */
  flaggedSteps: number;
  /** Runs of consecutive flagged steps. */
  events: number;
  tp: number;
  fp: number;
  fn: number;
  /** Overlap-segment precision and recall (NaN where undefined: no event, no label). */
  precision: number;
  recall: number;
}

/**
 * Precision and recall against the threshold: for each threshold, flag the steps whose score lies above it, join
 * consecutive flagged steps into events and count them against the labels as overlap-segment counts (a label
 * touched by an event is found, an event touching no label is a false alarm). Lower thresholds find more labels
 * and raise more false alarms; this is the trade-off a single threshold picks one point of.
 *
 * @throws InputError from labelSteps for a label outside the dates.
 * @example
 * thresholdSweep(run.stage.steps.scores, run.stage.dates, labels, [0.1, 0.2, 0.4]);
 */
export function thresholdSweep(
  scores: ArrayLike<number>,
  dates: string[],
  labels: LabelInterval[],
  thresholds: number[],
): SweepRow[] {
  const spans = labelSteps(labels, dates).spans;
  return thresholds.map((threshold) => {
    const flags = Array.from(scores, (s) => s > threshold);
    const events = runsOf(flags);
    const c = overlapSegment(spans, events);
    return {
      threshold,
      flaggedSteps: flags.filter((f) => f).length,
      events: events.length,
      tp: c.tp,
      fp: c.fp,
      fn: c.fn,
      precision: c.precision,
      recall: c.recall,
    };
  });
}

/**
 * `count` thresholds spread over the scores' upper quantiles (from the median up to the highest score), the
 * range where a threshold changes what is flagged.
 *
 * @throws never; no scores give [].
 * @example
 * sweepThresholds([1, 2, 3, 4, 5], 3); // [3, 4, 5]
 */
export function sweepThresholds(scores: ArrayLike<number>, count = 12): number[] {
  const s = Array.from(scores)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (s.length === 0) return [];
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  return Array.from({ length: count }, (_, i) => at(0.5 + (0.5 * i) / Math.max(1, count - 1)));
}
