import type { Windows } from '../../sequence/windows';
import { InputError, invalid } from '../../util/errors';
import { abJoin, exclusionZone, selfJoin } from './profile';

/**
 * Most values (rows x columns) the mp detector keeps as its reference: 1,000,000, about 20 MB of model.json. Its
 * time grows as the square of the rows (a self-join of 50,000 rows is about 1.25e9 pair updates), so a longer
 * training part is better shortened (`--train-frac`, `--train-until`).
 */
export const MAX_MP_REFERENCE = 1_000_000;

/** The saved state of a fitted {@link MatrixProfileDetector}: plain JSON. */
export interface MpState {
  kind: 'mp';
  /** Steps per window (the subsequence length m). */
  window: number;
  features: number;
  /** The training series, one array per feature, as scaled values (as the windows hold them). */
  reference: number[][];
}

/**
 * Matrix-profile discords (Yeh et al. 2016): a window's score is the z-normalised Euclidean distance to its
 * nearest non-trivial neighbour (profile.ts, STOMP's recurrence in O(n^2) time and O(n) memory; exclusion zone
 * ceil(window / 4) as stumpy). Fit keeps the training series as the reference; nothing is learned and nothing is
 * random (no seed). Scoring the reference itself is the self-join; any other series is scored against the
 * reference (AB-join) and against its own windows outside the exclusion zone (self-join), the nearer of the two:
 * a discord is a window unlike everything else seen, and behaviour that recurs in the scored part counts as
 * normal even where the training part lacked it. Several features: the sum of the per-column profiles.
 *
 * @example
 * const mp = new MatrixProfileDetector().fit(makeWindows(trainRows, 100));
 * const scores = mp.scoreWindows(makeWindows(testRows, 100)); // distances in [0, 2 sqrt(window)] per column
 */
export class MatrixProfileDetector {
  readonly kind = 'mp' as const;
  private state: { window: number; features: number; reference: Float64Array[] } | null = null;
  /** The reference's self-join per column, once computed (a fit scores it, then `--fit all` scores it again). */
  private own: Float64Array[] | null = null;

  /**
   * Keep the training series (from consecutive, scaled windows) as the reference.
   * @throws InputError for no windows, a window below 3 steps, a non-finite value, too few rows for the
   * self-join or more than {@link MAX_MP_REFERENCE} values.
   */
  fit(train: Windows): this {
    if (train.n < 1) throw new InputError('mp: no training windows');
    checkWindow(train.window);
    const reference = windowColumns(train);
    const rows = reference[0].length;
    if (rows * train.features > MAX_MP_REFERENCE) {
      throw new InputError(
        `mp: the training part has ${rows} rows x ${train.features} column(s), more than the ` +
          `${MAX_MP_REFERENCE} values the mp detector keeps (use a shorter training part: --train-frac, --train-until)`,
      );
    }
    const zone = exclusionZone(train.window);
    if (train.n < 2 * zone + 2) {
      throw new InputError(
        `mp: the training part has ${rows} rows; a window of ${train.window} needs at least ` +
          `${train.window + 2 * zone + 1} so that every window has a neighbour outside its exclusion zone (${zone} steps)`,
      );
    }
    this.state = { window: train.window, features: train.features, reference };
    this.own = null;
    return this;
  }

  /**
   * Each window's distance to its nearest non-trivial neighbour (summed over features).
   * @throws Error when not fitted or the windows are not consecutive; InputError for another window shape or a
   * non-finite value.
   */
  scoreWindows(w: Windows): number[] {
    const s = this.ready();
    if (w.window !== s.window || w.features !== s.features) {
      const shape = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`mp: windows of ${shape}, the detector was fitted on ${s.window} x ${s.features}`);
    }
    if (w.n === 0) return [];
    const cols = windowColumns(w);
    const same = cols.every((c, j) => sameValues(c, s.reference[j]));
    if (same) this.own ??= cols.map((c) => selfJoin(c, s.window));
    const total = new Float64Array(w.n);
    cols.forEach((c, j) => {
      const own = same ? this.own![j] : selfJoin(c, s.window);
      const p = same ? own : abJoin(c, s.reference[j], s.window);
      for (let i = 0; i < w.n; i++) total[i] += Math.min(p[i], own[i]);
    });
    return Array.from(total);
  }

  /** The fitted state as plain JSON (see {@link MatrixProfileDetector.fromJSON}). @throws Error when not fitted. */
  toJSON(): MpState {
    const s = this.ready();
    return { kind: 'mp', window: s.window, features: s.features, reference: s.reference.map((c) => Array.from(c)) };
  }

  /**
   * A fitted detector from {@link MatrixProfileDetector.toJSON}'s state.
   * @throws InputError `invalid mp state: <what>` when it is not an mp state or its shapes disagree.
   * @example
   * const again = MatrixProfileDetector.fromJSON(JSON.parse(JSON.stringify(mp.toJSON())));
   */
  static fromJSON(state: MpState): MatrixProfileDetector {
    const bad = (what: string) => new InputError(`invalid mp state: ${what}`);
    if (state?.kind !== 'mp') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "mp"`);
    if (!Number.isInteger(state.window) || state.window < 3) throw bad(`window ${state.window}`);
    const f = state.features;
    if (!Number.isInteger(f) || f < 1) throw bad(`features ${f}`);
    const ref = state.reference;
    if (!Array.isArray(ref) || ref.length !== f) throw bad(`reference needs ${f} column(s)`);
    const rows = Array.isArray(ref[0]) ? ref[0].length : 0;
    if (rows < state.window || rows * f > MAX_MP_REFERENCE) throw bad(`reference of ${rows} rows`);
    for (const c of ref) {
      if (!Array.isArray(c) || c.length !== rows) throw bad(`every reference column needs ${rows} values`);
      if (!c.every((v) => typeof v === 'number' && Number.isFinite(v))) throw bad('a reference value is not finite');
    }
    const det = new MatrixProfileDetector();
    det.state = { window: state.window, features: f, reference: ref.map((c) => Float64Array.from(c)) };
    return det;
  }

  private ready(): NonNullable<MatrixProfileDetector['state']> {
    if (!this.state) throw new Error('mp detector is not fitted: call fit() or fromJSON() first');
    return this.state;
  }
}

/**
 * Check the window of the mp detector: z-normalised windows need at least 3 steps (as stumpy).
 *
 * @throws InputError `invalid window: 2 (the mp detector needs at least 3 steps)`.
 * @example
 * checkWindow(30);
 */
export function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 3)
    throw invalid('window', window, 'the mp detector needs at least 3 steps');
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The series that consecutive windows cover, one array per feature. */
function windowColumns(w: Windows): Float64Array[] {
  const f = w.features;
  const size = w.window * f;
  const rows = w.n + w.window - 1;
  for (let i = 1; i < w.n; i++) {
    for (let k = 0; k < size - f; k++) {
      if (w.x[i * size + k] !== w.x[(i - 1) * size + k + f] && !Number.isNaN(w.x[i * size + k])) {
        throw new Error(`mp: window ${i} is not window ${i - 1} shifted by one step (windows must be consecutive)`);
      }
    }
  }
  return Array.from({ length: f }, (_, j) => {
    const c = new Float64Array(rows);
    for (let t = 0; t < rows; t++) {
      const i = Math.min(t, w.n - 1);
      const v = w.x[i * size + (t - i) * f + j];
      if (!Number.isFinite(v)) throw new InputError(`mp: row ${t} has a non-finite value (${v})`);
      c[t] = v;
    }
    return c;
  });
}
