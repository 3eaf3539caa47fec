import { InputError, invalid } from '../util/errors';

/** Windows stored flat: `x[(i * window + t) * features + j]` is step t, feature j of window i. */
export interface Windows {
  x: Float32Array;
  /** Number of windows. */
  n: number;
  window: number;
  features: number;
}

/**
 * Every full window of `window` consecutive rows: a part of n rows gives n - window + 1 windows.
 * Window i covers rows i .. i + window - 1 and is dated by its last row.
 *
 * @throws InputError `invalid window: <w>` when w < 1 or not an integer (window 1: each row alone, for tables); when rows < window (says how many are needed).
 * @example
 * makeWindows([[1], [2], [3]], 2).n; // 2
 */
export function makeWindows(rows: number[][], window: number, what = 'series'): Windows {
  const features = rows.length > 0 ? rows[0].length : 1;
  return flatWindows({ length: rows.length, features, at: (r, j) => rows[r][j] }, window, what);
}

/** Rows to cut windows from, read one value at a time: `at(row, feature)`. */
export interface RowSource {
  /** Number of rows. */
  length: number;
  features: number;
  at(row: number, feature: number): number;
}

/**
 * {@link makeWindows} over rows read through `at` (rows stored flat, `values[row * features + j]`, say), so a long
 * series need not exist as one array per row.
 *
 * @throws InputError as makeWindows does.
 * @example
 * flatWindows({ length: 3, features: 1, at: (r) => [1, 2, 3][r] }, 2).n; // 2
 */
export function flatWindows(rows: RowSource, window: number, what = 'series'): Windows {
  if (!Number.isInteger(window) || window < 1) throw invalid('window', window, 'an integer >= 1');
  const { features } = rows;
  const n = rows.length - window + 1;
  if (n < 1)
    throw new InputError(
      `too few rows: the ${what} has ${rows.length} rows, a window of ${window} needs at least ${window}`,
    );
  const x = new Float32Array(n * window * features);
  // Each window is a copy of its rows (windows overlap in the rows, not in memory).
  for (let i = 0; i < n; i++) {
    let o = i * window * features;
    for (let t = 0; t < window; t++) for (let j = 0; j < features; j++) x[o++] = rows.at(i + t, j);
  }
  return { x, n, window, features };
}

/**
 * Take a subset of windows (by index) as a new Windows.
 *
 * @example
 * const val = pickWindows(w, [8, 9]);
 */
export function pickWindows(w: Windows, idx: ArrayLike<number>): Windows {
  const size = w.window * w.features;
  const x = new Float32Array(idx.length * size);
  for (let k = 0; k < idx.length; k++) x.set(w.x.subarray(idx[k] * size, (idx[k] + 1) * size), k * size);
  return { x, n: idx.length, window: w.window, features: w.features };
}
