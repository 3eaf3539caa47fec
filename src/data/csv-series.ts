import { InputError } from '../util/errors';
import { stripControl } from '../util/sanitize';
import { type DateStore, isoOfMs, msHasTime, msOfIso } from './compact-dates';
import { resolveColumns } from './csv-series-columns';
import { FirstFew } from './csv-series-first-few';
import type { CsvSeriesOptions } from './csv-series-options';
import { checkOrder } from './csv-series-order';
import { dateParser } from './date-format';
import { DATE_FORMATS, parseDate, unifyDates } from './dates';
import { fillMissing } from './fill';
import { compactSeries, type Series } from './series';

export type { CsvSeriesOptions, DateOrder } from './csv-series-options';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A growable Float64Array. */
class Floats {
  data = new Float64Array(16);
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
  private lines = new Uint32Array(16);
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
