import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeWindows, pickWindows } from './windows';

test('makeWindows: n - window + 1 windows, step-major then feature', () => {
  const w = makeWindows(
    [
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
    ],
    3,
  );
  assert.equal(w.n, 2);
  assert.equal(w.features, 2);
  assert.deepEqual(Array.from(w.x), [1, 10, 2, 20, 3, 30, 2, 20, 3, 30, 4, 40]);
});

test('makeWindows: exactly window rows gives one window; fewer is refused with the count needed', () => {
  assert.equal(makeWindows([[1], [2], [3]], 3).n, 1);
  assert.throws(
    () => makeWindows([[1], [2]], 3, 'test part'),
    /too few rows: the test part has 2 rows, a window of 3 needs at least 3/,
  );
  assert.throws(() => makeWindows([], 30), /has 0 rows/);
});

test('makeWindows: invalid window sizes', () => {
  assert.throws(() => makeWindows([[1], [2]], 0), /invalid window: 0 \(an integer >= 1\)/);
  assert.throws(() => makeWindows([[1], [2]], 2.5), /invalid window: 2.5/);
});

test('makeWindows: window 1 gives one window per row (a table without time order)', () => {
  const w = makeWindows(
    [
      [1, 10],
      [2, 20],
      [3, 30],
    ],
    1,
  );
  assert.deepEqual([w.n, w.window, w.features, Array.from(w.x)], [3, 1, 2, [1, 10, 2, 20, 3, 30]]);
});

test('pickWindows: copies the chosen windows in the given order', () => {
  const w = makeWindows([[1], [2], [3], [4]], 2);
  assert.deepEqual(Array.from(pickWindows(w, [2, 0]).x), [3, 4, 1, 2]);
  assert.equal(pickWindows(w, []).n, 0);
});
