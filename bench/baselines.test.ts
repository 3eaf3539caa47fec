import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { averagePrecision } from './baselines';

test('averagePrecision: hand-computed, ties as one threshold, no positives', () => {
  // Ranks 1 and 3 are positive: (1/2) x 1 + (1/2) x (2/3).
  assert.equal(averagePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false]), 0.5 + 1 / 3);
  // The tie at 1 is one threshold: precision 1/2 at recall 1/2, then 2/3 at recall 1.
  assert.equal(averagePrecision([1, 1, 0], [true, false, true]), 0.25 + 1 / 3);
  assert.equal(averagePrecision([3, 2, 1], [true, true, false]), 1);
  assert.ok(Number.isNaN(averagePrecision([1, 2], [false, false])));
  assert.throws(() => averagePrecision([1], []), /1 scores for 0 labels/);
});
