import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../util/errors';
import { stripControl } from '../util/sanitize';
import type { ChartQuote, ChartResult, YahooInterval } from './yahoo-client';

/** Header of the cached quote files (Yahoo's own CSV layout). */
export const QUOTE_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

/** The symbol as it appears in a file name: anything but letters, digits and `.=^-` becomes `_`. */
function safeSymbol(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.=^-]/g, '_');
}

/**
 * Cache file name of a download: `<SYMBOL>_<interval>_<start>_<end>.csv`.
 *
 * @throws Nothing.
 * @example
 * cacheFileName('BTC-USD', '1d', '2020-01-01', '2024-12-31'); // 'BTC-USD_1d_2020-01-01_2024-12-31.csv'
 */
export function cacheFileName(symbol: string, interval: YahooInterval, start: string, end: string): string {
  return `${safeSymbol(symbol)}_${interval}_${start}_${end}.csv`;
}

/** A cached file that can stand in for a download, and the date range it covers. */
export interface CachedFile {
  file: string;
  start: string;
  end: string;
}

/**
 * The best cached file of the same symbol and interval for an offline run: one starting on or before `start`,
 * the latest `end` first. `undefined` when there is none (or the directory does not exist).
 *
 * @throws Error from `fs.readdirSync` if the directory exists but cannot be read.
 * @example
 * findCachedFile('data', 'AAPL', '1d', '2020-01-01'); // { file: 'data/AAPL_1d_2020-01-01_2024-05-01.csv', ... }
 */
export function findCachedFile(
  dir: string,
  symbol: string,
  interval: YahooInterval,
  start: string,
): CachedFile | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const prefix = `${safeSymbol(symbol)}_${interval}_`;
  const found: CachedFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.csv$/.exec(name.slice(prefix.length));
    if (m && m[1] <= start) found.push({ file: path.join(dir, name), start: m[1], end: m[2] });
  }
  found.sort((a, b) => (a.end === b.end ? b.start.localeCompare(a.start) : b.end.localeCompare(a.end)));
  return found[0];
}

/** `YYYY-MM-DD` of an instant in a time zone (the exchange's), falling back to a fixed offset in seconds. */
function localDate(t: Date, timeZone: string | undefined, gmtoffset: number): string {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        t,
      );
    } catch {
      // unknown zone: use the offset
    }
  }
  return new Date(t.getTime() + gmtoffset * 1000).toISOString().slice(0, 10);
}

const cell = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);

/** The CSV text of a chart result, and how many bars were left out. */
export interface QuoteCsv {
  text: string;
  rows: number;
  skipped: number;
}

/**
 * Turn a chart() result into CSV text (`Date,Open,High,Low,Close,Adj Close,Volume`), dated in the exchange's
 * time zone. Bars without a close are left out; when two bars share a date (Yahoo adds a live bar) the
 * later one wins; rows come out in date order.
 *
 * @throws Nothing: an empty result gives a header-only text with `rows = 0`.
 * @example
 * quotesToCsv({ meta: {}, quotes: [{ date: new Date('2024-01-02T14:30:00Z'), open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }] }).text;
 * // 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n'
 */
export function quotesToCsv(result: ChartResult): QuoteCsv {
  const tz = typeof result.meta?.exchangeTimezoneName === 'string' ? result.meta.exchangeTimezoneName : undefined;
  const offset = typeof result.meta?.gmtoffset === 'number' ? result.meta.gmtoffset : 0;
  const byDate = new Map<string, ChartQuote>();
  let skipped = 0;
  for (const q of result.quotes ?? []) {
    const t = q.date instanceof Date ? q.date : new Date(q.date);
    if (q.close === null || !Number.isFinite(q.close) || Number.isNaN(t.getTime())) {
      skipped++;
      continue;
    }
    const d = localDate(t, tz, offset);
    if (byDate.has(d)) skipped++;
    byDate.set(d, q);
  }
  const dates = [...byDate.keys()].sort();
  const lines = dates.map((d) => {
    const q = byDate.get(d) as ChartQuote;
    return [
      d,
      cell(q.open),
      cell(q.high),
      cell(q.low),
      cell(q.close),
      cell(q.adjclose ?? q.close),
      cell(q.volume),
    ].join(',');
  });
  return { text: `${[QUOTE_HEADER, ...lines].join('\n')}\n`, rows: lines.length, skipped };
}

/**
 * Whether a cache file is there, refusing one that is not a plain file: a symbolic link or a directory in the
 * cache is never read (its target's contents would end up in messages and reports).
 *
 * @throws InputError naming the file when it is a symbolic link, a directory or another non-regular file.
 * @example
 * if (checkCacheFile('data/AAPL_1d_2020-01-01_2024-05-01.csv')) readIt();
 */
export function checkCacheFile(file: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return false;
  }
  const kind = st.isSymbolicLink()
    ? 'a symbolic link'
    : st.isDirectory()
      ? 'a directory'
      : st.isFile()
        ? ''
        : 'not a regular file';
  if (kind) {
    throw new InputError(`${stripControl(file)}: the cache file is ${kind}, not read; remove it to download again`);
  }
  return true;
}
