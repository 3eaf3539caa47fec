import { InputError } from '../util/errors';
import { stripControl } from '../util/sanitize';
import { type DateStore, isoOfMs, msHasTime, msOfIso } from './compact-dates';
import { dateParser } from './date-format';
import { DATE_FORMATS, parseDate, unifyDates } from './dates';
import { type FillMode, fillMissing } from './fill';
import { compactSeries, type Series } from './series';

/** Date order rule: `'strict'` refuses duplicate or unsorted dates; `'keep'` keeps rows in file order. */
export type DateOrder = 'strict' | 'keep';

/** Options of {@link parseSeriesCsv} and {@link loadCsvSeries}. */
export interface CsvSeriesOptions {
  /** Date column. Default: the first of Date, timestamp, time, Datetime found (case-insensitive). */
  dateCol?: string;
  /** Value column(s); several make a multivariate series. Default: the first of Close, Adj Close, value, price. */
  valueCols?: string[];
  /** Missing or non-numeric values: `'none'` refuses them, `'ffill'` carries the last value forward, `'drop'` drops the row. Default `'none'`. */
  fill?: FillMode;
  /** `'strict'` (default) refuses duplicate, unsorted and newest-first dates; `'keep'` keeps the file's row order and dates only label rows. */
  order?: DateOrder;
  /** The series' `source`, also the file name in error messages. Default: the path (loadCsvSeries) or `'CSV'`. */
  source?: string;
  /** Field separator (`--sep`): one character, `tab` for a tab. Default `,`. */
  sep?: string;
  /** The dates' format (`--date-format`, e.g. `DD.MM.YYYY`; see `dateParser`). Default: the ISO forms of `parseDate`. */
  dateFormat?: string;
}

const DATE_NAMES = ['Date', 'timestamp', 'time', 'Datetime'];
const VALUE_NAMES = ['Close', 'Adj Close', 'value', 'price'];
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SHOWN = 3;
const KEEP_HINT = ' (or --order keep to keep the file order)';

/** The first few items of a list and how many there were, kept while streaming. */
class FirstFew {
  readonly items: string[] = [];
  count = 0;
  add(item: () => string): void {
    if (this.count++ < SHOWN) this.items.push(item());
  }
  /** "a, b, c and 3 more". */
  toString(): string {
    const head = this.items.join(', ');
    return this.count > SHOWN ? `${head} and ${this.count - SHOWN} more` : head;
  }
}

function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name.trim());
  return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
}

/** Separators a header of one field may hold when the file was split on the wrong one. */
const OTHER_SEPS: [string, string][] = [
  [';', ';'],
  ['\t', 'tab'],
  ['|', '|'],
  [',', ','],
];

/** The hint for a header that is one field holding another separator: name it with --sep. */
function splitHint(header: string[], opts: CsvSeriesOptions): string {
  if (header.length !== 1) return '';
  const sep = opts.sep === undefined ? ',' : opts.sep === 'tab' || opts.sep === '\\t' ? '\t' : opts.sep;
  const found = OTHER_SEPS.find(([c]) => c !== sep && header[0].includes(c));
  return found ? `; the header was not split into columns: it holds "${found[1]}", try --sep '${found[1]}'` : '';
}

function resolveColumns(
  header: string[],
  file: string,
  opts: CsvSeriesOptions,
  raw: string[] = header,
): { dateIdx: number; valueIdx: number[] } {
  const cols = `columns: ${header.join(', ')}${splitHint(raw, opts)}`;
  header.forEach((h, i) => {
    const j = header.indexOf(h);
    if (h !== '' && j < i) {
      throw new InputError(
        `${file}: column "${h}" appears twice in the header (columns ${j + 1} and ${i + 1}); rename one`,
      );
    }
  });
  const need = (name: string): number => {
    const i = findColumn(header, name);
    if (i < 0) throw new InputError(`${file}: column "${stripControl(name)}" not found (${cols})`);
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
  const valueIdx =
    opts.valueCols !== undefined ? opts.valueCols.map(need) : [pick(VALUE_NAMES, 'value', '--value-col')];
  if (valueIdx.length === 0) throw new InputError(`${file}: no value columns given (${cols})`);
  if (valueIdx.includes(dateIdx))
    throw new InputError(`${file}: column "${header[dateIdx]}" cannot be both the date and a value column`);
  if (new Set(valueIdx).size !== valueIdx.length) {
    throw new InputError(`${file}: a value column is named twice (${stripControl(opts.valueCols?.join(', ') ?? '')})`);
  }
  return { dateIdx, valueIdx };
}

/**
 * Refuse duplicate or decreasing dates, naming the lines; rows are never reordered. `order(i)` compares row i's
 * date with row i-1's (0 same, negative earlier), `at(i)` prints it.
 */
function checkOrder(
  n: number,
  order: (i: number) => number,
  at: (i: number) => string,
  lines: Uint32Array | number[],
  file: string,
): void {
  const dups = new FirstFew();
  const back = new FirstFew();
  for (let i = 1; i < n; i++) {
    const o = order(i);
    if (o === 0) dups.add(() => `${at(i)} at lines ${lines[i - 1]} and ${lines[i]}`);
    else if (o < 0) back.add(() => `line ${lines[i]} (${at(i)}) after line ${lines[i - 1]} (${at(i - 1)})`);
  }
  if (dups.count > 0) throw new InputError(`${file}: duplicate dates: ${dups}; each date must appear once${KEEP_HINT}`);
  if (back.count === n - 1 && back.count > 0) {
    const first = `line ${lines[0]}: ${at(0)}`;
    throw new InputError(
      `${file}: dates run newest first (${first}); sort the file oldest first (rows are never reordered)${KEEP_HINT}`,
    );
  }
  if (back.count > 0) {
    throw new InputError(
      `${file}: dates out of order: ${back}; sort the file by date (rows are never reordered)${KEEP_HINT}`,
    );
  }
}

/** A growable Float64Array. */
class Floats {
  data = new Float64Array(1024);
  push(n: number, v: number): void {
    if (n === this.data.length) {
      const grown = new Float64Array(n * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[n] = v;
  }
}

/** Rows checked between heap checks while loading. */
const HEAP_CHECK_ROWS = 1 << 14;

/**
 * Builds a series record by record (header first, see `eachCsvRecord`), so a file is never held whole in memory.
 *
 * @throws InputError from `record` (bad header, wrong field count, infinity) and `finish` (see `parseSeriesCsv`).
 * @example
 * const b = new SeriesBuilder('x.csv', {}); eachCsvRecord(text, 'x.csv', b.record); const s = b.finish();
 */
export class SeriesBuilder {
  private header: string[] = [];
  /** The header as read (before control characters are removed), for the separator hint. */
  private rawHeader: string[] = [];
  private headerLine = 0;
  private dateIdx = 0;
  private valueIdx: number[] = [];
  /** Rows read so far. */
  private n = 0;
  /** Dates as milliseconds (see compact-dates.ts) while every date prints back from them; NaN for a bad one. */
  private readonly ms = new Floats();
  /** The dates as strings, once one does not print back from milliseconds (then kept for every row). */
  private strings: string[] | undefined;
  private lines = new Uint32Array(1024);
  /** One column per value column; NaN marks a missing or non-numeric cell (a number cell is never NaN). */
  private cols: Floats[] = [];
  private readonly badDates = new FirstFew();
  private readonly bad = new FirstFew();
  private readonly parseDate: (text: string) => string | null;
  constructor(
    private readonly file: string,
    private readonly opts: CsvSeriesOptions,
    private readonly tooBig?: (line: number) => void,
  ) {
    this.parseDate = opts.dateFormat !== undefined ? dateParser(opts.dateFormat) : parseDate;
  }

  record = (fields: string[], line: number): void => {
    if (this.headerLine === 0) {
      this.header = fields.map((h) => stripControl(h.trim()));
      this.rawHeader = fields;
      this.headerLine = line;
      return;
    }
    if (this.valueIdx.length === 0)
      ({ dateIdx: this.dateIdx, valueIdx: this.valueIdx } = resolveColumns(
        this.header,
        this.file,
        this.opts,
        this.rawHeader,
      ));
    const { file, header } = this;
    if (fields.length !== header.length)
      throw new InputError(`${file} line ${line}: ${fields.length} fields but the header has ${header.length}`);
    const n = this.n++;
    if (n === this.lines.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[n] = line;
    const d = this.parseDate(fields[this.dateIdx]);
    if (d === null) this.badDates.add(() => `line ${line} ("${stripControl(fields[this.dateIdx])}")`);
    this.addDate(n, d ?? '');
    if (this.cols.length === 0) this.cols = this.valueIdx.map(() => new Floats());
    for (let k = 0; k < this.valueIdx.length; k++) {
      const c = this.valueIdx[k];
      const t = fields[c].trim();
      if (NUMBER_RE.test(t)) {
        const v = Number(t);
        if (!Number.isFinite(v)) {
          const where = `${file} line ${line}, column "${header[c]}"`;
          throw new InputError(`${where}: value ${t} is beyond the number range (parses to infinity)`);
        }
        this.cols[k].push(n, v);
      } else {
        this.bad.add(() => `line ${line} (${header[c]}: ${t === '' ? 'empty' : `"${stripControl(t)}"`})`);
        this.cols[k].push(n, Number.NaN);
      }
    }
    if (this.tooBig && n % HEAP_CHECK_ROWS === 0) this.tooBig(line);
  };

  /** Keep row n's date: as milliseconds while every date so far prints back from them, else as strings. */
  private addDate(n: number, d: string): void {
    if (this.strings) {
      this.strings.push(d);
      return;
    }
    const ms = msOfIso(d);
    // a date that does not print back (a fraction finer than a millisecond) turns the dates into strings
    if (Number.isNaN(ms) && d !== '') {
      const all = this.ms.data;
      this.strings = [];
      for (let i = 0; i < n; i++) this.strings.push(Number.isNaN(all[i]) ? '' : isoOfMs(all[i], msHasTime(all[i])));
      this.strings.push(d);
      return;
    }
    this.ms.push(n, ms);
  }

  finish(): Series {
    const { file, header, headerLine } = this;
    const fill = this.opts.fill ?? 'none';
    if (headerLine === 0) throw new InputError(`${file}: empty file`);
    const rows = this.n;
    if (rows === 0) throw new InputError(`${file}: no data rows (only the header on line ${headerLine})`);
    if (this.badDates.count > 0) {
      const own = this.opts.dateFormat;
      const expected =
        own !== undefined
          ? `--date-format ${stripControl(own)}`
          : `${DATE_FORMATS}; name another with --date-format, e.g. DD/MM/YYYY`;
      throw new InputError(
        `${file}: cannot parse date in column "${header[this.dateIdx]}" at ${this.badDates} (expected ${expected})`,
      );
    }
    const lines = this.lines.subarray(0, rows);
    const strict = (this.opts.order ?? 'strict') === 'strict';
    let dates: DateStore | string[];
    if (this.strings) {
      const list = unifyDates(this.strings);
      if (strict) {
        const order = (i: number): number => (list[i] === list[i - 1] ? 0 : list[i] < list[i - 1] ? -1 : 1);
        checkOrder(rows, order, (i) => list[i], lines, file);
      }
      dates = list;
    } else {
      // one form for every date (see unifyDates): with a time of day when any date has one
      const ms = this.ms.data.slice(0, rows);
      let withTime = false;
      for (let i = 0; i < rows && !withTime; i++) withTime = msHasTime(ms[i]);
      if (strict)
        checkOrder(
          rows,
          (i) => ms[i] - ms[i - 1],
          (i) => isoOfMs(ms[i], withTime),
          lines,
          file,
        );
      dates = { ms, withTime };
    }
    const n = this.bad.count;
    if (n > 0 && fill === 'none') {
      throw new InputError(
        `${file}: ${n} missing or non-numeric value${n > 1 ? 's' : ''}: ${this.bad}; use --fill ffill|drop to accept them`,
      );
    }
    const columns = this.valueIdx.map((c) => header[c]);
    const cols = this.cols.map((c) => c.data.slice(0, rows));
    if (n === 0) return compactSeries(dates, cols, columns, file);
    const cells = Array.from({ length: rows }, (_, i) => cols.map((c) => (Number.isNaN(c[i]) ? null : c[i])));
    const { values, kept } = fillMissing(cells, fill, { columns, at: (r) => `${file} line ${lines[r]}` });
    const d = dates;
    const at = Array.isArray(d) ? (r: number) => d[r] : (r: number) => isoOfMs(d.ms[r], d.withTime);
    return { dates: kept.map(at), values, columns, source: file };
  }
}
