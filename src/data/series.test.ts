import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsOfDates, sliceSeries } from './series';

test('rowsOfDates gives the row of each date asked for, the last one of a repeated date, none for absent ones', () => {
  const dates = ['2020-01-01', '2020-01-02', '2020-01-02', '2020-01-05'];
  const rows = rowsOfDates(dates, ['2020-01-05', '2020-01-02', '1999-12-31', '2020-01-05']);
  assert.deepEqual([...rows].sort(), [
    ['2020-01-02', 2],
    ['2020-01-05', 3],
  ]);
  // the same as an index of every date (new Map(dates.map((d, i) => [d, i])))
  const all = new Map(dates.map((d, i) => [d, i]));
  for (const [d, i] of rows) assert.equal(all.get(d), i);
  assert.equal(rowsOfDates(dates, []).size, 0);
});

test('sliceSeries keeps rows [start, end) with the same columns and source', () => {
  const s = { dates: ['a', 'b', 'c'], values: [[1], [2], [3]], columns: ['x'], source: 't' };
  assert.deepEqual(sliceSeries(s, 1, 3), { dates: ['b', 'c'], values: [[2], [3]], columns: ['x'], source: 't' });
});
