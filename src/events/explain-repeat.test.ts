import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrate, explainEvent, typicalMove } from './explain';

// explainEvent keeps what depends on the whole column and training scores per array (a run explains thousands of
// events against the same ones): every call must give what the plain functions give.
const n = 400;
const values = Float64Array.from({ length: n }, (_, i) => 100 + 10 * Math.sin(i / 7) + (i % 5));
const dates = Array.from({ length: n }, (_, i) => `t${i}`);
const trainScores = Array.from({ length: 300 }, (_, i) => (i % 10) / 10); // ties at every score
const input = (lo: number, hi: number, peak: number) => ({
  dates,
  values,
  column: 'x',
  lo,
  hi,
  trainRows: 300,
  steps: hi - lo,
  peakScore: peak,
  thresholdAtPeak: 0.5,
  peakWindowScore: peak,
  trainScores,
});

test('explainEvent on the same arrays again and again: ranks (ties too) and typical moves as computed afresh', () => {
  for (const [lo, hi, peak] of [
    [310, 318, 0.5],
    [320, 330, 0.3],
    [310, 318, 0.95],
    [350, 351, -1],
    [360, 399, 0.9],
    [310, 318, Number.NaN],
  ]) {
    const { explained } = explainEvent(input(lo, hi, peak));
    assert.deepEqual(explained.trainRank, calibrate(trainScores, peak), `rank of ${peak}`);
    const m = explained.move!;
    assert.deepEqual(
      { typical: m.typical, steps: m.typicalSteps },
      typicalMove(Array.from(values), 300, m.steps, true),
      `typical move of ${m.steps} steps`,
    );
  }
  assert.deepEqual(explainEvent(input(310, 318, 0.5)).explained.trainRank, { below: 150, ties: 30, of: 300 });
});
