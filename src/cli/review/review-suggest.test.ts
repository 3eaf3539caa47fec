import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoredWindow } from '../../result';
import { matchCounts, spansOf, suggestThreshold, windowEventSpans } from './review-suggest';

const day = (i: number): string => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
/** Windows of 3 steps, one ending at each day 2..21, with these MAEs. */
const windows = (mae: number[]): ScoredWindow[] =>
  mae.map((m, i) => ({ start: day(i), end: day(i + 2), mae: m, anomaly: false }));
const W = windows([1, 1, 5, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 4, 4, 1, 1, 1]);

test('windowEventSpans: runs of windows above the threshold, from first start to last end', () => {
  assert.deepEqual(
    windowEventSpans(W, 3.5, 3),
    spansOf([
      { start: day(2), end: day(4) },
      { start: day(15), end: day(18) },
    ]),
  );
  assert.equal(windowEventSpans(W, 2, 3).length, 3);
});

test('suggestThreshold: the highest-F1 threshold over the quantile candidates, ties to fewer false positives', () => {
  // marks at the MAE-5 and MAE-4 windows only: a threshold in [3, 4) flags exactly those (F1 1)
  const marks = spansOf([
    { start: day(3), end: day(3) },
    { start: day(16), end: day(17) },
  ]);
  const s = suggestThreshold(W, marks, 3);
  assert.equal(s.threshold, 3);
  assert.deepEqual([s.counts.tp, s.counts.fp, s.counts.fn, s.events], [2, 0, 0, 2]);
  assert.equal(s.candidates, 4); // distinct MAEs 1, 3, 4, 5
  // marking the MAE-3 window too: 1 flags all three (and the 1s are not above it)
  const all = suggestThreshold(W, [...marks, ...spansOf([{ start: day(9), end: day(10) }])], 3);
  assert.equal(all.threshold, 1);
  assert.equal(all.counts.f1, 1);
  // no marks: the best is no event at all, the highest candidate
  const none = suggestThreshold(W, [], 3);
  assert.deepEqual([none.threshold, none.counts.f1, none.events], [5, 1, 0]);
  assert.equal(matchCounts([], [[0, 1]]).f1, 0);
});

test('suggestThreshold: equal F1 and false positives go to the higher threshold', () => {
  // MAE 2 right before MAE 6: above 1 both are flagged and form one event, above 2 only the 6; both match the mark
  const w = windows([1, 1, 1, 1, 1, 1, 2, 6, 1, 1, 1, 1, 1, 1, 1]);
  const s = suggestThreshold(w, spansOf([{ start: day(8), end: day(8) }]), 3);
  assert.deepEqual([s.threshold, s.counts.f1, s.counts.fp, s.events], [2, 1, 0, 1]);
});
