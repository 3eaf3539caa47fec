import { isoOfMs, msOfIso } from './compact-dates';
import { compactOf, compactSeries } from './compact-series';
import type { Series } from './series-type';

export { compactSeries, dateStore, hasCompactDates, hasCompactValues, withValues } from './compact-series';
export type { Series } from './series-type';

/**
 * Rows of a series, without making a compact series' arrays.
 *
 * @throws never.
 * @example
 * rowCount({ dates: ['2020-01-02'], values: [[1]], columns: ['x'], source: 't' }); // 1
 */
export function rowCount(s: Series): number {
  // the dates count the rows (never the typed values: the arrays, once made, may have grown)
  const d = compactOf(s)?.dates;
  return d ? d.ms.length : s.dates.length;
}

/**
 * The date of row `i` (`s.dates[i]`), without making a compact series' date strings.
 *
 * @throws never (an index out of range gives `undefined`, as the array would).
 * @example
 * dateAt(series, 0); // '2020-01-02'
 */
export function dateAt(s: Series, i: number): string {
  const d = compactOf(s)?.dates;
  if (d) return (i >= 0 && i < d.ms.length ? isoOfMs(d.ms[i], d.withTime) : undefined) as string;
  return s.dates[i];
}

/**
 * The value of row `i`, feature `j` (`s.values[i][j]`), without making a compact series' row arrays.
 *
 * @throws never for a row in range.
 * @example
 * valueAt(series, 0, 0); // 3230.78
 */
export function valueAt(s: Series, i: number, j: number): number {
  const v = compactOf(s)?.values;
  return v ? v[j][i] : s.values[i][j];
}

/**
 * Feature `j` of every row as a `Float64Array`: a compact series' own column (shared: do not change it), else a
 * copy out of the row arrays.
 *
 * @throws never.
 * @example
 * column(series, 0).length === rowCount(series); // true
 */
export function column(s: Series, j: number): Float64Array {
  const v = compactOf(s)?.values;
  return v ? v[j] : Float64Array.from(s.values, (r) => r[j]);
}

/**
 * The first row whose date is at or after `from` (string order, as `dates.findIndex((d) => d >= from)`), or
 * -1; a compact series compares numbers where `from` prints back from its milliseconds.
 *
 * @throws never.
 * @example
 * firstRowFrom(series, '2020-03-01'); // e.g. 41
 */
export function firstRowFrom(s: Series, from: string): number {
  const d = compactOf(s)?.dates;
  if (!d) return s.dates.findIndex((x) => x >= from);
  const ms = msOfIso(from);
  if (!Number.isNaN(ms) && (isoOfMs(ms, d.withTime) === from || isoOfMs(ms, false) === from)) {
    // dates of one form order as strings the way their milliseconds order as numbers (a bare day sorts before
    // that day's times, as its midnight does)
    for (let i = 0; i < d.ms.length; i++) if (d.ms[i] >= ms) return i;
    return -1;
  }
  for (let i = 0; i < d.ms.length; i++) if (isoOfMs(d.ms[i], d.withTime) >= from) return i;
  return -1;
}

/**
 * The first row whose date is `date` (`dates.indexOf(date)`), or -1, without making a compact series' strings.
 *
 * @throws never.
 * @example
 * indexOfDate(series, '2020-03-16'); // e.g. 52
 */
export function indexOfDate(s: Series, date: string): number {
  const d = compactOf(s)?.dates;
  if (!d) return s.dates.indexOf(date);
  const ms = msOfIso(date);
  if (Number.isNaN(ms) || isoOfMs(ms, d.withTime) !== date) return -1;
  return d.ms.indexOf(ms);
}

/**
 * Dates of rows `[start, end)` as strings (`s.dates.slice(start, end)`), making only those of a compact series.
 *
 * @throws never.
 * @example
 * datesOf(series, 10, 12); // ['2020-01-16', '2020-01-17']
 */
export function datesOf(s: Series, start: number, end: number = rowCount(s)): string[] {
  const d = compactOf(s)?.dates;
  if (!d) return s.dates.slice(start, end);
  const a = Math.max(0, start);
  const b = Math.min(end, d.ms.length);
  const out = new Array<string>(Math.max(0, b - a));
  for (let i = a; i < b; i++) out[i - a] = isoOfMs(d.ms[i], d.withTime);
  return out;
}

/**
 * Rows `[start, end)` of a series, as a new series with the same columns and source. A compact series (see
 * {@link compactSeries}) gives a compact one sharing its typed arrays (no copy).
 *
 * @example
 * const head = sliceSeries(series, 0, 10);
 */
export function sliceSeries(s: Series, start: number, end: number): Series {
  const c = compactOf(s);
  if (c) {
    const n = rowCount(s);
    const a = Math.min(Math.max(start < 0 ? n + start : start, 0), n);
    const b = Math.max(Math.min(end < 0 ? n + end : end, n), a);
    const dates = c.dates ? { ms: c.dates.ms.subarray(a, b), withTime: c.dates.withTime } : s.dates.slice(a, b);
    const values = c.values ? c.values.map((col) => col.subarray(a, b)) : s.values.slice(a, b);
    return compactSeries(dates, values, s.columns, s.source);
  }
  return { dates: s.dates.slice(start, end), values: s.values.slice(start, end), columns: s.columns, source: s.source };
}

/**
 * The row of each of a few dates, found in one pass over the series: where a date appears more than once (order
 * `keep`), its last row, as an index of every date would give (its first with `which` 'first', as `indexOf`);
 * dates not in the series are absent. Only the
 * dates asked for are indexed (an index of every date of a long series holds millions of entries). Give the
 * series itself (not its `dates`) to keep a compact series compact.
 *
 * @throws never.
 * @example
 * rowsOfDates(series.dates, ['2020-03-16', 'nope']); // Map { '2020-03-16' => 4, ... } ('nope' absent)
 * rowsOfDates(series, ['2020-03-16']); // the same, without making the dates of a compact series strings
 */
export function rowsOfDates(
  dates: readonly string[] | Series,
  wanted: Iterable<string>,
  which: 'first' | 'last' = 'last',
): Map<string, number> {
  const first = which === 'first';
  const rows = new Map<string, number>();
  for (const d of wanted) rows.set(d, -1);
  const store = Array.isArray(dates) ? undefined : compactOf(dates as Series)?.dates;
  if (store && rows.size > 0) {
    // each wanted date that prints back from its milliseconds is found by number (no string per row)
    const byMs = new Map<number, string>();
    for (const d of rows.keys()) {
      const ms = msOfIso(d);
      if (!Number.isNaN(ms) && isoOfMs(ms, store.withTime) === d) byMs.set(ms, d);
    }
    for (let i = 0; i < store.ms.length; i++) {
      const d = byMs.get(store.ms[i]);
      if (d !== undefined && !(first && rows.get(d)! >= 0)) rows.set(d, i);
    }
  } else if (rows.size > 0) {
    const list = Array.isArray(dates) ? (dates as readonly string[]) : (dates as Series).dates;
    for (let i = 0; i < list.length; i++)
      if (rows.has(list[i]) && !(first && rows.get(list[i])! >= 0)) rows.set(list[i], i);
  }
  for (const [d, i] of rows) if (i < 0) rows.delete(d);
  return rows;
}

/** Rows of values read one at a time (`at(row, feature)`), the same shape as the sequence stage's `RowSource`. */
export interface ValueTable {
  /** Number of rows. */
  readonly length: number;
  /** Values per row. */
  readonly features: number;
  /** Value of `row`, `feature`. */
  at(row: number, feature: number): number;
}

/**
 * Rows `[start, end)` of a series' values as a {@link ValueTable}: a compact series' columns read in place, or
 * its row arrays (no copy either way). A plain `number[][]` is read the same way.
 *
 * @throws never.
 * @example
 * const t = valueTable(series, 10); t.at(0, 0) === series.values[10][0]; // true
 */
export function valueTable(s: Series | number[][], start = 0, end?: number): ValueTable {
  const v = Array.isArray(s) ? undefined : compactOf(s)?.values;
  const n = Array.isArray(s) ? s.length : rowCount(s);
  const a = Math.min(start, n);
  const length = Math.max(0, Math.min(end ?? n, n) - a);
  if (v) return { length, features: v.length, at: (r, j) => v[j][a + r] };
  const rows = Array.isArray(s) ? s : s.values;
  const features = rows.length > 0 ? rows[0].length : Array.isArray(s) ? 1 : s.columns.length;
  return { length, features, at: (r, j) => rows[a + r][j] };
}

/**
 * The rows of a {@link ValueTable} as arrays (`number[][]`), for code that needs them (small tables, errors).
 *
 * @throws never.
 * @example
 * rowsOf(valueTable(series, 0, 2)); // [[3230.78], [3257.85]]
 */
export function rowsOf(t: ValueTable): number[][] {
  return Array.from({ length: t.length }, (_, r) => Array.from({ length: t.features }, (_, j) => t.at(r, j)));
}
