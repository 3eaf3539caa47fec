import { dateAt, dateStore, rowCount, type Series } from '../data/series';
import { InputError } from '../util/errors';
import { isoMillis, type LabelInterval } from './labels';

/** Labels placed on a series' steps. */
export interface StepLabels {
  /** True at every step whose date lies inside a label (inclusive). */
  truth: boolean[];
  /** Each label as inclusive step indices `[first, last]` of the steps inside it (clipped to the series). */
  spans: [number, number][];
}

/** Epoch milliseconds of every date: a compact series' own (no string made), else each string's. */
function millisOf(dates: readonly string[] | Series): ArrayLike<number> {
  if (Array.isArray(dates)) return (dates as readonly string[]).map(isoMillis);
  const s = dates as Series;
  // a compact series' milliseconds print back to its date strings (dateStoreOf checks), so they are isoMillis'
  const store = dateStore(s);
  if (store) return store.ms;
  return s.dates.map(isoMillis);
}

/**
 * Place labeled intervals on a series' dates (in time order): the dates as strings, or the series itself, whose
 * dates a compact series keeps as milliseconds (no date string made, see `compactSeries`). A label that only
 * partly overlaps the series is clipped to it; one holding no step of the series is refused.
 *
 * @throws InputError `<name>: label <start>..<end> is outside the series (<first>..<last>)`, or holds no step.
 * @example
 * labelSteps([{ start: '2020-01-02', end: '2020-01-09' }], ['2020-01-01', '2020-01-02']).spans; // [[1, 1]]
 * labelSteps(labels, series, 'windows.json'); // the same for a series, keeping a compact one compact
 */
export function labelSteps(labels: LabelInterval[], dates: readonly string[] | Series, name = 'labels'): StepLabels {
  const list = Array.isArray(dates) ? (dates as readonly string[]) : undefined;
  const n = list ? list.length : rowCount(dates as Series);
  const at = (i: number): string => (list ? list[i] : dateAt(dates as Series, i));
  const t = millisOf(dates);
  const truth = new Array<boolean>(n).fill(false);
  const spans: [number, number][] = [];
  for (const l of labels) {
    const a = isoMillis(l.start);
    const b = isoMillis(l.end);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new InputError(`${name}: invalid label dates ${l.start}..${l.end}`);
    }
    if (n === 0 || b < t[0] || a > t[n - 1]) {
      const range = n ? `${at(0)}..${at(n - 1)}` : 'empty';
      throw new InputError(`${name}: label ${l.start}..${l.end} is outside the series (${range})`);
    }
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (t[i] >= a && t[i] <= b) {
        truth[i] = true;
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) throw new InputError(`${name}: label ${l.start}..${l.end} holds no step of the series`);
    spans.push([first, last]);
  }
  return { truth, spans };
}
