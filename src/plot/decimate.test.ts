import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimate, pick, rowsOf } from './decimate';
import { binScores, maeHistogram } from './histogram';
import { plotText } from './text';

test('decimate: a short line is kept whole; empty and one point', () => {
  assert.deepEqual(decimate([3, 1, 2], 2), [0, 1, 2]);
  assert.deepEqual(decimate([], 2), []);
  assert.deepEqual(decimate([7], 1), [0]);
});

test('decimate: first, min and max of each bucket, the last point, and every kept index', () => {
  // 12 points, 3 buckets of 4: [5,1,9,2] -> 0,1,2; [4,4,0,8] -> 4,6,7; [3,6,2,5] -> 8,9,10; last 11
  const v = [5, 1, 9, 2, 4, 4, 0, 8, 3, 6, 2, 5];
  assert.deepEqual(decimate(v, 3), [0, 1, 2, 4, 6, 7, 8, 9, 10, 11]);
  // an anomaly at index 3 (neither min nor max of its bucket) and 5 are always kept; out-of-range ones ignored
  assert.deepEqual(decimate(v, 3, [3, 5, -1, 99]), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(pick(['a', 'b', 'c', 'd'], [0, 3]), ['a', 'd']);
});

test('decimate: a million points become at most 3 per bucket and keep the extremes', () => {
  const n = 1_000_000;
  const v = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 1000));
  v[123457] = 50;
  v[765433] = -50;
  const idx = decimate(v, 2000, [500001]);
  assert.ok(idx.length <= 3 * 2000 + 2, `${idx.length} points`);
  for (const i of [0, 123457, 765433, 500001, n - 1]) assert.ok(idx.includes(i), `index ${i} kept`);
});

test('plotText: markup becomes plain text for Plotly', () => {
  assert.equal(
    plotText('<a href="https://e.x">x</a> & <b>'),
    '&lt;a href="https://e.x"&gt;x&lt;/a&gt; &amp; &lt;b&gt;',
  );
  assert.equal(plotText('Adj Close'), 'Adj Close');
  assert.equal(plotText(''), '');
});

test('binScores: equal bins with the maximum in the last; constant and empty inputs', () => {
  assert.deepEqual(binScores([0, 1, 1, 2], 2), { centers: [0.5, 1.5], counts: [1, 3], width: 1 });
  assert.deepEqual(binScores([3, 3], 4), { centers: [3.5], counts: [2], width: 1 });
  assert.deepEqual(binScores([NaN], 4), { centers: [], counts: [], width: 0 });
  const big = maeHistogram(
    Array.from({ length: 20000 }, (_, i) => i / 20000),
    0.5,
    't',
  );
  assert.equal(big.data[0].type, 'bar');
  assert.equal(
    (big.data[0].y as number[]).reduce((a, b) => a + b, 0),
    20000,
  );
});

test('rowsOf: binary search in sorted dates, a table for unsorted ones, -1 when absent', () => {
  const d = ['2020-01-01', '2020-01-02', '2020-01-03'];
  assert.deepEqual(rowsOf(d, ['2020-01-03', '2019-12-31', '2020-01-01', '2020-01-04']), [2, -1, 0, -1]);
  assert.deepEqual(rowsOf(['b', 'a', 'b'], ['b', 'a', 'c']), [0, 1, -1]);
  assert.deepEqual(rowsOf([], ['a']), [-1]);
});

test('decimate: a bucket that starts with NaN still keeps its lowest and highest numbers', () => {
  // 8 points, 2 buckets of 4: [NaN, 3, 9, 1] keeps 0 (first), 3 (min), 2 (max); [4, NaN, 2, 6] keeps 4, 6, 7
  assert.deepEqual(decimate([Number.NaN, 3, 9, 1, 4, Number.NaN, 2, 6], 2), [0, 2, 3, 4, 6, 7]);
  assert.deepEqual(decimate([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN], 2), [0, 2, 4]);
});
