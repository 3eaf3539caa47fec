import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateStoreOf, isoOfMs, msHasTime, msOfIso } from './compact-dates';
import { parseDate, unifyDates } from './dates';

test('every date form the loaders produce prints back exactly from its milliseconds', () => {
  // parseDate's forms: a day, a day with time, a fraction without trailing zeros, an offset moved to UTC,
  // a midnight (a day), DD-Mon-YY and a year before 1970 and before 100
  const cells = [
    '2020-01-02',
    '2014-07-01 00:30:00',
    '2014-07-01T00:30:00.120Z',
    '2014-07-01T00:30:00.5',
    '2014-07-01T02:30:00+02:00',
    '2014-07-01 00:00:00',
    '02-Jan-86',
    '1969-12-31 23:59:59',
    '0099-03-01',
  ];
  const dates = cells.map((c) => parseDate(c)!);
  assert.deepEqual(dates, [
    '2020-01-02',
    '2014-07-01T00:30:00',
    '2014-07-01T00:30:00.12',
    '2014-07-01T00:30:00.5',
    '2014-07-01T00:30:00',
    '2014-07-01',
    '1986-01-02',
    '1969-12-31T23:59:59',
    '0099-03-01',
  ]);
  for (const d of dates) assert.equal(isoOfMs(msOfIso(d), d.length > 10), d);
  assert.equal(msOfIso('2020-01-02'), Date.UTC(2020, 0, 2));
  assert.equal(msOfIso('0099-03-01'), new Date(0).setUTCFullYear(99, 2, 1)); // year 99, not 1999
  // a midnight in a series with times prints with its time, as unifyDates writes it
  assert.equal(isoOfMs(msOfIso('2014-07-01'), true), unifyDates(['2014-07-01', '2014-07-01T00:30:00'])[0]);
  assert.equal(msHasTime(msOfIso('1969-12-31T23:59:59')), true);
  assert.equal(msHasTime(msOfIso('1969-12-31')), false);
});

test('dates finer than a millisecond or not in an ISO form do not go to milliseconds', () => {
  assert.ok(Number.isNaN(msOfIso('2014-07-01T00:30:00.1234')));
  assert.ok(Number.isNaN(msOfIso('2014-07-01 00:30:00')));
  assert.ok(Number.isNaN(msOfIso('')));
  assert.equal(dateStoreOf(['2020-01-02', '2014-07-01T00:30:00.1234']), undefined);
  const store = dateStoreOf(['2020-01-02T00:00:00', '2020-01-02T00:00:01'])!;
  assert.deepEqual([...store.ms], [Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 2, 0, 0, 1)]);
  assert.equal(store.withTime, true);
});
