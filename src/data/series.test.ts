import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateStoreOf } from './compact-dates';
import {
  column,
  compactSeries,
  dateAt,
  datesOf,
  firstRowFrom,
  hasCompactDates,
  hasCompactValues,
  indexOfDate,
  rowCount,
  rowsOf,
  rowsOfDates,
  sliceSeries,
  valueAt,
  valueTable,
} from './series';

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

test('a compact series reads through the accessors without making arrays, and makes identical ones when read', () => {
  const dates = ['2020-01-02T00:00:00', '2020-01-02T00:00:01.5', '2020-01-03T00:00:00'];
  const cols = [Float64Array.of(1, 2, 3), Float64Array.of(10, 20, 30)];
  const s = compactSeries(dateStoreOf(dates)!, cols, ['a', 'b'], 'x.csv');
  assert.equal(rowCount(s), 3);
  assert.equal(dateAt(s, 1), '2020-01-02T00:00:01.5');
  assert.equal(valueAt(s, 2, 1), 30);
  assert.equal(column(s, 1), cols[1]); // the column itself, no copy
  assert.deepEqual(datesOf(s, 1), dates.slice(1));
  assert.equal(firstRowFrom(s, '2020-01-02T00:00:01'), 1);
  assert.equal(firstRowFrom(s, '2020-01-03'), 2); // a bare day sorts before that day's times
  assert.equal(firstRowFrom(s, '2020-01-04'), -1);
  assert.equal(indexOfDate(s, '2020-01-03T00:00:00'), 2);
  assert.equal(indexOfDate(s, '2020-01-03'), -1); // not a date of this series (it prints with a time)
  assert.deepEqual([...rowsOfDates(s, ['2020-01-03T00:00:00', 'nope'])], [['2020-01-03T00:00:00', 2]]);
  const t = valueTable(s, 1);
  assert.deepEqual([t.length, t.features, t.at(0, 0), t.at(1, 1)], [2, 2, 2, 30]);
  assert.deepEqual(rowsOf(t), [
    [2, 20],
    [3, 30],
  ]);
  assert.ok(hasCompactDates(s) && hasCompactValues(s));
  // the same series as arrays: equal to the plain literal, and the arrays are what the accessors read after
  assert.deepStrictEqual(s, {
    dates,
    values: [
      [1, 10],
      [2, 20],
      [3, 30],
    ],
    columns: ['a', 'b'],
    source: 'x.csv',
  });
  assert.ok(!hasCompactDates(s) && !hasCompactValues(s));
  s.values[0][1] = 99;
  s.dates[0] = '2019-12-31';
  assert.equal(valueAt(s, 0, 1), 99);
  assert.equal(dateAt(s, 0), '2019-12-31');
});

test('sliceSeries keeps a compact series compact, sharing its columns', () => {
  const s = compactSeries(
    dateStoreOf(['2020-01-01', '2020-01-02', '2020-01-03'])!,
    [Float64Array.of(1, 2, 3)],
    ['x'],
    't',
  );
  const tail = sliceSeries(s, 1, 3);
  assert.ok(hasCompactDates(tail) && hasCompactValues(tail));
  assert.equal(dateAt(tail, 0), '2020-01-02');
  assert.equal(column(tail, 0).buffer, column(s, 0).buffer);
  assert.deepEqual(sliceSeries(s, -2, 3), {
    dates: ['2020-01-02', '2020-01-03'],
    values: [[2], [3]],
    columns: ['x'],
    source: 't',
  });
  assert.deepEqual(sliceSeries(s, 2, 1).dates, []);
  // the same rows as slicing the arrays
  const plain = { dates: [...s.dates], values: s.values.map((r) => [...r]), columns: ['x'], source: 't' };
  assert.deepEqual(sliceSeries(plain, 1, 3), tail);
});

test("rowsOfDates with 'first' gives a repeated date's first row, as indexOf does, for arrays and compact dates", () => {
  const dates = ['2020-01-01', '2020-01-02', '2020-01-02', '2020-01-05'];
  const s = compactSeries(dateStoreOf(dates)!, [Float64Array.of(1, 2, 3, 4)], ['x'], 't');
  for (const d of [dates, s]) {
    assert.deepEqual(
      [...rowsOfDates(d, ['2020-01-02', '2020-01-05'], 'first')],
      [
        ['2020-01-02', 1],
        ['2020-01-05', 3],
      ],
    );
    assert.deepEqual([...rowsOfDates(d, ['2020-01-02'])], [['2020-01-02', 2]]);
  }
  assert.ok(hasCompactDates(s));
});
