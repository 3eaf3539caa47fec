import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../util/errors';
import { packageRoot } from '../util/paths';
import { fetchYahooSeries, symbolFor } from './yahoo';
import type { ChartClient, ChartQuery, ChartResult } from './yahoo-client';

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A chart() response for AAPL, 2024-01-02..2024-01-12 (9 trading days), written in yahoo-finance2's shape. */
const FIXTURE = path.join(packageRoot(), 'src/data/fixtures/aapl-chart-2024-01.json');
const fixture = (): ChartResult => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const tmpDir = () => tempDir('yahoo-test-');
const base = { ticker: 'AAPL', start: '2024-01-01', end: '2024-01-12' } as const;

/** A client that records its calls and answers with `answer` (a result, or an error to throw). */
function fakeClient(answer: ChartResult | Error) {
  const calls: [string, ChartQuery][] = [];
  const client: ChartClient = async (symbol, query) => {
    calls.push([symbol, query]);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { client, calls };
}
const offline = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });

test('symbolFor maps crypto and forex tickers, leaves suffixed ones alone', () => {
  assert.equal(symbolFor('BTC', 'crypto'), 'BTC-USD');
  assert.equal(symbolFor('eth', 'crypto'), 'ETH-USD');
  assert.equal(symbolFor('BTC-USD', 'crypto'), 'BTC-USD');
  assert.equal(symbolFor('BTC-EUR', 'crypto'), 'BTC-EUR');
  assert.equal(symbolFor('EURUSD', 'forex'), 'EURUSD=X');
  assert.equal(symbolFor('EURUSD=X', 'forex'), 'EURUSD=X');
  assert.equal(symbolFor(' aapl ', 'stock'), 'AAPL');
  assert.equal(symbolFor('^GSPC'), '^GSPC');
  assert.throws(() => symbolFor(' '), InputError);
});

test('fetchYahooSeries downloads once, caches as CSV, then reuses the cache without the network', async () => {
  const dir = tmpDir();
  const first = fakeClient(fixture());
  const s = await fetchYahooSeries({ ...base, cacheDir: dir, client: first.client });
  assert.deepEqual(first.calls, [['AAPL', { period1: '2024-01-01', period2: '2024-01-13', interval: '1d' }]]);
  assert.equal(s.dates.length, 9);
  assert.deepEqual(
    [s.dates[0], s.dates.at(-1), s.values[0], s.values.at(-1)],
    ['2024-01-02', '2024-01-12', [185.64], [185.92]],
  );
  assert.deepEqual([s.columns, s.source], [['Close'], 'yahoo:AAPL']);
  const file = path.join(dir, 'AAPL_1d_2024-01-01_2024-01-12.csv');
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'Date,Open,High,Low,Close,Adj Close,Volume');
  assert.equal(lines[1], '2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700');
  assert.equal(lines.length, 10);
  assert.deepEqual(fs.readdirSync(dir), ['AAPL_1d_2024-01-01_2024-01-12.csv']); // no temp file left
  const logs: string[] = [];
  const second = fakeClient(new Error('must not be called'));
  const again = await fetchYahooSeries({ ...base, cacheDir: dir, client: second.client, log: (m) => logs.push(m) });
  assert.equal(second.calls.length, 0);
  assert.deepEqual(again, s);
  assert.deepEqual(logs, [`using cached ${file}`]);
});

test('fetchYahooSeries offline: falls back to the latest cache of the symbol and says so', async () => {
  const dir = tmpDir();
  await fetchYahooSeries({ ...base, cacheDir: dir, client: fakeClient(fixture()).client });
  const logs: string[] = [];
  const s = await fetchYahooSeries({
    ...base,
    start: '2024-01-05',
    end: '2024-01-31',
    cacheDir: dir,
    client: fakeClient(offline()).client,
    log: (m) => logs.push(m),
  });
  assert.deepEqual([s.dates[0], s.dates.at(-1), s.dates.length], ['2024-01-05', '2024-01-12', 6]);
  assert.match(
    logs.at(-1) ?? '',
    /^offline: cannot reach Yahoo Finance \(fetch failed \(ENOTFOUND\)\); using cached .*AAPL_1d_2024-01-01_2024-01-12\.csv \(2024-01-01\.\.2024-01-12\)$/,
  );
  // a cache that starts later than asked, or another interval, does not count
  await assert.rejects(
    fetchYahooSeries({ ...base, start: '2023-12-01', cacheDir: dir, client: fakeClient(offline()).client }),
    /no cached copy/,
  );
  await assert.rejects(
    fetchYahooSeries({ ...base, interval: '1wk', cacheDir: dir, client: fakeClient(offline()).client }),
    /no cached copy/,
  );
});

test('fetchYahooSeries offline with no cache: one-line InputError naming the ticker', async () => {
  const dir = path.join(tmpDir(), 'data');
  await assert.rejects(
    fetchYahooSeries({ ...base, ticker: 'BTC', asset: 'crypto', cacheDir: dir, client: fakeClient(offline()).client }),
    (e: unknown) =>
      e instanceof InputError &&
      e.message ===
        `cannot download BTC (BTC-USD) from Yahoo Finance: fetch failed (ENOTFOUND); no cached copy in ${dir}`,
  );
  assert.equal(fs.existsSync(dir), false);
});

test('fetchYahooSeries: a hung request times out into the offline path', async () => {
  const never: ChartClient = () => new Promise(() => {});
  await assert.rejects(
    fetchYahooSeries({ ...base, cacheDir: tmpDir(), client: never, timeoutMs: 20 }),
    /Yahoo Finance: no answer within 0\.02 s; no cached copy/,
  );
});

test('fetchYahooSeries: unknown ticker, or no data in the range, is `unknown ticker: X`', async () => {
  const dir = tmpDir();
  const notFound = fakeClient(new Error('No data found, symbol may be delisted'));
  await assert.rejects(
    fetchYahooSeries({ ...base, ticker: 'NOPE', cacheDir: dir, client: notFound.client }),
    /^InputError: unknown ticker: NOPE \(Yahoo Finance has no symbol NOPE\)$/,
  );
  const empty = fakeClient({ meta: fixture().meta, quotes: [] });
  await assert.rejects(
    fetchYahooSeries({ ...base, ticker: 'EURUSD', asset: 'forex', cacheDir: dir, client: empty.client }),
    /^InputError: unknown ticker: EURUSD \(Yahoo Finance has no 1d data for EURUSD=X from 2024-01-01 to 2024-01-12\)$/,
  );
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('fetchYahooSeries checks its dates', async () => {
  const opts = { ticker: 'AAPL', cacheDir: tmpDir(), client: fakeClient(fixture()).client };
  await assert.rejects(fetchYahooSeries({ ...opts, start: '2024-02-30' }), /invalid start: 2024-02-30/);
  await assert.rejects(
    fetchYahooSeries({ ...opts, start: '2024-02-01', end: '2024-01-01' }),
    /invalid start: 2024-02-01 \(after the end date 2024-01-01\)/,
  );
});

test('fetchYahooSeries: a cache file that is a symlink or a directory is refused without reading it', async () => {
  const dir = tmpDir();
  const secret = path.join(dir, 'secret.txt');
  fs.writeFileSync(secret, 'Date,Close\n2024-01-02,TOP-SECRET\n');
  const file = path.join(dir, 'AAPL_1d_2024-01-01_2024-01-12.csv');
  fs.symlinkSync(secret, file);
  const { client, calls } = fakeClient(fixture());
  const refused = (kind: string) => (e: unknown) =>
    e instanceof InputError &&
    !e.message.includes('SECRET') &&
    e.message === `${file}: the cache file is ${kind}, not read; remove it to download again`;
  await assert.rejects(fetchYahooSeries({ ...base, cacheDir: dir, client }), refused('a symbolic link'));
  fs.rmSync(file);
  fs.mkdirSync(file);
  await assert.rejects(fetchYahooSeries({ ...base, cacheDir: dir, client }), refused('a directory'));
  assert.equal(calls.length, 0);
  // the offline fallback refuses a linked cache file too
  fs.rmdirSync(file);
  fs.symlinkSync(secret, path.join(dir, 'AAPL_1d_2023-01-01_2024-01-10.csv'));
  await assert.rejects(
    fetchYahooSeries({ ...base, cacheDir: dir, client: fakeClient(offline()).client }),
    (e: unknown) =>
      e instanceof InputError && /2023-01-01_2024-01-10\.csv: the cache file is a symbolic link/.test(e.message),
  );
});
