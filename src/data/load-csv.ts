import * as fs from 'fs';
import * as v8 from 'v8';
import { InputError, invalid } from '../util/errors';
import { stripControl } from '../util/sanitize';
import { eachCsvFileRecord, eachCsvRecord } from './csv';
import { type CsvSeriesOptions, SeriesBuilder } from './csv-series';
import type { Series } from './series';

export type { CsvSeriesOptions, DateOrder } from './csv-series';

function checkOptions(opts: CsvSeriesOptions): void {
  const fill = opts.fill ?? 'none';
  if (!['none', 'ffill', 'drop'].includes(fill)) throw invalid('fill', fill, 'none, ffill or drop');
  const order = opts.order ?? 'strict';
  if (!['strict', 'keep'].includes(order)) throw invalid('order', order, 'strict or keep');
  sepOf(opts.sep);
}

/**
 * The field separator of `--sep`: one character, `tab` or `\t` for a tab; `,` when not given.
 *
 * @throws InputError for more than one character, a quote, a line break or an empty value.
 * @example
 * sepOf(';'); // ';'
 * sepOf('tab'); // '\t'
 */
export function sepOf(sep: string | undefined): string {
  if (sep === undefined) return ',';
  const c = sep === 'tab' || sep === '\\t' ? '\t' : sep;
  if (c.length !== 1 || /["\r\n]/.test(c)) {
    throw invalid('--sep', JSON.stringify(stripControl(sep)), 'one character, e.g. ";" or tab');
  }
  return c;
}

/**
 * Parse CSV text into a {@link Series}: one date column and one or more numeric value columns.
 * Dates are ISO (see `parseDate`); error messages name the file line (1-based, the header is line 1).
 * Text from the file shown in messages and column names has control characters (ANSI escapes) removed.
 *
 * @throws InputError (one line, naming the file) for an empty file or one without data rows, a missing or
 *   repeated column, a row with the wrong number of fields, an unparseable date, duplicate or unsorted dates
 *   (unless `order` is `'keep'`), a value that parses to infinity, and missing or non-numeric values when
 *   `fill` is `'none'` (or a missing first value with `'ffill'`).
 * @example
 * const s = parseSeriesCsv('Date,Close\n2020-01-02,10\n2020-01-03,11\n', { source: 'prices.csv' });
 * // s.dates = ['2020-01-02', '2020-01-03'], s.values = [[10], [11]], s.columns = ['Close']
 */
export function parseSeriesCsv(text: string, opts: CsvSeriesOptions = {}): Series {
  checkOptions(opts);
  const file = stripControl(opts.source ?? 'CSV');
  const b = new SeriesBuilder(file, opts);
  eachCsvRecord(text, file, b.record, sepOf(opts.sep));
  return b.finish();
}

const MB = 1024 * 1024;
const sizeOf = (bytes: number): string =>
  bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;

/**
 * Read a CSV file into a {@link Series} (see {@link parseSeriesCsv}), streaming it in chunks: the file is never
 * held whole in memory. `source` defaults to the path as given.
 *
 * @throws InputError when the file cannot be read, when it is too large for this process's memory (one line with
 *   its size, before the heap runs out), and for every problem {@link parseSeriesCsv} reports.
 * @example
 * const s = loadCsvSeries('data/GE.csv', { valueCols: ['Adj Close'] });
 */
export function loadCsvSeries(path: string, opts: CsvSeriesOptions = {}): Series {
  checkOptions(opts);
  const file = stripControl(opts.source ?? path);
  const why = (e: unknown): string => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
  };
  let size: number;
  try {
    const st = fs.statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw new InputError(`${stripControl(path)}: cannot read (${why(e)})`);
  }
  const limit = oldSpaceLimit();
  const tooLarge = (at: string): InputError =>
    new InputError(
      `${file}: too large to load (${sizeOf(size)}${at}; ` +
        `the heap limit of this process is ${sizeOf(limit)}); use a smaller file or raise it with NODE_OPTIONS=--max-old-space-size=MB`,
    );
  if (size > limit) throw tooLarge('');
  const tooBig = (line: number): void => {
    if (v8.getHeapStatistics().used_heap_size > 0.8 * limit) throw tooLarge(`, heap full at line ${line}`);
  };
  const b = new SeriesBuilder(file, opts, tooBig);
  try {
    eachCsvFileRecord(path, b.record, file, sepOf(opts.sep));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${stripControl(path)}: cannot read (${why(e)})`);
  }
  return b.finish();
}

/**
 * The old generation's limit, where a loaded series lives: `--max-old-space-size` when this process was given it
 * (in its flags or NODE_OPTIONS), else the heap limit less the young generation (48 MB on 64-bit Node 20; Node 24
 * reserves more for it, so its heap limit alone overstates the room).
 */
function oldSpaceLimit(): number {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const a of args) {
    const m = /^--max-old-space-size=(\d+)$/.exec(a);
    if (m) return Number(m[1]) * MB;
  }
  return Math.max(v8.getHeapStatistics().heap_size_limit - 48 * MB, 16 * MB);
}
