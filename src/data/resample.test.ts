import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { dateStoreOf } from './compact-dates';
import { resample } from './resample';
import { compactSeries, hasCompactDates } from './series';

const s = {
  dates: [
    '2014-01-01T00:00:00',
    '2014-01-01T00:05:00',
    '2014-01-01T00:10:00',
    '2014-01-01T00:35:00',
    '2014-01-01T01:00:00',
  ],
  values: [
    [1, 10],
    [3, 20],
    [5, 30],
    [7, 40],
    [9, 50],
  ],
  columns: ['a', 'b'],
  source: 'test',
};

test('resample: mean per bucket, dated by the bucket start, empty buckets left out', () => {
  const r = resample(s, '10min');
  assert.deepEqual(r.dates, [
    '2014-01-01T00:00:00',
    '2014-01-01T00:10:00',
    '2014-01-01T00:30:00',
    '2014-01-01T01:00:00',
  ]);
  assert.deepEqual(r.values, [
    [2, 15],
    [5, 30],
    [7, 40],
    [9, 50],
  ]);
  assert.deepEqual(resample(s, '1h').values, [
    [4, 25],
    [9, 50],
  ]);
  const d = resample(s, '1d');
  assert.deepEqual([d.dates, d.values, d.columns, d.source], [['2014-01-01'], [[5, 30]], ['a', 'b'], 'test']);
  const daily = { dates: ['2020-01-01', '2020-01-02'], values: [[1], [2]], columns: ['v'], source: 'x' };
  assert.deepEqual(resample(daily, '1h').dates, ['2020-01-01T00:00:00', '2020-01-02T00:00:00']);
  assert.deepEqual(resample({ ...s, dates: [], values: [] }, '1h').values, []);
});

test('resample: unknown rule refused in one line', () => {
  assert.throws(
    () => resample(s, '5min'),
    (e: unknown) => e instanceof InputError && e.message === 'invalid resample: 5min (10min, 1h or 1d)',
  );
});

test('resample: a compact series gives the same means without making its date strings or rows', () => {
  const c = compactSeries(
    dateStoreOf(s.dates) as NonNullable<ReturnType<typeof dateStoreOf>>,
    s.values.map((r) => [...r]),
    s.columns,
    s.source,
  );
  const r = resample(c, '10min');
  assert.ok(hasCompactDates(c), 'the date strings were made');
  assert.deepEqual([r.dates, r.values], [resample(s, '10min').dates, resample(s, '10min').values]);
});
