import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSeriesCsv } from './load-csv';
import { dateAt, dateStore, hasCompactDates, hasCompactValues, rowCount, valueAt } from './series';

test('a CSV loads as a compact series: dates as milliseconds in the loader form, values as typed columns', () => {
  const s = parseSeriesCsv('Date,Close,Volume\n2020-01-02,10,5\n2020-01-03 09:30:00,11.5,6\n2020-01-06,12,7\n', {
    valueCols: ['Close', 'Volume'],
  });
  assert.ok(hasCompactDates(s) && hasCompactValues(s));
  assert.deepEqual([...dateStore(s)!.ms], [Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3, 9, 30), Date.UTC(2020, 0, 6)]);
  assert.equal(rowCount(s), 3);
  assert.equal(dateAt(s, 0), '2020-01-02T00:00:00'); // one form: with a time, as unifyDates gives
  assert.equal(valueAt(s, 1, 0), 11.5);
  assert.deepEqual(s.dates, ['2020-01-02T00:00:00', '2020-01-03T09:30:00', '2020-01-06T00:00:00']);
  assert.deepEqual(s.values, [
    [10, 5],
    [11.5, 6],
    [12, 7],
  ]);
});

test('dates finer than a millisecond stay strings, exactly as parsed', () => {
  const s = parseSeriesCsv('Date,Close\n2020-01-02,1\n2020-01-02T00:00:00.1234,2\n2020-01-02T00:00:01,3\n');
  assert.ok(!hasCompactDates(s) && hasCompactValues(s));
  assert.deepEqual(s.dates, ['2020-01-02T00:00:00', '2020-01-02T00:00:00.1234', '2020-01-02T00:00:01']);
});

test('order errors of a compact series name the lines and the dates as before', () => {
  assert.throws(
    () => parseSeriesCsv('Date,Close\n2020-01-02 10:00:00,1\n2020-01-02 10:00:00,2\n', { source: 'd.csv' }),
    /^InputError: d\.csv: duplicate dates: 2020-01-02T10:00:00 at lines 2 and 3; each date must appear once/,
  );
  assert.throws(
    () => parseSeriesCsv('Date,Close\n2020-01-03,1\n2020-01-02,2\n2020-01-04,3\n', { source: 'd.csv' }),
    /d\.csv: dates out of order: line 3 \(2020-01-02\) after line 2 \(2020-01-03\)/,
  );
  const kept = parseSeriesCsv('Date,Close\n2020-01-03,1\n2020-01-02,2\n', { order: 'keep' });
  assert.deepEqual(kept.dates, ['2020-01-03', '2020-01-02']);
});

test('missing values with --fill give the same series as before (arrays)', () => {
  const s = parseSeriesCsv('Date,Close\n2020-01-02,1\n2020-01-03,\n2020-01-06,3\n', { fill: 'ffill' });
  assert.deepEqual(s, {
    dates: ['2020-01-02', '2020-01-03', '2020-01-06'],
    values: [[1], [1], [3]],
    columns: ['Close'],
    source: 'CSV',
  });
  const d = parseSeriesCsv('Date,Close\n2020-01-02,1\n2020-01-03,x\n2020-01-06,3\n', { fill: 'drop' });
  assert.deepEqual(d.dates, ['2020-01-02', '2020-01-06']);
});

test('compact series share their accessors (one hidden class), and a spread or an assignment still works', () => {
  // A getter closure per series gives each its own hidden class, which the young-generation garbage collector
  // copies and promotes: `watch` parses every row into one (the 5-9 ms pauses it had every few hundred rows).
  const a = parseSeriesCsv('Date,value\n2020-01-02,1\n2020-01-03,2\n');
  const b = parseSeriesCsv('Date,value\n2021-05-02,7\n');
  for (const k of ['dates', 'values']) {
    const get = Object.getOwnPropertyDescriptor(a, k)?.get;
    assert.equal(typeof get, 'function', k);
    assert.equal(get, Object.getOwnPropertyDescriptor(b, k)?.get, k);
  }
  assert.deepEqual({ ...b }, { dates: ['2021-05-02'], values: [[7]], columns: ['value'], source: 'CSV' });
  a.values = [[5], [6]];
  assert.equal(valueAt(a, 1, 0), 6);
  assert.ok(!hasCompactValues(a) && hasCompactDates(a));
  a.dates = ['x', 'y'];
  assert.equal(dateAt(a, 0), 'x');
  assert.deepEqual(b.values, [[7]]); // b is its own
});
