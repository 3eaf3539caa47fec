import type { Windows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { maxOf } from '../../util/extent';

/** The saved state of a fitted {@link ZScoreDetector}: plain JSON. */
export interface ZScoreState {
  kind: 'zscore';
  /** Trailing steps the rolling mean and std use (the windows' length at fit). */
  window: number;
  features: number;
  /** Training mean and population std of each feature (a zero std is stored as 1). */
  mean: number[];
  std: number[];
}

/**
 * The rolling z-score, the baseline every analyst already trusts: step t's score is |x_t - m| / s, with m and s the
 * mean and population std of the `window` steps before it (t - window .. t - 1, the current step excluded), the
 * largest over features. Steps with fewer than `window` steps before them are measured against the training mean
 * and std; after a constant stretch (s = 0) s is the training std; a constant training feature has std 1 (as
 * scikit-learn's StandardScaler), so no score is Infinity or NaN. A window's score is the MAX of its steps'.
 * Fit learns the window (the training windows' length) and the training mean and std.
 *
 * @example
 * const z = new ZScoreDetector().fit(makeWindows(trainRows, 30));
 * const perStep = z.scoreSteps(testRows);
 * const perWindow = z.scoreWindows(makeWindows(testRows, 30));
 */
export class ZScoreDetector {
  readonly kind = 'zscore' as const;
  private state: ZScoreState | null = null;

  /** The rolling window (0 before fit). */
  get window(): number {
    return this.state?.window ?? 0;
  }

  /**
   * Fit on the training windows (consecutive, as makeWindows gives; already scaled).
   * @throws InputError for no windows or a non-finite value; Error when the windows are not consecutive.
   */
  fit(train: Windows): this {
    if (train.n < 1) throw new InputError('zscore: no training windows');
    const rows = windowRows(train);
    const f = train.features;
    const mean = new Array<number>(f).fill(0);
    const std = new Array<number>(f).fill(0);
    for (const r of rows) for (let j = 0; j < f; j++) mean[j] += r[j] / rows.length;
    for (const r of rows) for (let j = 0; j < f; j++) std[j] += (r[j] - mean[j]) ** 2 / rows.length;
    const sd = std.map((v) => (v > 0 ? Math.sqrt(v) : 1));
    this.state = { kind: 'zscore', window: train.window, features: f, mean, std: sd };
    return this;
  }

  /**
   * |z| of every step of `rows` (in time order), the largest over features.
   * @throws Error when not fitted; InputError for rows of another width or a non-finite value.
   */
  scoreSteps(rows: ArrayLike<number>[]): number[] {
    const s = this.ready();
    const w = s.window;
    rows.forEach((r, t) => checkRow(r, t, s.features));
    const out = new Array<number>(rows.length);
    for (let t = 0; t < rows.length; t++) {
      let worst = 0;
      for (let j = 0; j < s.features; j++) {
        let m = s.mean[j];
        let sd = s.std[j];
        if (t >= w) {
          let sum = 0;
          let lo = Infinity;
          let hi = -Infinity;
          for (let k = t - w; k < t; k++) {
            const x = rows[k][j];
            sum += x;
            if (x < lo) lo = x;
            if (x > hi) hi = x;
          }
          if (hi > lo) {
            m = sum / w;
            let ss = 0;
            for (let k = t - w; k < t; k++) ss += (rows[k][j] - m) ** 2;
            sd = Math.sqrt(ss / w) || s.std[j];
          } else {
            m = lo; // a constant stretch: its value, with the training std
          }
        }
        worst = Math.max(worst, Math.abs(rows[t][j] - m) / sd);
      }
      out[t] = worst;
    }
    return out;
  }

  /**
   * Each window's score: the max of its steps' |z| (steps scored in the series the consecutive windows cover).
   * @throws Error when not fitted or the windows are not consecutive; InputError for another window shape.
   */
  scoreWindows(w: Windows): number[] {
    const s = this.ready();
    if (w.window !== s.window || w.features !== s.features) {
      const shape = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`zscore: windows of ${shape}, the detector was fitted on ${s.window} x ${s.features}`);
    }
    if (w.n === 0) return [];
    const steps = this.scoreSteps(windowRows(w));
    return Array.from({ length: w.n }, (_, i) => maxOf(steps.slice(i, i + w.window)));
  }

  /** The fitted state as plain JSON (see {@link ZScoreDetector.fromJSON}). @throws Error when not fitted. */
  toJSON(): ZScoreState {
    const s = this.ready();
    return { ...s, mean: [...s.mean], std: [...s.std] };
  }

  /**
   * A fitted detector from {@link ZScoreDetector.toJSON}'s state.
   * @throws InputError `invalid zscore state: <what>` when it is not a z-score state or its shapes disagree.
   * @example
   * const again = ZScoreDetector.fromJSON(JSON.parse(JSON.stringify(z.toJSON())));
   */
  static fromJSON(state: ZScoreState): ZScoreDetector {
    const bad = (what: string) => new InputError(`invalid zscore state: ${what}`);
    if (state?.kind !== 'zscore') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "zscore"`);
    if (!Number.isInteger(state.window) || state.window < 2) throw bad(`window ${state.window}`);
    const f = state.features;
    if (!Array.isArray(state.mean) || !Array.isArray(state.std) || state.mean.length !== f || state.std.length !== f) {
      throw bad(`mean and std need ${f} values each`);
    }
    if (state.std.some((v) => !(v > 0))) throw bad('every std must be > 0');
    const det = new ZScoreDetector();
    det.state = { ...state, mean: [...state.mean], std: [...state.std] };
    return det;
  }

  private ready(): ZScoreState {
    if (!this.state) throw new Error('zscore detector is not fitted: call fit() or fromJSON() first');
    return this.state;
  }
}

/**
 * The rows that consecutive windows cover (window i+1 is window i shifted by one step, as makeWindows gives):
 * the first window's steps, then the last step of each next window.
 *
 * @throws Error when the windows are not consecutive; InputError for a non-finite value.
 * @example
 * windowRows(makeWindows([[1], [2], [3]], 2)); // [[1], [2], [3]]
 */
export function windowRows(w: Windows): number[][] {
  const f = w.features;
  const size = w.window * f;
  if (w.x.length !== w.n * size) throw new InputError(`zscore: ${w.x.length} values for ${w.n} windows of ${size}`);
  if (w.n === 0) return [];
  const row = (i: number, t: number) => Array.from(w.x.subarray(i * size + t * f, i * size + (t + 1) * f));
  const rows = Array.from({ length: w.window }, (_, t) => row(0, t));
  for (let i = 1; i < w.n; i++) {
    for (let k = 0; k < size - f; k++) {
      if (w.x[i * size + k] !== w.x[(i - 1) * size + k + f] && !Number.isNaN(w.x[i * size + k])) {
        throw new Error(`zscore: window ${i} is not window ${i - 1} shifted by one step (windows must be consecutive)`);
      }
    }
    rows.push(row(i, w.window - 1));
  }
  rows.forEach((r, t) => checkRow(r, t, f));
  return rows;
}

function checkRow(r: ArrayLike<number>, t: number, features: number): void {
  if (r.length !== features) throw new InputError(`zscore: row ${t} has ${r.length} values, expected ${features}`);
  for (let j = 0; j < features; j++) {
    if (!Number.isFinite(r[j])) throw new InputError(`zscore: row ${t} has a non-finite value (${r[j]})`);
  }
}
