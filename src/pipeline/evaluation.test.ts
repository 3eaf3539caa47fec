import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affiliation } from '../evaluate/affiliation';
import { nabScore } from '../evaluate/nab-score';
import { rangePrecisionRecall } from '../evaluate/range';
import { vus } from '../evaluate/vus';
import type { AnomalyEvent } from '../events/events';
import { evaluateStage, fileMeasures } from './evaluation';
import type { EventStage } from './steps-stage';

const dates = Array.from({ length: 10 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`);
const ev = (a: number, b: number): AnomalyEvent => ({
  start: dates[a],
  end: dates[b],
  startIndex: a,
  endIndex: b,
  peak: dates[a],
  peakScore: 1,
  severity: 1,
});

function stage(): EventStage {
  const flags = dates.map((_, i) => i === 2 || i === 3 || i === 7);
  const scores = Float64Array.from([0, 0, 5, 4, 1, 2, 0, 3, 0, 0]);
  return {
    steps: { length: 10, features: 1, x: scores, recon: scores, perFeature: scores, raw: scores, scores, smoothing: 1 },
    dates,
    flags,
    thresholds: new Float64Array(10),
    events: [ev(2, 3), ev(7, 7)],
    source: 'step',
  };
}

test('evaluateStage: overlap-segment, point-wise and AUC-PR on a constructed case', () => {
  const e = evaluateStage(stage(), [
    { start: '2020-01-03', end: '2020-01-05' },
    { start: '2020-01-06', end: '2020-01-06' },
  ]);
  assert.deepEqual([e.overlap.tp, e.overlap.fp, e.overlap.fn], [1, 1, 1]);
  assert.equal(e.overlap.f1, 0.5);
  // truth 2..5, flags 2, 3, 7: tp 2, fp 1, fn 2 -> F1 4 / 7
  assert.deepEqual([e.pointwise.tp, e.pointwise.fp, e.pointwise.fn], [2, 1, 2]);
  assert.equal(e.pointwise.f1, 4 / 7);
  // ranks 5 T, 4 T, 3 F, 2 T, 1 T: AP = .25 + .25 + .25 * 3/4 + .25 * 4/5 = 0.8875
  assert.ok(Math.abs(e.aucPr - 0.8875) < 1e-12);
  assert.deepEqual(e.eventHits, [true, false]);
  assert.deepEqual(
    e.labelHits.map((l) => l.hit),
    [true, false],
  );
  assert.equal(e.labelsOutside, 0);
});

test('evaluateStage: one label hit by two events is one tp; an event spanning two labels hits both', () => {
  const s = stage();
  s.events = [ev(1, 2), ev(3, 3), ev(5, 8)];
  const e = evaluateStage(s, [
    { start: '2020-01-02', end: '2020-01-04' },
    { start: '2020-01-06', end: '2020-01-06' },
    { start: '2020-01-09', end: '2020-01-09' },
  ]);
  assert.deepEqual([e.overlap.tp, e.overlap.fp, e.overlap.fn], [3, 0, 0]);
});

test('evaluateStage: a label outside the scored span (the training part) is a miss of the overlap counts', () => {
  const e = evaluateStage(stage(), [
    { start: '2019-01-01', end: '2019-02-01' },
    { start: '2020-01-03', end: '2020-01-03' },
  ]);
  assert.equal(e.labels, 1);
  assert.equal(e.labelsOutside, 1);
  // Orion counts a label no event can reach as a false negative: tp 1, fp 1 (the event at step 7), fn 1
  assert.deepEqual([e.overlap.tp, e.overlap.fp, e.overlap.fn], [1, 1, 1]);
  assert.equal(e.overlap.f1, 0.5);
  assert.equal(e.overlap.recall, 0.5);
  assert.deepEqual([e.pointwise.tp, e.pointwise.fn], [1, 0]); // per-step measures: the scored span only
});

test('evaluateStage: VUS, range-based, affiliation, NAB and UCR top-1 on the same steps; point-adjust on request', () => {
  const labels = [
    { start: '2020-01-03', end: '2020-01-05' },
    { start: '2020-01-06', end: '2020-01-06' },
  ];
  const e = evaluateStage(stage(), labels);
  const s = stage();
  const truth = dates.map((_, i) => i >= 2 && i <= 5);
  const v = vus(s.steps.scores, truth, { window: 100 });
  assert.deepEqual([e.vusPr, e.vusRoc, e.vusWindow], [v.vusPr, v.vusRoc, 100]);
  assert.ok(e.vusPr! > 0.5 && e.vusPr! <= 1);
  assert.deepEqual(e.range, rangePrecisionRecall(truth, s.flags));
  assert.deepEqual(e.affiliation, affiliation(truth, s.flags));
  // the two touching labels are one NAB window 2..5; the alarms at 2 (its first step) and 7 (a false positive)
  const at = (...i: number[]): boolean[] => dates.map((_, k) => i.includes(k));
  assert.deepEqual(e.nab, nabScore(at(2, 7), [[2, 5]]));
  assert.deepEqual([e.nab!.tp, e.nab!.fn, e.nab!.fp], [1, 0, 1]);
  // highest score 5 at step 2, inside the first label; the top event (2..3, first of equal peaks) overlaps it
  assert.deepEqual(e.ucrTop1, { step: 2, hit: true, event: true });
  assert.equal(e.pointAdjusted, undefined);
  const pa = evaluateStage(stage(), labels, 'labels', { pointAdjust: true }).pointAdjusted!;
  // run 2..5 has a flag: all four steps count, the flag at 7 stays a fp
  assert.deepEqual([pa.tp, pa.fp, pa.fn], [4, 1, 0]);
  const fm = fileMeasures(e);
  assert.deepEqual(
    [fm.vusPr, fm.rangeF1, fm.affiliationF1, fm.nabScore, fm.nabRaw, fm.ucrTop1, fm.pointAdjustedF1],
    [e.vusPr, e.range!.f1, e.affiliation!.f1, e.nab!.score, e.nab!.raw, true, undefined],
  );
  assert.equal(fileMeasures(evaluateStage(stage(), labels, 'labels', { pointAdjust: true })).pointAdjustedF1, 8 / 9);
  assert.equal(fileMeasures(evaluateStage(stage(), [])).ucrTop1, undefined);
  // a padded event 0..3: its alarm is its first step above the threshold (2), not its start (0, before the label)
  const padded = stage();
  padded.events = [ev(0, 3)];
  padded.thresholds.fill(0.5);
  assert.deepEqual(evaluateStage(padded, labels).nab, nabScore(at(2), [[2, 5]]));
  padded.thresholds.fill(9); // no step above: the event's first step
  assert.deepEqual(evaluateStage(padded, labels).nab, nabScore(at(0), [[2, 5]]));
});
