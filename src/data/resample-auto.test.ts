import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateStoreOf } from './compact-dates';
import { autoResample, medianStep, stepText } from './resample-auto';
import { compactSeries, hasCompactDates, type Series } from './series';

const START = Date.parse('2014-01-01T00:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** `n` rows whose gaps are `gap(i)` milliseconds (row i comes gap(i) after row i-1). */
function series(n: number, gap: (i: number) => number): Series {
  const dates: string[] = [];
  const values: number[][] = [];
  let t = START;
  for (let i = 0; i < n; i++) {
    if (i > 0) t += gap(i);
    dates.push(iso(t));
    values.push([i]);
  }
  return { dates, values, columns: ['v'], source: 'test' };
}
const MIN = 60_000;

test('autoResample: 3,999 rows at 5 min are left as they are', () => {
  const s = series(3999, () => 5 * MIN);
  const r = autoResample(s);
  assert.equal(r.chosen, 'none');
  assert.equal(r.series, s);
  assert.equal(r.why, '3,999 rows, under 4,000');
});

test('autoResample: 4,000 rows at 5 min become 10-minute means', () => {
  const r = autoResample(series(4000, () => 5 * MIN));
  assert.equal(r.chosen, '10min');
  assert.equal(r.why, 'median step 5 min, 4,000 rows');
  assert.equal(r.series.dates.length, 2000);
  assert.deepEqual(r.series.values.slice(0, 2), [[0.5], [2.5]]);
});

test('autoResample: 4,000 rows at 10 min are left as they are', () => {
  const s = series(4000, () => 10 * MIN);
  const r = autoResample(s);
  assert.equal(r.chosen, 'none');
  assert.equal(r.series, s);
  assert.equal(r.why, 'median step 10 min, not under 10 min');
});

test('autoResample: irregular gaps with a median under 10 min are aggregated', () => {
  // gaps cycle 1, 3, 60 minutes: the median is 3 min though the mean is over 20
  const s = series(4500, (i) => [1, 3, 60][i % 3] * MIN);
  assert.equal(medianStep(s), 3 * MIN);
  const r = autoResample(s);
  assert.equal(r.chosen, '10min');
  assert.equal(r.why, 'median step 3 min, 4,500 rows');
});

test('autoResample: a compact series is decided without making its dates', () => {
  const s = series(4000, () => 10 * MIN);
  const c = compactSeries(
    dateStoreOf(s.dates) as NonNullable<ReturnType<typeof dateStoreOf>>,
    s.values,
    s.columns,
    s.source,
  );
  assert.ok(hasCompactDates(c));
  const r = autoResample(c);
  assert.equal(r.chosen, 'none');
  assert.equal(r.why, 'median step 10 min, not under 10 min');
  assert.ok(hasCompactDates(c), 'the decision made the date strings');
});

test('medianStep and stepText', () => {
  assert.ok(Number.isNaN(medianStep(series(1, () => 0))));
  assert.equal(medianStep(series(4, (i) => [0, 1, 2, 9][i] * MIN)), 2 * MIN);
  assert.deepEqual([30_000, 300_000, 150_000, 3_600_000, 86_400_000].map(stepText), [
    '30 s',
    '5 min',
    '2.5 min',
    '1 h',
    '1 d',
  ]);
});
