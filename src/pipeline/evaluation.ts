import { affiliation } from '../evaluate/affiliation';
import type { FileMeasures } from '../evaluate/aggregate';
import { averagePrecision } from '../evaluate/aucpr';
import { scoreCounts } from '../evaluate/counts';
import { isoMillis, type LabelInterval } from '../evaluate/labels';
import { nabScore } from '../evaluate/nab-score';
import { overlapSegment } from '../evaluate/overlap';
import { pointAdjusted } from '../evaluate/point-adjust';
import { pointwise } from '../evaluate/pointwise';
import { rangePrecisionRecall } from '../evaluate/range';
import { disjointSpans } from '../evaluate/runs';
import { labelSteps } from '../evaluate/steps';
import { ucrTop1 } from '../evaluate/ucr-top1';
import { vus } from '../evaluate/vus';
import type { RunEvaluation } from '../result';
import type { EventStage } from './steps-stage';

/** TSB-AD's default `slidingWindow` for VUS (`get_metrics`). */
export const VUS_WINDOW = 100;

/**
 * NAB's detections, one per event: its first step scored above its threshold (where the alarm is raised, before
 * padding widened the event), or its first step when none is (a window rule compares window MAE, not steps).
 */
function alarms(stage: EventStage): boolean[] {
  const { scores } = stage.steps;
  const out = new Array<boolean>(stage.flags.length).fill(false);
  for (const e of stage.events) {
    let i = e.startIndex;
    while (i <= e.endIndex && !(scores[i] > stage.thresholds[i])) i++;
    out[i <= e.endIndex ? i : e.startIndex] = true;
  }
  return out;
}

/** What `evaluateStage` adds on request. */
export interface EvaluateOptions {
  /** Also point-adjusted counts (inflated: behind --point-adjust, with a warning). */
  pointAdjust?: boolean;
}

/**
 * Score a run's events and per-step scores against labeled intervals, over the scored span: overlap-segment
 * counts (a label hit by any event is a tp, one hit by none a fn, an event hitting no label a fp; Orion's
 * `contextual` metrics, unweighted), point-wise counts of flagged steps, AUC-PR, VUS-PR and VUS-ROC of the
 * per-step score, range-based precision/recall and affiliation of the flagged steps, the NAB score of one alarm
 * per event (its first step above the threshold: NAB counts every detected row, so each step of a long, padded
 * event would be a false positive of its own), and the UCR top-1 test; point-adjusted counts only when asked.
 * Labels wholly outside the scored span (inside the training part of a split, which no event covers) count as
 * Orion counts them: each a false negative of the overlap-segment counts (`labelsOutside` says how many); the
 * per-step measures, over the scored span only, leave them out.
 *
 * @throws InputError from labelSteps for a label that holds no scored step although it overlaps the span.
 * @example
 * const ev = evaluateStage(run.stage, [{ start: '2020-03-01', end: '2020-03-31' }]);
 * ev.overlap.f1;
 */
export function evaluateStage(
  stage: EventStage,
  labels: LabelInterval[],
  name = 'labels',
  options: EvaluateOptions = {},
): RunEvaluation {
  const d = stage.dates;
  const lo = d.length ? isoMillis(d[0]) : NaN;
  const hi = d.length ? isoMillis(d[d.length - 1]) : NaN;
  const inside = labels.filter((l) => isoMillis(l.end) >= lo && isoMillis(l.start) <= hi);
  const steps = labelSteps(inside, d, name);
  const events: [number, number][] = stage.events.map((e) => [e.startIndex, e.endIndex]);
  const hits = (l: [number, number], e: [number, number]): boolean => l[0] <= e[1] && e[0] <= l[1];
  const scores = stage.steps.scores;
  const v = vus(scores, steps.truth, { window: VUS_WINDOW });
  const outside = labels.length - inside.length;
  const o = overlapSegment(steps.spans, events);
  return {
    labels: inside.length,
    labelsOutside: outside,
    overlap: outside ? scoreCounts(o.tp, o.fp, o.fn + outside) : o,
    pointwise: pointwise(steps.truth, stage.flags),
    aucPr: averagePrecision(scores, steps.truth),
    eventHits: events.map((e) => steps.spans.some((l) => hits(l, e))),
    labelHits: inside.map((l, i) => ({ start: l.start, end: l.end, hit: events.some((e) => hits(steps.spans[i], e)) })),
    vusPr: v.vusPr,
    vusRoc: v.vusRoc,
    vusWindow: VUS_WINDOW,
    range: rangePrecisionRecall(steps.truth, stage.flags),
    affiliation: affiliation(steps.truth, stage.flags),
    nab: nabScore(alarms(stage), disjointSpans(steps.spans)),
    ucrTop1: ucrTop1(scores, steps.spans, { events: stage.events }),
    ...(options.pointAdjust ? { pointAdjusted: pointAdjusted(steps.truth, stage.flags) } : {}),
  };
}

/**
 * The measures of one evaluated file for `evaluate`'s rows and means (NaN where the evaluation has none).
 *
 * @throws never.
 * @example
 * fileMeasures(evaluateStage(run.stage, labels)).vusPr;
 */
export function fileMeasures(ev: RunEvaluation): FileMeasures {
  return {
    vusPr: ev.vusPr ?? NaN,
    vusRoc: ev.vusRoc ?? NaN,
    rangeF1: ev.range?.f1 ?? NaN,
    affiliationF1: ev.affiliation?.f1 ?? NaN,
    nabScore: ev.nab?.score ?? NaN,
    nabRaw: ev.nab?.raw ?? 0,
    nabNull: ev.nab?.null ?? 0,
    nabPerfect: ev.nab?.perfect ?? 0,
    ...(ev.labels > 0 && ev.ucrTop1 ? { ucrTop1: ev.ucrTop1.hit } : {}),
    ...(ev.pointAdjusted ? { pointAdjustedF1: ev.pointAdjusted.f1 } : {}),
  };
}
