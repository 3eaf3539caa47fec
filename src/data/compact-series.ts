import { sharedAccessor } from '../util/lazy';
import type { DateStore } from './compact-dates';
import { isoOfMs } from './compact-dates';
import type { Series } from './series-type';

/** The typed storage behind a compact series: what is still authoritative (not yet made into arrays). */
interface CompactStore {
  /** The dates as milliseconds, until `dates` is read. */
  dates?: DateStore;
  /** One column per feature, until `values` is read. */
  values?: Float64Array[];
  /** The dates as strings, once made (or set). */
  dateList?: string[];
  /** The values as rows, once made (or set). */
  rows?: number[][];
}

const STORE = Symbol('compact series store');

type Compact = Series & { [STORE]: CompactStore };

// The accessors of `dates` and `values` (see sharedAccessor): one function each for every compact series.
function getDates(this: Compact): string[] {
  const st = this[STORE];
  if (st.dateList === undefined) {
    const { ms, withTime } = st.dates as DateStore;
    const list = new Array<string>(ms.length);
    for (let i = 0; i < ms.length; i++) list[i] = isoOfMs(ms[i], withTime);
    st.dateList = list;
    st.dates = undefined;
  }
  return st.dateList;
}

function setDates(this: Compact, v: string[]): void {
  this[STORE].dateList = v;
  this[STORE].dates = undefined;
}

function getValues(this: Compact): number[][] {
  const st = this[STORE];
  if (st.rows === undefined) {
    const cols = st.values as Float64Array[];
    const n = cols[0].length;
    const rows = new Array<number[]>(n);
    for (let i = 0; i < n; i++) rows[i] = cols.map((c) => c[i]);
    st.rows = rows;
    st.values = undefined;
  }
  return st.rows;
}

function setValues(this: Compact, v: number[][]): void {
  this[STORE].rows = v;
  this[STORE].values = undefined;
}

/**
 * A series whose dates and values live in typed arrays (epoch milliseconds, one `Float64Array` per column):
 * 16 bytes a row of one column instead of a string and an array. It is a {@link Series}: `dates` and `values`
 * are made into arrays when first read (and kept); the accessors below ({@link rowCount}, {@link dateAt},
 * {@link valueAt}, {@link column}) read the typed arrays until then, so a long run never makes them. After
 * `dates` or `values` has been read, the arrays are the series (a change to them is seen by the accessors).
 * Either part may be given as arrays already (dates that do not print back from milliseconds stay strings).
 *
 * @throws never.
 * @example
 * const s = compactSeries(dateStoreOf(['2020-01-02', '2020-01-03'])!, [Float64Array.of(1, 2)], ['close'], 'x.csv');
 * dateAt(s, 1); // '2020-01-03' (no array made)
 * s.values; // [[1], [2]] (made now)
 */
export function compactSeries(
  dates: DateStore | string[],
  values: Float64Array[] | number[][],
  columns: string[],
  source: string,
): Series {
  const store: CompactStore = {};
  const s = {} as Series;
  Object.defineProperty(s, STORE, { value: store, enumerable: false });
  if (Array.isArray(dates)) s.dates = dates;
  else {
    store.dates = dates;
    sharedAccessor(s, 'dates', getDates, setDates);
  }
  if (values.length > 0 && values[0] instanceof Float64Array) {
    store.values = values as Float64Array[];
    sharedAccessor(s, 'values', getValues, setValues);
  } else s.values = values as number[][];
  s.columns = columns;
  s.source = source;
  return s;
}

/**
 * The typed parts of a compact series still authoritative, or `undefined` for a series of arrays (for the
 * accessors of series.ts; other code asks {@link dateStore}, {@link hasCompactValues}).
 *
 * @throws never.
 * @example
 * compactOf(series)?.values?.[0]; // the first column, while `values` has not been read
 */
export function compactOf(s: Series): CompactStore | undefined {
  return (s as { [STORE]?: CompactStore })[STORE];
}

/**
 * True when a series keeps its dates as milliseconds (not yet made strings), see {@link compactSeries}.
 *
 * @throws never.
 * @example
 * if (hasCompactDates(series)) console.log('dates not yet made strings');
 */
export function hasCompactDates(s: Series): boolean {
  return compactOf(s)?.dates !== undefined;
}

/**
 * True when a series keeps its values as typed columns (not yet made row arrays), see {@link compactSeries}.
 *
 * @throws never.
 * @example
 * if (hasCompactValues(series)) console.log('values not yet made arrays');
 */
export function hasCompactValues(s: Series): boolean {
  return compactOf(s)?.values !== undefined;
}

/**
 * The dates of a compact series as milliseconds (see compact-dates.ts), or `undefined` when they are strings
 * (a series of arrays, dates that do not print back from milliseconds, or `dates` already read).
 *
 * @throws never.
 * @example
 * dateStore(series)?.ms.length; // rows, when compact
 */
export function dateStore(s: Series): DateStore | undefined {
  return compactOf(s)?.dates;
}

/**
 * A series with the dates (compact or not), columns and source of `s` and other values: typed columns (one
 * `Float64Array` per feature) or row arrays.
 *
 * @throws never.
 * @example
 * const doubled = withValues(series, [column(series, 0).map((v) => 2 * v)]);
 */
export function withValues(s: Series, values: Float64Array[] | number[][]): Series {
  const d = compactOf(s)?.dates;
  if (!d && !(values[0] instanceof Float64Array))
    return { dates: s.dates, values: values as number[][], columns: s.columns, source: s.source };
  return compactSeries(d ?? s.dates, values, s.columns, s.source);
}
