import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorBounds } from './trim';

test('errorBounds: from the first to the last step strictly above the level, else the span unchanged', () => {
  assert.deepEqual(errorBounds([0, 0, 5, 1, 6, 0], 0.5, 0, 5), [2, 4]);
  assert.deepEqual(errorBounds([9, 0, 5, 1, 6, 9], 0.5, 1, 4), [2, 4]); // steps outside [a, b] are not looked at
  assert.deepEqual(errorBounds([0, 0.5, 0], 0.5, 0, 2), [0, 2]); // equal is not above
  assert.deepEqual(errorBounds([0, 0, 3], 1, 0, 2), [2, 2]);
  assert.deepEqual(errorBounds([Number.NaN, 2, Number.NaN], 1, 0, 2), [1, 1]);
});
