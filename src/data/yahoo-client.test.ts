import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../util/errors';
import { packageRoot } from '../util/paths';
import { fetchYahooSeries } from './yahoo';
import { type ChartResult, yahooChartClient } from './yahoo-client';

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// These tests run the real yahoo-finance2 chart() with an injected fetch: no network is ever touched.
const FIXTURE = path.join(packageRoot(), 'src/data/fixtures/aapl-chart-2024-01.json');
const fixture = (): ChartResult => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const seconds = (v: unknown): unknown =>
  typeof v === 'string' && ISO.test(v)
    ? Date.parse(v) / 1000
    : v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, seconds(x)]))
      : v;

/** The raw Yahoo v8 chart JSON that yahoo-finance2 turns into the fixture. */
function rawChart(r: ChartResult): unknown {
  const col = (k: 'open' | 'high' | 'low' | 'close' | 'volume' | 'adjclose') => r.quotes.map((q) => q[k]);
  return {
    chart: {
      error: null,
      result: [
        {
          meta: seconds(r.meta),
          timestamp: r.quotes.map((q) => Date.parse(String(q.date)) / 1000),
          indicators: {
            quote: [
              { open: col('open'), high: col('high'), low: col('low'), close: col('close'), volume: col('volume') },
            ],
            adjclose: [{ adjclose: col('adjclose') }],
          },
        },
      ],
    },
  };
}

/** A fake fetch answering every request with `status` and `body`, recording the URLs. */
function fakeFetch(status: number, body: unknown, urls: string[] = []): typeof fetch {
  return (async (url: string | URL | Request) => {
    urls.push(String(url));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** Run `fn` while recording everything written through console.*. */
async function captureConsole<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; printed: unknown[][] }> {
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;
  const saved = methods.map((m) => console[m]);
  const printed: unknown[][] = [];
  for (const m of methods)
    console[m] = (...args: unknown[]) => {
      printed.push(args);
    };
  try {
    return { value: await fn(), printed };
  } catch (error) {
    return { error, printed };
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i] as never;
    });
  }
}

test('yahooChartClient: yahoo-finance2 chart() turns the raw response into the fixture shape, silently', async () => {
  const urls: string[] = [];
  const client = yahooChartClient({ fetch: fakeFetch(200, rawChart(fixture()), urls) });
  const { value, error, printed } = await captureConsole(() =>
    client('AAPL', { period1: '2024-01-01', period2: '2024-01-13', interval: '1d' }),
  );
  assert.equal(error, undefined);
  assert.deepEqual(printed, []);
  assert.equal(urls.length, 1);
  assert.match(urls[0], /^https:\/\/query2\.finance\.yahoo\.com\/v8\/finance\/chart\/AAPL\?/);
  assert.match(urls[0], /interval=1d/);
  const got = JSON.parse(JSON.stringify(value)) as ChartResult;
  const want = fixture();
  assert.deepEqual(got.quotes, want.quotes);
  assert.deepEqual(
    [got.meta.symbol, got.meta.firstTradeDate, got.meta.exchangeTimezoneName],
    ['AAPL', '1980-12-12T14:30:00.000Z', 'America/New_York'],
  );
});

test('yahooChartClient: Yahoo "Not Found" becomes `unknown ticker`, nothing printed', async () => {
  const body = {
    chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
  };
  const client = yahooChartClient({ fetch: fakeFetch(404, body) });
  const dir = tempDir('yahoo-client-');
  const r = await captureConsole(() =>
    fetchYahooSeries({ ticker: 'ZZZZ', start: '2024-01-01', end: '2024-01-12', cacheDir: dir, client }),
  );
  assert.ok(r.error instanceof InputError);
  assert.equal((r.error as Error).message, 'unknown ticker: ZZZZ (Yahoo Finance has no symbol ZZZZ)');
  assert.deepEqual(r.printed, []);
});

test('yahooChartClient: a failing network (HTTP 429 text, or fetch throwing) is the offline path, nothing printed', async () => {
  const dir = tempDir('yahoo-client-');
  const tooMany = (async () => new Response('Too Many Requests', { status: 429 })) as unknown as typeof fetch;
  const down = (async () => {
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  }) as typeof fetch;
  for (const [f, why] of [
    [tooMany, 'Too Many Requests'],
    [down, 'fetch failed \\(ECONNREFUSED\\)'],
  ] as const) {
    const r = await captureConsole(() =>
      fetchYahooSeries({
        ticker: 'AAPL',
        start: '2024-01-01',
        end: '2024-01-12',
        cacheDir: dir,
        client: yahooChartClient({ fetch: f }),
      }),
    );
    assert.ok(r.error instanceof InputError);
    assert.match(
      (r.error as Error).message,
      new RegExp(`^cannot download AAPL \\(AAPL\\) from Yahoo Finance: ${why}; no cached copy in `),
    );
    assert.deepEqual(r.printed, []);
  }
});
