import { type Iv, intersect, precisionIntegral, recallIntegral } from './affiliation-integral';
import { runsOf } from './runs';

/** Affiliation precision, recall and F-score. */
export interface AffiliationScores {
  /** Mean over labels with a prediction in their zone; NaN when no label has one. */
  precision: number;
  /** Mean over all labels (0 for a label with no prediction in its zone). */
  recall: number;
  /** 2PR / (P + R); NaN when precision is NaN, 0 when both are 0. */
  f1: number;
}

/** Each event's affiliation zone: from the midpoint with the previous event to the midpoint with the next. */
function zones(events: [number, number][], range: [number, number]): [number, number][] {
  return events.map((J, j) => {
    const left = j === 0 ? range[0] : (events[j - 1][1] + J[0]) / 2;
    const right = j === events.length - 1 ? range[1] : (J[1] + events[j + 1][0]) / 2;
    return [left, right];
  });
}

/**
 * The affiliation metrics (Huet, Navarro and Rossi, KDD 2022), ported from ahstat/affiliation-metrics-py
 * (`pr_from_events`, vendored by TSB-AD as `metric_Affiliation` with given predictions): each step is the
 * interval [i, i + 1), the series [0, n); each label owns the zone of points closer to it than to any other
 * label. Precision averages, over labels with predictions in their zone, the survival probability (against a
 * uniformly random point of the zone) of the distance from each predicted point to the label; recall averages,
 * over every label, that probability for the distance from each labeled point to the nearest prediction.
 *
 * @throws Error when the arrays differ in length. All NaN when no step is labeled (the reference fails there).
 * @example
 * affiliation([false, true, true, false], [false, true, true, false]); // { precision: 1, recall: 1, f1: 1 }
 */
export function affiliation(truth: ArrayLike<boolean>, flags: ArrayLike<boolean>): AffiliationScores {
  const n = truth.length;
  if (flags.length !== n) throw new Error(`invalid flags: ${flags.length} for ${n} labeled steps`);
  const gt = runsOf(truth).map(([a, b]): [number, number] => [a, b + 1]);
  const pred = runsOf(flags).map(([a, b]): [number, number] => [a, b + 1]);
  if (gt.length === 0) return { precision: NaN, recall: NaN, f1: NaN };
  const E = zones(gt, [0, n]);
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (let j = 0; j < gt.length; j++) {
    const Is: Iv[] = pred.map((I) => intersect(I, E[j]));
    const kept = Is.filter((I): I is [number, number] => I !== null);
    if (kept.length > 0) {
      const total = kept.reduce((s, I) => s + (I[1] - I[0]), 0);
      precisions.push(Is.reduce((s, I) => s + precisionIntegral(I, gt[j], E[j]), 0) / total);
      const Ez = zones(kept, E[j]);
      const sum = kept.reduce((s, I, k) => s + recallIntegral(I, intersect(gt[j], Ez[k]), E[j]), 0);
      recalls.push(sum / (gt[j][1] - gt[j][0]));
    } else recalls.push(0);
  }
  const precision = precisions.length ? precisions.reduce((a, b) => a + b, 0) / precisions.length : NaN;
  const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  const f1 = Number.isNaN(precision)
    ? NaN
    : precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
