import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sweepThresholds, thresholdSweep } from './sweep';

const dates = Array.from({ length: 10 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`);
//                 0  1  2  3  4  5  6  7  8  9
const scores = [0, 1, 5, 5, 0, 0, 3, 0, 0, 2];
const labels = [
  { start: '2020-01-03', end: '2020-01-04' },
  { start: '2020-01-09', end: '2020-01-10' },
];

test('thresholdSweep: lower thresholds find more labels and raise more false alarms', () => {
  const [high, mid, low] = thresholdSweep(scores, dates, labels, [4, 2.5, 0.5]);
  assert.deepEqual(high, { threshold: 4, flaggedSteps: 2, events: 1, tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
  assert.deepEqual([mid.events, mid.tp, mid.fp, mid.fn], [2, 1, 1, 1]);
  assert.deepEqual([low.flaggedSteps, low.events, low.tp, low.fp, low.fn], [5, 3, 2, 1, 0]);
  assert.equal(low.recall, 1);
  const none = thresholdSweep(scores, dates, labels, [9])[0];
  assert.deepEqual([none.events, none.tp, none.fn], [0, 0, 2]);
  assert.ok(Number.isNaN(none.precision));
  assert.throws(() => thresholdSweep(scores, dates, [{ start: '2021-01-01', end: '2021-01-02' }], [1]), /outside/);
});

test('sweepThresholds: from the median to the highest score', () => {
  assert.deepEqual(sweepThresholds([5, 1, 4, 2, 3], 3), [3, 4, 5]);
  assert.deepEqual(sweepThresholds([NaN, 2], 2), [2, 2]);
  assert.deepEqual(sweepThresholds([], 4), []);
});
