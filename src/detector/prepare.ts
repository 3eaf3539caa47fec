import {
  dateAt,
  firstRowFrom,
  rowCount,
  rowsOf,
  rowsOfDates,
  type Series,
  type ValueTable,
  valueAt,
  valueTable,
} from '../data/series';
import type { AnomalyRecord, ScoredWindow } from '../result';
import { flatWindows, type Windows } from '../sequence/windows';
import type { Threshold } from '../threshold/rule';
import { Scaler, type ScalerKind } from '../transform/scaler';
import { applyTransform, type TransformKind } from '../transform/transforms';
import { InputError } from '../util/errors';
import { sharedAccessor } from '../util/lazy';
import type { ScoreResult, WindowScores } from './contract';

/** What every detector does to a series before its model sees it: transform, scaler, window. */
export interface PrepareOptions {
  transform: TransformKind;
  scaler: ScalerKind;
  window: number;
}

/** A training series made ready: transformed, the scaler fitted on it, and its scaled windows. */
export interface PreparedTrain {
  transformed: Series;
  scaler: Scaler;
  windows: Windows;
}

/** A series made ready for scoring: transformed, and the scaled windows of the part from `first`. */
export interface PreparedScore {
  transformed: Series;
  /** Index in `transformed` of the first scored step. */
  first: number;
  /** The scaled rows from `first` on (the windows are cut from them), made when first read. */
  rows: number[][];
  windows: Windows;
}

/**
 * Transform a raw training series, fit the scaler on it and cut its scaled windows (shared by every detector).
 *
 * @throws InputError `too few rows: ...` when the transformed part is shorter than a window; for a constant series.
 * @example
 * const { scaler, windows } = prepareTrain(train, { transform: 'none', scaler: 'standard', window: 30 });
 */
export function prepareTrain(train: Series, o: PrepareOptions): PreparedTrain {
  const t = applyTransform(train, o.transform);
  const n = rowCount(t);
  if (n < o.window) {
    const lost = rowCount(train) - n;
    const window = `window ${o.window}${lost > 0 ? ` after the ${o.transform} transform` : ''}`;
    const rows = `training part has ${rowCount(train)} rows`;
    throw new InputError(`too few rows: ${rows}, ${window} needs at least ${o.window + lost}`);
  }
  const scaler = Scaler.fit(o.scaler, valueTable(t), train.columns);
  const windows = scaledWindows(valueTable(t), scaler, o.window, 'training part');
  return { transformed: t, scaler, windows };
}

/** Rows scaled a block at a time into one flat array (not one array per row: millions of rows). */
function scaledWindows(rows: ValueTable, scaler: Scaler, window: number, what: string): Windows {
  const { features } = rows;
  const flat = new Float64Array(rows.length * features);
  for (let r = 0; r < rows.length; r++)
    for (let j = 0; j < features; j++) flat[r * features + j] = scaler.scaleAt(rows.at(r, j), j, r);
  return flatWindows({ length: rows.length, features, at: (r, j) => flat[r * features + j] }, window, what);
}

/**
 * Transform a raw series with a fitted scaler and cut the scaled windows of the part whose first step is on or
 * after `from` (earlier rows only give the transform its lag).
 *
 * @throws InputError when the columns differ from `columns`, or for too few rows.
 * @example
 * const { windows } = prepareScore(series, o, scaler, det.columns, test.dates[0]);
 */
export function prepareScore(
  series: Series,
  o: PrepareOptions,
  scaler: Scaler,
  columns: readonly string[],
  from?: string,
): PreparedScore {
  if (series.columns.length !== columns.length) {
    const got = `${series.columns.length} value columns (${series.columns.join(', ')})`;
    throw new InputError(
      `${series.source}: ${got}, the model was trained on ${columns.length} (${columns.join(', ')})`,
    );
  }
  const t = applyTransform(series, o.transform);
  let first = 0;
  if (from !== undefined) {
    first = firstRowFrom(t, from);
    if (first < 0) first = rowCount(t);
  }
  const part = valueTable(t, first);
  const windows = scaledWindows(part, scaler, o.window, from ? `part from ${from}` : 'series');
  // the scaled rows as arrays only when a detector reads them (one array per row: millions of rows)
  const p = { transformed: t, first, windows } as PreparedScore;
  Object.defineProperty(p, LAZY, { value: { scaler, part } satisfies RowsState });
  sharedAccessor(p, 'rows', scaledRows);
  return p;
}

// The state that the lazy fields' shared accessors read (see sharedAccessor).
const LAZY = Symbol('lazy fields');

interface RowsState {
  scaler: Scaler;
  part: ValueTable;
  rows?: number[][];
}

function scaledRows(this: { [LAZY]: RowsState }): number[][] {
  const st = this[LAZY];
  st.rows ??= st.scaler.transform(rowsOf(st.part));
  return st.rows;
}

/**
 * Date window scores by their first and last step and flag them with the threshold (unflagged without one).
 *
 * @throws Nothing.
 * @example
 * datedScores(['d1', 'd2', 'd3'], [0.1, 0.9], 2, threshold); // { start: ['d1','d2'], end: ['d2','d3'], ... }
 */
export function datedScores(
  dates: readonly string[] | Series,
  scores: number[],
  window: number,
  threshold?: Threshold,
): WindowScores {
  const at = Array.isArray(dates)
    ? (i: number) => (dates as readonly string[])[i]
    : (i: number) => dateAt(dates as Series, i);
  // the date lists and flags are made when first read: a fitted detector keeps its training scores, mostly for
  // `mae` only (millions of training windows)
  const s = {} as WindowScores;
  Object.defineProperty(s, LAZY, { value: { at, scores, window, threshold } satisfies DatedState });
  sharedAccessor(s, 'start', datedStart);
  sharedAccessor(s, 'end', datedEnd);
  s.mae = scores;
  sharedAccessor(s, 'anomaly', datedFlags);
  return s;
}

interface DatedState {
  at: (i: number) => string;
  scores: number[];
  window: number;
  threshold?: Threshold;
  start?: string[];
  end?: string[];
  flags?: boolean[];
}

type Dated = { [LAZY]: DatedState };

function datedStart(this: Dated): string[] {
  const st = this[LAZY];
  st.start ??= st.scores.map((_, i) => st.at(i));
  return st.start;
}

function datedEnd(this: Dated): string[] {
  const st = this[LAZY];
  st.end ??= st.scores.map((_, i) => st.at(i + st.window - 1));
  return st.end;
}

function datedFlags(this: Dated): boolean[] {
  const st = this[LAZY];
  st.flags ??= st.threshold ? st.threshold.flag(st.scores) : st.scores.map(() => false);
  return st.flags;
}

/**
 * The {@link ScoreResult} of scored windows: records per window and the flagged ones with the raw value (first
 * feature) at their last step.
 *
 * @throws Nothing.
 * @example
 * const result = scoreResult(series, prepared, datedScores(dates, scores, 30, threshold));
 */
export function scoreResult(series: Series, transformed: Series, s: WindowScores): ScoreResult {
  const windows: ScoredWindow[] = s.end.map((end, i) => ({
    start: s.start[i],
    end,
    mae: s.mae[i],
    anomaly: s.anomaly[i],
  }));
  // the last raw row of each flagged date, found in one pass (no index of every date: millions of rows)
  const flagged: string[] = [];
  for (let i = 0; i < s.end.length; i++) if (s.anomaly[i]) flagged.push(s.end[i]);
  const rawIndex = rowsOfDates(series, flagged);
  const anomalies: AnomalyRecord[] = windows
    .filter((x) => x.anomaly)
    .map((x) => ({ date: x.end, value: valueAt(series, rawIndex.get(x.end)!, 0), mae: x.mae }));
  return { ...s, windows, anomalies, transformed };
}
