import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsCsv } from './csv';
import { calibrate, explainEvent, largestMove, sentenceOf, typicalMove } from './explain';

// training: 20 rows growing 1% a step, so every 3-step move is exactly 1.01^3 - 1 = 3.0301%;
// then a 10% drop over 3 steps (3%, 6%, 10% below row 19), then flat
const base = 100 * 1.01 ** 19;
const values = [
  ...Array.from({ length: 20 }, (_, i) => 100 * 1.01 ** i),
  base * 0.97,
  base * 0.94,
  base * 0.9,
  base * 0.9,
];
const dates = values.map((_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`);
// 1000 training window scores 0.001 .. 1.000
const trainScores = Array.from({ length: 1000 }, (_, i) => (i + 1) / 1000);

test('largestMove: the pair i < j of largest relative (positive) or absolute change', () => {
  const m = largestMove(values, 19, 22, true)!;
  assert.deepEqual([m.i, m.j], [19, 22]);
  assert.ok(Math.abs(m.relative! + 0.1) < 1e-12);
  assert.deepEqual(largestMove([0, -5, 2, 1], 0, 3, false), { i: 1, j: 2, change: 7 });
  assert.equal(largestMove(values, 3, 3, true), undefined);
});

test('typicalMove: median k-step move over the training rows, k capped at half of them', () => {
  const t = typicalMove(values, 20, 3, true);
  assert.equal(t.steps, 3);
  assert.ok(Math.abs(t.typical - (1.01 ** 3 - 1)) < 1e-12);
  assert.deepEqual(typicalMove([0, 1, 3, 6, 10], 5, 1, false), { typical: 2.5, steps: 1 });
  assert.equal(typicalMove(values, 20, 50, true).steps, 10);
});

test('calibrate: training scores strictly below, equal, and in all', () => {
  assert.deepEqual(calibrate([1, 2, 3, 3], 3), { below: 2, ties: 2, of: 4 });
  assert.deepEqual(calibrate(trainScores, 0.9985), { below: 998, ties: 0, of: 1000 });
});

test('explainEvent: a 10% drop over 3 steps, its multiple, rank and expected value, in one sentence', () => {
  const { explained, sentence } = explainEvent({
    dates,
    values,
    column: 'close',
    lo: 19,
    hi: 22,
    trainRows: 20,
    steps: 3,
    peakScore: 2.4,
    thresholdAtPeak: 1,
    peakWindowScore: 0.9985,
    trainScores,
    expected: { column: 'close', date: dates[22], value: 123.4, actual: base * 0.9 },
    unit: 'day',
  });
  assert.equal(explained.move?.steps, 3);
  assert.equal(explained.move?.fromDate, '2020-01-20');
  assert.equal(explained.move?.toDate, '2020-01-23');
  assert.ok(Math.abs(explained.moveMultiple! - 0.1 / (1.01 ** 3 - 1)) < 1e-9); // 3.30
  assert.ok(Math.abs(explained.errorVsThreshold! - 2.4) < 1e-12);
  assert.equal(explained.calibrated, 0.998);
  assert.deepEqual(explained.trainRank, { below: 998, ties: 0, of: 1000 });
  assert.equal(
    sentence,
    'close fell 10% in 3 days (121 on 2020-01-20 to 109 on 2020-01-23), 3.3x the usual 3-day move; error 2.4x the threshold, higher than ' +
      '99.8% of training windows; 3 days long; at the peak 2020-01-23 the reconstruction expected close 123, not 109.',
  );
});

test('explainEvent: without a reconstruction, no expected clause; a flat training part gives no multiple', () => {
  const flat = [5, 5, 5, 5, 5, 5, 7, 5];
  const { explained, sentence } = explainEvent({
    dates: flat.map((_, i) => `t${i}`),
    values: flat.map((v) => v - 6), // not positive: units
    column: 'x',
    lo: 5,
    hi: 7,
    trainRows: 6,
    steps: 2,
    peakScore: 3,
    thresholdAtPeak: 0,
    peakWindowScore: 3,
    trainScores: [1, 2, 3],
    channel: { name: 'x', share: 0.75 },
  });
  assert.equal(explained.moveMultiple, undefined);
  assert.equal(explained.errorVsThreshold, undefined);
  assert.equal(explained.expected, undefined);
  assert.equal(explained.move?.relative, undefined);
  assert.equal(
    sentence,
    'x rose 2 in 1 step (-1 on t5 to 1 on t6); higher than 66.7% of training windows (1 equal); 2 steps long; ' +
      'mostly in x (75% of the error).',
  );
});

test('sentenceOf: a score above every training window says so', () => {
  assert.equal(
    sentenceOf({ trainRank: { below: 5, ties: 0, of: 5 }, calibrated: 1, steps: 1, errorVsThreshold: 1.23456 }, 'day'),
    'error 1.23x the threshold, higher than all 5 training windows; 1 day long.',
  );
});

test('sentenceOf: a stuck sensor inside the event is said first', () => {
  const stuck = { column: 'temp', fromDate: 'd1', toDate: 'd12', steps: 12, value: 21.04999 };
  assert.equal(
    sentenceOf({ trainRank: { below: 0, ties: 0, of: 0 }, calibrated: Number.NaN, steps: 30, stuck }, 'step'),
    'temp stuck at 21 for 12 steps (d1 to d12); 30 steps long.',
  );
});

test('eventsCsv: explanation columns after the existing ones, only when events carry them', () => {
  const { explained, sentence } = explainEvent({
    dates,
    values,
    column: 'close',
    lo: 19,
    hi: 22,
    trainRows: 20,
    steps: 3,
    peakScore: 2.4,
    thresholdAtPeak: 1,
    peakWindowScore: 0.9985,
    trainScores,
  });
  const ev = { start: 'a', end: 'b', startIndex: 0, endIndex: 2, peak: 'b', peakScore: 2.4, severity: 1 };
  assert.equal(eventsCsv([ev]).split('\n')[0], 'start,end,start_index,end_index,steps,peak,peak_score,severity');
  const [head, row] = eventsCsv([{ ...ev, explained, explanation: sentence }]).split('\n');
  assert.equal(
    head,
    'start,end,start_index,end_index,steps,peak,peak_score,severity,move_column,move_change,move_percent,' +
      'move_steps,move_multiple,error_vs_threshold,calibrated,train_below,train_ties,train_windows,channel,' +
      'expected,explanation',
  );
  assert.ok(row.startsWith('a,b,0,2,3,b,2.4,1,close,-12.0811,-10,3,3.30022,2.4,0.998,998,0,1000,,,"close fell 10%'));
});
