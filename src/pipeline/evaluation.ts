import { averagePrecision } from '../evaluate/aucpr';
import { isoMillis, type LabelInterval } from '../evaluate/labels';
import { overlapSegment } from '../evaluate/overlap';
import { pointwise } from '../evaluate/pointwise';
import { labelSteps } from '../evaluate/steps';
import type { RunEvaluation } from '../result';
import type { EventStage } from './steps-stage';

/**
 * Score a run's events and per-step scores against labeled intervals, over the scored span: overlap-segment
 * counts (a label hit by any event is a tp, one hit by none a fn, an event hitting no label a fp; Orion's
 * `contextual` metrics, unweighted), point-wise counts of flagged steps, and AUC-PR of the per-step score.
 * Labels wholly outside the scored span (e.g. inside the training part of a split) are left out and counted.
 *
 * @throws InputError from labelSteps for a label that holds no scored step although it overlaps the span.
 * @example
 * const ev = evaluateStage(run.stage, [{ start: '2020-03-01', end: '2020-03-31' }]);
 * ev.overlap.f1;
 */
export function evaluateStage(stage: EventStage, labels: LabelInterval[], name = 'labels'): RunEvaluation {
  const d = stage.dates;
  const lo = d.length ? isoMillis(d[0]) : NaN;
  const hi = d.length ? isoMillis(d[d.length - 1]) : NaN;
  const inside = labels.filter((l) => isoMillis(l.end) >= lo && isoMillis(l.start) <= hi);
  const steps = labelSteps(inside, d, name);
  const events: [number, number][] = stage.events.map((e) => [e.startIndex, e.endIndex]);
  const hits = (l: [number, number], e: [number, number]): boolean => l[0] <= e[1] && e[0] <= l[1];
  return {
    labels: inside.length,
    labelsOutside: labels.length - inside.length,
    overlap: overlapSegment(steps.spans, events),
    pointwise: pointwise(steps.truth, stage.flags),
    aucPr: averagePrecision(stage.steps.scores, steps.truth),
    eventHits: events.map((e) => steps.spans.some((l) => hits(l, e))),
    labelHits: inside.map((l, i) => ({ start: l.start, end: l.end, hit: events.some((e) => hits(steps.spans[i], e)) })),
  };
}
