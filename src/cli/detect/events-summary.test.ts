import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreCounts } from '../../evaluate/counts';
import type { RunResult } from '../../result';
import { eventSummary } from './events-summary';

const ev = (s: string, e: string, severity: number) => ({
  start: s,
  end: e,
  startIndex: 0,
  endIndex: 1,
  peak: s,
  peakScore: 1,
  severity,
});

test('eventSummary: N events (M windows), the most severe first, the explanation and the evaluation', () => {
  const r = {
    events: [ev('a', 'b', 1), ev('c', 'c', 3)],
    test: [{ anomaly: true }, { anomaly: true }, { anomaly: false }],
    threshold: { method: 'percentile', value: 1, percentile: 95, explanation: 'x = 1' },
  } as unknown as RunResult;
  assert.deepEqual(eventSummary(r), ['2 events (2 windows): c; a .. b', 'threshold: x = 1']);
  r.evaluation = {
    labels: 1,
    labelsOutside: 0,
    overlap: scoreCounts(1, 1, 0),
    pointwise: scoreCounts(1, 1, 2),
    aucPr: NaN,
    eventHits: [],
    labelHits: [],
  };
  assert.equal(
    eventSummary(r)[2],
    'evaluation against 1 label: overlap-segment P 0.500 R 1.000 F1 0.667 ' +
      '(tp 1, fp 1, fn 0); point-wise F1 0.400; AUC-PR -',
  );
  assert.equal(eventSummary({ test: [], threshold: {} } as unknown as RunResult)[0], '0 events (0 windows)');
  // nothing flagged: no precision to give, so 'no events' rather than NaN
  r.events = [];
  r.evaluation = { ...r.evaluation, overlap: scoreCounts(0, 0, 2) };
  const line = eventSummary(r)[2];
  assert.match(line, /overlap-segment: no events \(tp 0, fp 0, fn 2\)/);
  assert.doesNotMatch(line, /NaN/);
  assert.equal(eventSummary(r).length, 3);
  // labels in the training part: their count, said as misses
  r.evaluation = { ...r.evaluation, labelsOutside: 2 };
  assert.equal(eventSummary(r)[3], '2 labels outside the scored span (in the training part): counted as misses (fn)');
});

test('eventSummary: one indented line per shown event with its explanation', () => {
  const r = {
    events: [
      { ...ev('a', 'b', 1), explanation: 'close fell 10% in 3 days.' },
      { ...ev('c', 'c', 3), explanation: 'close rose 5% in 1 day.' },
    ],
    test: [],
    threshold: {},
  } as unknown as RunResult;
  assert.deepEqual(eventSummary(r), [
    '2 events (0 windows): c; a .. b',
    '  c: close rose 5% in 1 day.',
    '  a .. b: close fell 10% in 3 days.',
  ]);
});
