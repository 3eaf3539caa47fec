import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../util/atomic';
import { InputError, invalid } from '../util/errors';
import { addDays, parseDate, todayIso } from './dates';
import { loadCsvSeries } from './load-csv';
import type { Series } from './series';
import { cacheFileName, checkCacheFile, findCachedFile, quotesToCsv } from './yahoo-cache';
import { type ChartClient, type ChartResult, type YahooInterval, yahooChartClient } from './yahoo-client';

/** Kind of instrument, which decides how a ticker maps to a Yahoo symbol. */
export type AssetKind = 'stock' | 'crypto' | 'forex';

/**
 * The Yahoo Finance symbol of a ticker: crypto `BTC` -> `BTC-USD`, forex `EURUSD` -> `EURUSD=X`; stocks and
 * symbols that already carry the suffix are left alone (upper-cased).
 *
 * @throws InputError for an empty ticker.
 * @example
 * symbolFor('btc', 'crypto');    // 'BTC-USD'
 * symbolFor('EURUSD', 'forex');  // 'EURUSD=X'
 */
export function symbolFor(ticker: string, asset: AssetKind = 'stock'): string {
  const t = ticker.trim().toUpperCase();
  if (t === '') throw invalid('ticker', ticker, 'a symbol such as AAPL, BTC or EURUSD');
  if (asset === 'crypto') return t.includes('-') ? t : `${t}-USD`;
  if (asset === 'forex') return t.endsWith('=X') ? t : `${t}=X`;
  return t;
}

/** Options of {@link fetchYahooSeries}. */
export interface YahooOptions {
  /** Ticker as the user typed it (`AAPL`, `BTC`, `EURUSD`). Required. */
  ticker: string;
  /** How to map the ticker to a Yahoo symbol (see {@link symbolFor}). Default `'stock'`. */
  asset?: AssetKind;
  /** First date, `YYYY-MM-DD`. Default `'2000-01-01'`. */
  start?: string;
  /** Last date, inclusive, `YYYY-MM-DD`. Default: today (UTC). */
  end?: string;
  /** Bar interval. Default `'1d'`. */
  interval?: YahooInterval;
  /** Where downloads are cached. Default: `data/` under the current working directory. */
  cacheDir?: string;
  /** Fetches the bars. Default {@link yahooChartClient}; tests inject a fixture. */
  client?: ChartClient;
  /** Receives one-line progress notes (cache use, offline fallback). Default: none. */
  log?: (message: string) => void;
  /** Give up on Yahoo after this many milliseconds (then the offline fallback applies). Default 30000. */
  timeoutMs?: number;
}

/** Errors that mean "Yahoo has no such symbol", as opposed to "Yahoo could not be reached". */
function isNotFound(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  return (
    err?.code === 404 ||
    err?.name === 'NotFoundError' ||
    /not found|no data found|delisted|invalid symbol/i.test(String(err?.message ?? ''))
  );
}

/** One-line reason of a failed download, including the network error code when there is one. */
function reasonOf(e: unknown): string {
  const err = e as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const cause = err?.cause?.code ?? err?.cause?.message;
  const text = `${String(err?.message ?? e)}${cause ? ` (${String(cause)})` : ''}`;
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function checkDay(name: string, value: string): string {
  const d = parseDate(value);
  if (d === null || d.length !== 10) throw invalid(name, value, 'a date YYYY-MM-DD');
  return d;
}

/** Parse a cached file into a series of rows in [start, end]. */
function readCache(file: string, symbol: string, start: string, end: string): Series {
  checkCacheFile(file);
  const s = loadCsvSeries(file, { dateCol: 'Date', valueCols: ['Close'] });
  const keep = s.dates.flatMap((d, i) => (d >= start && d <= end ? [i] : []));
  if (keep.length === 0) throw new InputError(`${file}: no rows between ${start} and ${end}`);
  return {
    dates: keep.map((i) => s.dates[i]),
    values: keep.map((i) => s.values[i]),
    columns: s.columns,
    source: `yahoo:${symbol}`,
  };
}

/**
 * Daily (or weekly, monthly) closes of a ticker from Yahoo Finance, as a series with column `Close` and source
 * `yahoo:SYMBOL`. Each download is saved as `<cacheDir>/<SYMBOL>_<interval>_<start>_<end>.csv`
 * (Date,Open,High,Low,Close,Adj Close,Volume; written to a temporary file, then renamed) and reused on the next
 * run without touching the network. When Yahoo cannot be reached, the latest cached file of the same symbol and
 * interval that starts on or before `start` is used instead, and `log` says so.
 *
 * @throws InputError `unknown ticker: X` when Yahoo has no such symbol or no data in the range; when Yahoo
 *   cannot be reached and nothing is cached; for bad dates (`start` after `end`).
 * @example
 * const s = await fetchYahooSeries({ ticker: 'BTC', asset: 'crypto', start: '2020-01-01', log: console.error });
 */
export async function fetchYahooSeries(opts: YahooOptions): Promise<Series> {
  const { asset = 'stock', interval = '1d', log = () => {}, timeoutMs = 30000 } = opts;
  const symbol = symbolFor(opts.ticker, asset);
  const start = checkDay('start', opts.start ?? '2000-01-01');
  const end = opts.end !== undefined ? checkDay('end', opts.end) : todayIso();
  if (start > end) throw invalid('start', start, `after the end date ${end}`);
  const cacheDir = opts.cacheDir ?? path.resolve('data');
  const file = path.join(cacheDir, cacheFileName(symbol, interval, start, end));
  if (checkCacheFile(file)) {
    log(`using cached ${file}`);
    return readCache(file, symbol, start, end);
  }
  const client = opts.client ?? yahooChartClient();
  let result: ChartResult;
  try {
    log(`downloading ${symbol} (${interval}, ${start}..${end}) from Yahoo Finance`);
    result = await withTimeout(client(symbol, { period1: start, period2: addDays(end, 1), interval }), timeoutMs);
  } catch (e) {
    if (isNotFound(e)) throw new InputError(`unknown ticker: ${opts.ticker} (Yahoo Finance has no symbol ${symbol})`);
    const cached = findCachedFile(cacheDir, symbol, interval, start);
    if (!cached) {
      throw new InputError(
        `cannot download ${opts.ticker} (${symbol}) from Yahoo Finance: ${reasonOf(e)}; no cached copy in ${cacheDir}`,
      );
    }
    log(
      `offline: cannot reach Yahoo Finance (${reasonOf(e)}); using cached ${cached.file} (${cached.start}..${cached.end})`,
    );
    return readCache(cached.file, symbol, start, end);
  }
  const csv = quotesToCsv(result);
  if (csv.rows === 0) {
    throw new InputError(
      `unknown ticker: ${opts.ticker} (Yahoo Finance has no ${interval} data for ${symbol} from ${start} to ${end})`,
    );
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  writeFileAtomic(file, csv.text);
  log(
    `saved ${csv.rows} rows to ${file}${csv.skipped ? ` (${csv.skipped} bars without a close or repeated left out)` : ''}`,
  );
  return readCache(file, symbol, start, end);
}
