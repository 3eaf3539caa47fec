import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheFileName, findCachedFile, quotesToCsv } from './yahoo-cache';

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const bar = (date: string, close: number | null) => ({
  date: new Date(date),
  open: 1,
  high: 2,
  low: 0.5,
  close,
  volume: 100,
});

test('cacheFileName keeps Yahoo symbols readable and file-safe', () => {
  assert.equal(cacheFileName('EURUSD=X', '1wk', '2020-01-01', '2021-01-01'), 'EURUSD=X_1wk_2020-01-01_2021-01-01.csv');
  assert.equal(cacheFileName('^GSPC', '1d', '2020-01-01', '2021-01-01'), '^GSPC_1d_2020-01-01_2021-01-01.csv');
  assert.equal(cacheFileName('A/B C', '1mo', '2020-01-01', '2021-01-01'), 'A_B_C_1mo_2020-01-01_2021-01-01.csv');
});

test('quotesToCsv dates bars in the exchange time zone, across DST', () => {
  // EURUSD=X bars start at midnight London time: 23:00 UTC the day before in summer
  const fx = quotesToCsv({
    meta: { exchangeTimezoneName: 'Europe/London', gmtoffset: 0 },
    quotes: [bar('2024-01-02T00:00:00Z', 1.1), bar('2024-06-02T23:00:00Z', 1.2)],
  });
  assert.deepEqual(
    fx.text
      .split('\n')
      .slice(1, 3)
      .map((l) => l.slice(0, 10)),
    ['2024-01-02', '2024-06-03'],
  );
  // an unknown zone falls back to the fixed offset
  const off = quotesToCsv({
    meta: { exchangeTimezoneName: 'Nowhere/Atlantis', gmtoffset: 3600 },
    quotes: [bar('2024-06-02T23:00:00Z', 1)],
  });
  assert.equal(off.text.split('\n')[1].slice(0, 10), '2024-06-03');
});

test('quotesToCsv drops bars without a close, keeps the later of two bars on one date, sorts', () => {
  const r = quotesToCsv({
    meta: { exchangeTimezoneName: 'America/New_York' },
    quotes: [
      bar('2024-01-03T14:30:00Z', 11),
      bar('2024-01-02T14:30:00Z', 10),
      bar('2024-01-04T14:30:00Z', null),
      bar('2024-01-03T20:59:00Z', 12),
      { ...bar('2024-01-05T14:30:00Z', 13), adjclose: 12.5, volume: null },
    ],
  });
  assert.deepEqual(r.text.trimEnd().split('\n'), [
    'Date,Open,High,Low,Close,Adj Close,Volume',
    '2024-01-02,1,2,0.5,10,10,100',
    '2024-01-03,1,2,0.5,12,12,100',
    '2024-01-05,1,2,0.5,13,12.5,',
  ]);
  assert.deepEqual([r.rows, r.skipped], [3, 2]);
  assert.deepEqual(quotesToCsv({ meta: {}, quotes: [] }), {
    text: 'Date,Open,High,Low,Close,Adj Close,Volume\n',
    rows: 0,
    skipped: 0,
  });
});

test('findCachedFile picks the latest end among files starting on or before start', () => {
  const dir = tempDir('yahoo-cache-');
  assert.equal(findCachedFile(path.join(dir, 'missing'), 'AAPL', '1d', '2020-01-01'), undefined);
  for (const n of [
    'AAPL_1d_2020-01-01_2021-01-01.csv',
    'AAPL_1d_2019-01-01_2022-01-01.csv',
    'AAPL_1d_2020-06-01_2023-01-01.csv',
    'AAPL_1wk_2020-01-01_2024-01-01.csv',
    'AAPLX_1d_2020-01-01_2025-01-01.csv',
    'AAPL_1d_2020-01-01_2024-01-01.csv.tmp',
  ]) {
    fs.writeFileSync(path.join(dir, n), '');
  }
  assert.deepEqual(findCachedFile(dir, 'AAPL', '1d', '2020-01-01'), {
    file: path.join(dir, 'AAPL_1d_2019-01-01_2022-01-01.csv'),
    start: '2019-01-01',
    end: '2022-01-01',
  });
  assert.equal(findCachedFile(dir, 'AAPL', '1d', '2018-01-01'), undefined);
  assert.equal(findCachedFile(dir, 'AAPL', '1mo', '2020-01-01'), undefined);
});
