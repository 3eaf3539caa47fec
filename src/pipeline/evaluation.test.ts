import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnomalyEvent } from '../events/events';
import { evaluateStage } from './evaluation';
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
    steps: { length: 10, features: 1, x: scores, recon: scores, perFeature: scores, scores, smoothing: 1 },
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

test('evaluateStage: labels outside the scored span are left out and counted', () => {
  const e = evaluateStage(stage(), [
    { start: '2019-01-01', end: '2019-02-01' },
    { start: '2020-01-03', end: '2020-01-03' },
  ]);
  assert.equal(e.labels, 1);
  assert.equal(e.labelsOutside, 1);
  assert.deepEqual([e.overlap.tp, e.overlap.fp, e.overlap.fn], [1, 1, 0]);
});
