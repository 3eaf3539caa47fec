import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillMissing } from './fill';

test('fillMissing ffill carries the last value per column, also over runs', () => {
  const f = fillMissing(
    [
      [1, 10],
      [null, 20],
      [null, null],
      [4, 40],
    ],
    'ffill',
  );
  assert.deepEqual(f.values, [
    [1, 10],
    [1, 20],
    [1, 20],
    [4, 40],
  ]);
  assert.deepEqual(f.kept, [0, 1, 2, 3]);
});

test('fillMissing drop removes rows with any missing value', () => {
  const f = fillMissing(
    [
      [1, 10],
      [null, 20],
      [3, null],
      [4, 40],
    ],
    'drop',
  );
  assert.deepEqual(f.values, [
    [1, 10],
    [4, 40],
  ]);
  assert.deepEqual(f.kept, [0, 3]);
});

test('fillMissing: complete rows pass every mode unchanged; empty input is empty', () => {
  for (const mode of ['none', 'ffill', 'drop'] as const) {
    assert.deepEqual(fillMissing([[1], [2]], mode).values, [[1], [2]]);
    assert.deepEqual(fillMissing([], mode), { values: [], kept: [] });
  }
});

test('fillMissing errors name the row and column', () => {
  const at = (r: number) => `f.csv line ${r + 2}`;
  assert.throws(
    () => fillMissing([[1], [null]], 'none', { columns: ['Close'], at }),
    /^InputError: f\.csv line 3: missing value in column "Close" \(use --fill ffill\|drop\)$/,
  );
  assert.throws(
    () =>
      fillMissing(
        [
          [1, null],
          [2, 3],
        ],
        'ffill',
        { columns: ['A', 'B'], at },
      ),
    /f\.csv line 2: the first value of column "B" is missing, so --fill ffill has nothing to carry forward/,
  );
  assert.throws(() => fillMissing([[null], [null]], 'drop', { at }), /f\.csv line 2: every row has a missing value/);
});
