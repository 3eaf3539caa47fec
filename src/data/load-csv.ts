import * as fs from 'fs';
import { InputError, invalid } from '../util/errors';
import { parseCsv } from './csv';
import { DATE_FORMATS, parseDate, unifyDates } from './dates';
import { FillMode, fillMissing } from './fill';
import type { Series } from './series';

/** Options of {@link parseSeriesCsv} and {@link loadCsvSeries}. */
export interface CsvSeriesOptions {
  /** Date column. Default: the first of Date, timestamp, time, Datetime found (case-insensitive). */
  dateCol?: string;
  /** Value column(s); several make a multivariate series. Default: the first of Close, Adj Close, value, price. */
  valueCols?: string[];
  /** Missing or non-numeric values: `'none'` refuses them, `'ffill'` carries the last value forward, `'drop'` drops the row. Default `'none'`. */
  fill?: FillMode;
  /** The series' `source`, also the file name in error messages. Default: the path (loadCsvSeries) or `'CSV'`. */
  source?: string;
}

const DATE_NAMES = ['Date', 'timestamp', 'time', 'Datetime'];
const VALUE_NAMES = ['Close', 'Adj Close', 'value', 'price'];
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SHOWN = 3;

/** "a, b and 3 more" from the first few items of a list. */
function firstFew(items: string[]): string {
  const head = items.slice(0, SHOWN).join(', ');
  return items.length > SHOWN ? `${head} and ${items.length - SHOWN} more` : head;
}

function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name.trim());
  return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
}

function resolveColumns(header: string[], file: string, opts: CsvSeriesOptions): { dateIdx: number; valueIdx: number[] } {
  const cols = `columns: ${header.join(', ')}`;
  const need = (name: string): number => {
    const i = findColumn(header, name);
    if (i < 0) throw new InputError(`${file}: column "${name}" not found (${cols})`);
    return i;
  };
  const pick = (names: string[], what: string, flag: string): number => {
    for (const n of names) {
      const i = findColumn(header, n);
      if (i >= 0) return i;
    }
    throw new InputError(`${file}: no ${what} column (looked for ${names.join(', ')}; ${cols}); name one with ${flag}`);
  };
  const dateIdx = opts.dateCol !== undefined ? need(opts.dateCol) : pick(DATE_NAMES, 'date', '--date-col');
  const valueIdx = opts.valueCols !== undefined ? opts.valueCols.map(need) : [pick(VALUE_NAMES, 'value', '--value-col')];
  if (valueIdx.length === 0) throw new InputError(`${file}: no value columns given (${cols})`);
  if (valueIdx.includes(dateIdx)) throw new InputError(`${file}: column "${header[dateIdx]}" cannot be both the date and a value column`);
  if (new Set(valueIdx).size !== valueIdx.length) throw new InputError(`${file}: a value column is named twice (${opts.valueCols?.join(', ')})`);
  return { dateIdx, valueIdx };
}

/** Refuse duplicate or decreasing dates, naming the lines; rows are never reordered. */
function checkOrder(dates: string[], lines: number[], file: string): void {
  const dups: string[] = [];
  const back: string[] = [];
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] === dates[i - 1]) dups.push(`${dates[i]} at lines ${lines[i - 1]} and ${lines[i]}`);
    else if (dates[i] < dates[i - 1]) back.push(`line ${lines[i]} (${dates[i]}) after line ${lines[i - 1]} (${dates[i - 1]})`);
  }
  if (dups.length > 0) throw new InputError(`${file}: duplicate dates: ${firstFew(dups)}; each date must appear once`);
  if (back.length === dates.length - 1 && back.length > 0) {
    throw new InputError(`${file}: dates run newest first (line ${lines[0]}: ${dates[0]}); sort the file oldest first (rows are never reordered)`);
  }
  if (back.length > 0) throw new InputError(`${file}: dates out of order: ${firstFew(back)}; sort the file by date (rows are never reordered)`);
}

/**
 * Parse CSV text into a {@link Series}: one date column and one or more numeric value columns.
 * Dates are ISO (see `parseDate`); error messages name the file line (1-based, the header is line 1).
 *
 * @throws InputError (one line, naming the file) for an empty file or one without data rows, a missing
 *   column, a row with the wrong number of fields, an unparseable date, duplicate or unsorted dates, and
 *   missing or non-numeric values when `fill` is `'none'` (or a missing first value with `'ffill'`).
 * @example
 * const s = parseSeriesCsv('Date,Close\n2020-01-02,10\n2020-01-03,11\n', { source: 'prices.csv' });
 * // s.dates = ['2020-01-02', '2020-01-03'], s.values = [[10], [11]], s.columns = ['Close']
 */
export function parseSeriesCsv(text: string, opts: CsvSeriesOptions = {}): Series {
  const file = opts.source ?? 'CSV';
  const fill = opts.fill ?? 'none';
  if (!['none', 'ffill', 'drop'].includes(fill)) throw invalid('fill', fill, 'none, ffill or drop');
  const { header, rows, lines, headerLine } = parseCsv(text, file);
  if (header.length === 0) throw new InputError(`${file}: empty file`);
  if (rows.length === 0) throw new InputError(`${file}: no data rows (only the header on line ${headerLine})`);
  const { dateIdx, valueIdx } = resolveColumns(header, file, opts);
  const short = rows.findIndex((r) => r.length !== header.length);
  if (short >= 0) {
    throw new InputError(`${file} line ${lines[short]}: ${rows[short].length} fields but the header has ${header.length}`);
  }
  const raw = rows.map((r) => parseDate(r[dateIdx]));
  const badDates = raw.flatMap((d, i) => (d === null ? [`line ${lines[i]} ("${rows[i][dateIdx]}")`] : []));
  if (badDates.length > 0) {
    throw new InputError(`${file}: cannot parse date in column "${header[dateIdx]}" at ${firstFew(badDates)} (expected ${DATE_FORMATS})`);
  }
  const dates = unifyDates(raw as string[]);
  checkOrder(dates, lines, file);
  const bad: string[] = [];
  const cells = rows.map((r, i) => valueIdx.map((c) => {
    const t = r[c].trim();
    if (NUMBER_RE.test(t)) return Number(t);
    bad.push(`line ${lines[i]} (${header[c]}: ${t === '' ? 'empty' : `"${t}"`})`);
    return null;
  }));
  if (bad.length > 0 && fill === 'none') {
    throw new InputError(`${file}: ${bad.length} missing or non-numeric value${bad.length > 1 ? 's' : ''}: ${firstFew(bad)}; use --fill ffill|drop to accept them`);
  }
  const columns = valueIdx.map((c) => header[c]);
  const { values, kept } = fillMissing(cells, fill, { columns, at: (r) => `${file} line ${lines[r]}` });
  return { dates: kept.map((r) => dates[r]), values, columns, source: file };
}

/**
 * Read a CSV file into a {@link Series} (see {@link parseSeriesCsv}); `source` defaults to the path as given.
 *
 * @throws InputError when the file cannot be read, and for every problem {@link parseSeriesCsv} reports.
 * @example
 * const s = loadCsvSeries('data/GE.csv', { valueCols: ['Adj Close'] });
 */
export function loadCsvSeries(path: string, opts: CsvSeriesOptions = {}): Series {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new InputError(`${path}: cannot read (${why})`);
  }
  return parseSeriesCsv(text, { ...opts, source: opts.source ?? path });
}
