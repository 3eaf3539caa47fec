import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Windows } from '../../sequence/windows';
import { InputError, invalid } from '../../util/errors';

/** Options of {@link PcaDetector}. */
export interface PcaOptions {
  /** Principal components to keep. Default: as many as explain `variance` of the training variance. */
  components?: number;
  /** Share of the training variance the kept components explain at least (when `components` is unset). Default 0.95. */
  variance?: number;
}

/** The saved state of a fitted {@link PcaDetector}: plain JSON. */
export interface PcaState {
  kind: 'pca';
  /** Steps per window and values per step the detector was fitted on. */
  window: number;
  features: number;
  /** The `components` option (null: chosen by the variance rule) and the `variance` option. */
  components: number | null;
  variance: number;
  /** Training mean of every window value (window x features values, row-major). */
  mean: number[];
  /** The kept principal components (unit vectors), largest variance first. */
  basis: number[][];
  /** Share of the training variance of every component, largest first (window x features values). */
  explained: number[];
}

/**
 * PCA reconstruction of windows: the principal components of the training windows (each window flattened, centred
 * on the training mean) span a subspace; a window's score is the mean absolute error of its projection on that
 * subspace (as the LSTM's MAE). Components: `components`, else the fewest explaining `variance` (95%) of the
 * training variance but at most window x features - 1: with every component kept each window is its own exact
 * reconstruction and every score 0 (short windows of noisy series get there). The decomposition is ml-matrix's
 * symmetric eigendecomposition of the covariance matrix.
 *
 * @example
 * const pca = new PcaDetector().fit(makeWindows(trainRows, 30));
 * const mae = pca.scoreWindows(makeWindows(testRows, 30)); // one MAE per window
 */
export class PcaDetector {
  readonly kind = 'pca' as const;
  readonly options: { components?: number; variance: number };
  private state: PcaState | null = null;

  /** @throws InputError `invalid components|variance: <v>` for a non-positive count or a share outside (0, 1]. */
  constructor(options: PcaOptions = {}) {
    const { components, variance = 0.95 } = options;
    if (components !== undefined && (!Number.isInteger(components) || components < 1)) {
      throw invalid('components', components, 'an integer >= 1');
    }
    if (!(variance > 0 && variance <= 1)) throw invalid('variance', variance, 'a share in (0, 1]');
    this.options = { components, variance };
  }

  /** Number of kept components (0 before fit, or when the training windows are all equal). */
  get components(): number {
    return this.state?.basis.length ?? 0;
  }

  /** Share of the training variance each component explains, largest first ([] before fit). */
  get explained(): number[] {
    return this.state ? [...this.state.explained] : [];
  }

  /**
   * Fit the components on training windows (already scaled).
   * @throws InputError for no windows, a non-finite value, or `components` larger than the window dimension.
   */
  fit(train: Windows): this {
    const d = checkWindows(train, 'training');
    const { components, variance } = this.options;
    if (components !== undefined && components > d) {
      const dim = `${d} = window ${train.window} x ${train.features} feature(s)`;
      throw invalid('components', components, `at most the window dimension ${dim}`);
    }
    const mean = meanRow(train, d);
    const cov = covariance(train, mean, d);
    const evd = new EigenvalueDecomposition(new Matrix(cov), { assumeSymmetric: true });
    const values = evd.realEigenvalues.map((v) => Math.max(v, 0));
    const vectors = evd.eigenvectorMatrix;
    const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
    const total = values.reduce((a, v) => a + v, 0);
    const explained = order.map((i) => (total > 0 ? values[i] / total : 0));
    const k = components ?? Math.min(keptByVariance(explained, variance), d - 1);
    const basis = order.slice(0, k).map((i) => vectors.getColumn(i));
    this.state = {
      kind: 'pca',
      window: train.window,
      features: train.features,
      components: components ?? null,
      variance,
      mean: Array.from(mean),
      basis,
      explained,
    };
    return this;
  }

  /**
   * Reconstruction of every window from the kept components, in the windows' layout (as the LSTM's predictions).
   * @throws Error when not fitted; InputError when the windows' shape differs from the training windows'.
   */
  reconstruct(w: Windows): Float32Array {
    const out = new Float32Array(w.x.length);
    this.project(w, (i, rec) => out.set(rec, i * rec.length));
    return out;
  }

  /**
   * Reconstruction error of every window: mean absolute error over its steps and features (computed in double
   * precision, before the rounding {@link reconstruct} applies).
   * @throws Error when not fitted; InputError when the windows' shape differs from the training windows'.
   */
  scoreWindows(w: Windows): number[] {
    const scores = new Array<number>(w.n);
    this.project(w, (i, rec) => {
      let s = 0;
      const o = i * rec.length;
      for (let j = 0; j < rec.length; j++) s += Math.abs(w.x[o + j] - rec[j]);
      scores[i] = s / rec.length;
    });
    return scores;
  }

  /** The fitted state as plain JSON (see {@link PcaDetector.fromJSON}). @throws Error when not fitted. */
  toJSON(): PcaState {
    const s = this.ready();
    return { ...s, mean: [...s.mean], basis: s.basis.map((b) => [...b]), explained: [...s.explained] };
  }

  /**
   * A fitted detector from {@link PcaDetector.toJSON}'s state: the same scores to the last digit.
   * @throws InputError `invalid pca state: <what>` when the state is not a PCA state or its shapes disagree.
   * @example
   * const again = PcaDetector.fromJSON(JSON.parse(JSON.stringify(pca.toJSON())));
   */
  static fromJSON(state: PcaState): PcaDetector {
    const bad = (what: string) => new InputError(`invalid pca state: ${what}`);
    if (state?.kind !== 'pca') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "pca"`);
    const d = state.window * state.features;
    if (!(d > 0) || !Array.isArray(state.mean) || state.mean.length !== d) {
      throw bad(`mean has ${state.mean?.length} values, window x features is ${d}`);
    }
    if (!Array.isArray(state.basis) || state.basis.some((b) => !Array.isArray(b) || b.length !== d)) {
      throw bad(`every component needs ${d} values`);
    }
    const det = new PcaDetector({ components: state.components ?? undefined, variance: state.variance });
    const basis = state.basis.map((b) => [...b]);
    det.state = { ...state, mean: [...state.mean], basis, explained: [...(state.explained ?? [])] };
    return det;
  }

  /** Reconstruct each window in double precision and hand it to `each` (the buffer is reused). */
  private project(w: Windows, each: (i: number, rec: Float64Array) => void): void {
    const s = this.ready();
    if (w.window !== s.window || w.features !== s.features) {
      const shape = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`pca: windows of ${shape}, the detector was fitted on ${s.window} x ${s.features}`);
    }
    const d = checkWindows(w, 'scored', true);
    const mean = Float64Array.from(s.mean);
    const basis = s.basis.map((b) => Float64Array.from(b));
    const z = new Float64Array(d);
    const rec = new Float64Array(d);
    const all = basis.length === d; // the identity: exact, without rounding noise
    for (let i = 0; i < w.n; i++) {
      const o = i * d;
      if (all) {
        rec.set(w.x.subarray(o, o + d));
        each(i, rec);
        continue;
      }
      for (let j = 0; j < d; j++) z[j] = w.x[o + j] - mean[j];
      rec.set(mean);
      for (const u of basis) {
        let c = 0;
        for (let j = 0; j < d; j++) c += u[j] * z[j];
        for (let j = 0; j < d; j++) rec[j] += c * u[j];
      }
      each(i, rec);
    }
  }

  private ready(): PcaState {
    if (!this.state) throw new Error('pca detector is not fitted: call fit() or fromJSON() first');
    return this.state;
  }
}

/**
 * The fewest leading components whose shares add up to at least `variance` (0 when there is no variance at all).
 *
 * @throws Nothing.
 * @example
 * keptByVariance([0.6, 0.3, 0.1], 0.95); // 3
 */
export function keptByVariance(explained: number[], variance: number): number {
  if (!(explained[0] > 0)) return 0;
  let sum = 0;
  for (let k = 0; k < explained.length; k++) {
    sum += explained[k];
    if (sum >= variance - 1e-12) return k + 1;
  }
  return explained.length;
}

/** Values per window, after checking the windows hold n finite windows (at least one unless `allowEmpty`). */
function checkWindows(w: Windows, what: string, allowEmpty = false): number {
  const d = w.window * w.features;
  if (w.n < 1 && !allowEmpty) throw new InputError(`pca: no ${what} windows`);
  if (w.x.length !== w.n * d) throw new InputError(`pca: ${w.x.length} values for ${w.n} windows of ${d}`);
  for (let k = 0; k < w.x.length; k++) {
    if (!Number.isFinite(w.x[k])) {
      throw new InputError(`pca: ${what} window ${Math.floor(k / d)} has a non-finite value (${w.x[k]})`);
    }
  }
  return d;
}

function meanRow(w: Windows, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < w.n; i++) for (let j = 0; j < d; j++) mean[j] += w.x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= w.n;
  return mean;
}

/**
 * Population covariance of the windows (d x d), accumulated on the flat windows four at a time (the upper triangle
 * is read and written once per four windows). Measured at 15,713 windows of 288: 2.5x a window-at-a-time loop,
 * which was itself 3x ml-matrix's X^T X (mmul) on the same windows.
 */
function covariance(w: Windows, mean: Float64Array, d: number): number[][] {
  const c = new Float64Array(d * d);
  const z = new Float64Array(4 * d); // four centred windows, one after another
  for (let i = 0; i < w.n; i += 4) {
    const m = Math.min(4, w.n - i);
    z.fill(0);
    for (let r = 0; r < m; r++) for (let j = 0; j < d; j++) z[r * d + j] = w.x[(i + r) * d + j] - mean[j];
    for (let j = 0; j < d; j++) {
      const a0 = z[j];
      const a1 = z[d + j];
      const a2 = z[2 * d + j];
      const a3 = z[3 * d + j];
      const o = j * d;
      for (let k = j; k < d; k++) c[o + k] += a0 * z[k] + a1 * z[d + k] + a2 * z[2 * d + k] + a3 * z[3 * d + k];
    }
  }
  const at = (j: number, k: number) => (j <= k ? c[j * d + k] : c[k * d + j]) / w.n;
  return Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => at(j, k)));
}
