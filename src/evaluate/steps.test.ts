import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSeriesCsv } from '../data/load-csv';
import { hasCompactDates } from '../data/series';
import { labelSteps } from './steps';

const DAILY = 'Date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n2020-01-06,4\n2020-01-07,5\n';
const TIMED =
  'Date,value\n2020-01-01 00:00:00,1\n2020-01-01 00:00:00.5,2\n2020-01-01 00:00:01,3\n2020-01-01 06:00:00,4\n';

test('labelSteps on a compact series gives the spans of its dates as strings and makes no date string', () => {
  const daily = parseSeriesCsv(DAILY);
  const labels = [
    { start: '2019-12-30', end: '2020-01-01' }, // clipped to the first step
    { start: '2020-01-03', end: '2020-01-05' }, // a weekend after it: one step
    { start: '2020-01-06T12:00:00', end: '2020-02-01' },
  ];
  const got = labelSteps(labels, daily, 'w.json');
  assert.ok(hasCompactDates(daily), 'the dates were made strings');
  assert.deepEqual(got, {
    truth: [true, false, true, false, true],
    spans: [
      [0, 0],
      [2, 2],
      [4, 4],
    ],
  });
  assert.deepEqual(got, labelSteps(labels, [...parseSeriesCsv(DAILY).dates], 'w.json'));
  const timed = parseSeriesCsv(TIMED);
  const inner = [{ start: '2020-01-01T00:00:00.5', end: '2020-01-01T00:00:01' }];
  assert.deepEqual(labelSteps(inner, timed).spans, [[1, 2]]);
  assert.ok(hasCompactDates(timed));
});

test('labelSteps on a compact series refuses a label outside it or holding no step, naming its dates', () => {
  const s = parseSeriesCsv(DAILY);
  assert.throws(
    () => labelSteps([{ start: '2021-01-01', end: '2021-01-05' }], s, 'w.json'),
    /^InputError: w\.json: label 2021-01-01\.\.2021-01-05 is outside the series \(2020-01-01\.\.2020-01-07\)$/,
  );
  assert.throws(
    () => labelSteps([{ start: '2020-01-04', end: '2020-01-05' }], s, 'w.json'),
    /^InputError: w\.json: label 2020-01-04\.\.2020-01-05 holds no step of the series$/,
  );
  assert.ok(hasCompactDates(s));
});
