import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, daysInMonth, expandYear, parseDate, todayIso, unifyDates } from './dates';

test('parseDate: ISO dates and date-times', () => {
  assert.equal(parseDate('2020-01-02'), '2020-01-02');
  assert.equal(parseDate(' 2020-01-02 '), '2020-01-02');
  assert.equal(parseDate('2014-07-01 00:30:00'), '2014-07-01T00:30:00');
  assert.equal(parseDate('2014-07-01T13:05'), '2014-07-01T13:05:00');
  assert.equal(parseDate('2014-07-01T13:05:09.250Z'), '2014-07-01T13:05:09.25');
  assert.equal(parseDate('2014-07-01T13:05:09.000'), '2014-07-01T13:05:09');
});

test('parseDate: midnight collapses to a plain date', () => {
  assert.equal(parseDate('2014-07-01 00:00:00'), '2014-07-01');
  assert.equal(parseDate('2014-07-01T00:00:00.000Z'), '2014-07-01');
});

test('parseDate: offsets are converted to UTC, across a day boundary', () => {
  assert.equal(parseDate('2024-01-02T01:30:00+02:00'), '2024-01-01T23:30:00');
  assert.equal(parseDate('2024-01-01T22:00:00-0200'), '2024-01-02');
  assert.equal(parseDate('2024-01-01T12:00:00+00:00'), '2024-01-01T12:00:00');
});

test('parseDate: DD-Mon-YY with the strptime %y pivot, and DD-Mon-YYYY', () => {
  assert.equal(parseDate('02-Jan-86'), '1986-01-02');
  assert.equal(parseDate('1-Jan-16'), '2016-01-01');
  assert.equal(parseDate('29-Jun-18'), '2018-06-29');
  assert.equal(parseDate('31-dec-68'), '2068-12-31');
  assert.equal(parseDate('31-DEC-69'), '1969-12-31');
  assert.equal(parseDate('15-Mar-2021'), '2021-03-15');
});

test('parseDate: impossible or unknown dates give null', () => {
  for (const bad of [
    '',
    'x',
    '2019-02-30',
    '2019-13-01',
    '2019-00-10',
    '2021-02-29',
    '2020-01-01 24:00:00',
    '2020-01-01 12:60:00',
    '30-Feb-20',
    '1-Foo-20',
    '2020/01/01',
    '01/02/2020',
    '20200101',
    '1-Jan-1',
  ]) {
    assert.equal(parseDate(bad), null, bad);
  }
  assert.equal(parseDate('2020-02-29'), '2020-02-29');
  assert.equal(parseDate('2000-02-29'), '2000-02-29');
  assert.equal(parseDate('1900-02-29'), null);
});

test('expandYear and daysInMonth', () => {
  assert.deepEqual([0, 68, 69, 99].map(expandYear), [2000, 2068, 1969, 1999]);
  assert.deepEqual(
    [daysInMonth(2020, 2), daysInMonth(2019, 2), daysInMonth(2019, 4), daysInMonth(2019, 12)],
    [29, 28, 30, 31],
  );
});

test('unifyDates: one form per series, string order is time order', () => {
  assert.deepEqual(unifyDates(['2020-01-01', '2020-01-02']), ['2020-01-01', '2020-01-02']);
  const u = unifyDates(['2014-07-01', '2014-07-01T00:30:00', '2014-07-02']);
  assert.deepEqual(u, ['2014-07-01T00:00:00', '2014-07-01T00:30:00', '2014-07-02T00:00:00']);
  assert.deepEqual([...u].sort(), u);
  assert.deepEqual(unifyDates([]), []);
});

test('addDays crosses months, leap days and years; keeps a time', () => {
  assert.equal(addDays('2020-02-28', 1), '2020-02-29');
  assert.equal(addDays('2020-02-28', 2), '2020-03-01');
  assert.equal(addDays('2019-12-31', 1), '2020-01-01');
  assert.equal(addDays('2020-01-01', -1), '2019-12-31');
  assert.equal(addDays('2020-01-01', 0), '2020-01-01');
  assert.equal(addDays('2020-01-31T12:00:00', 1), '2020-02-01T12:00:00');
  assert.throws(() => addDays('nope', 1), /not an ISO date/);
});

test('todayIso formats a given instant in UTC', () => {
  assert.equal(todayIso(new Date('2024-03-05T23:59:59Z')), '2024-03-05');
  assert.match(todayIso(), /^\d{4}-\d{2}-\d{2}$/);
});
