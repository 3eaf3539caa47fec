import type { Windows } from '../../sequence/windows';
import { InputError, invalid } from '../../util/errors';
import { Rng } from '../../util/random';
import { averagePathLength, type FlatTrees, growTree, pathLength } from './tree';

/** Options of {@link IsolationForestDetector}. */
export interface IForestOptions {
  /** Trees in the forest. Default 100 (the paper's). */
  trees?: number;
  /** Windows drawn (without replacement) to grow each tree; at most the training windows. Default 256 (the paper's). */
  sampleSize?: number;
  /** Seed of the subsamples, features and split values. Default 42. */
  seed?: number;
}

/** The saved state of a fitted {@link IsolationForestDetector}: plain JSON. */
export interface IForestState extends FlatTrees {
  kind: 'iforest';
  window: number;
  features: number;
  /** Options the forest was grown with; `psi` is the subsample size actually used (min(sampleSize, windows)). */
  trees: number;
  sampleSize: number;
  seed: number;
  psi: number;
}

/**
 * Isolation forest on windows (Liu, Ting and Zhou 2008): each of `trees` trees is grown on a random subsample of psi
 * = min(256, n) training windows (flattened), splitting on random features at random values up to depth
 * ceil(log2 psi); a window's score is 2^(-E(h) / c(psi)), E(h) its mean path length. Near 1: isolated quickly,
 * anomalous; about 0.5 or less: ordinary. Seeded: same seed, same forest, same scores. Written here because the
 * npm packages are not sound: `isolation-forest` 0.0.9 grows every tree on all the data (its subsample is drawn and
 * unused) and `ml-isolation-forest` 0.1.0 never subsamples and mis-states c(n); both use Math.random.
 *
 * @example
 * const forest = new IsolationForestDetector({ seed: 7 }).fit(makeWindows(trainRows, 30));
 * const scores = forest.scoreWindows(makeWindows(testRows, 30)); // in (0, 1], higher is more anomalous
 */
export class IsolationForestDetector {
  readonly kind = 'iforest' as const;
  readonly options: Required<IForestOptions>;
  private state: IForestState | null = null;
  private correction: Float64Array = new Float64Array(0);

  /** @throws InputError `invalid trees|sampleSize|seed: <v>`. */
  constructor(options: IForestOptions = {}) {
    const o = { trees: 100, sampleSize: 256, seed: 42, ...options };
    if (!Number.isInteger(o.trees) || o.trees < 1) throw invalid('trees', o.trees, 'an integer >= 1');
    if (!Number.isInteger(o.sampleSize) || o.sampleSize < 2) {
      throw invalid('sampleSize', o.sampleSize, 'an integer >= 2');
    }
    if (!Number.isInteger(o.seed)) throw invalid('seed', o.seed, 'an integer');
    this.options = o;
  }

  /**
   * Grow the forest on training windows (already scaled).
   * @throws InputError for fewer than 2 windows or a non-finite value.
   */
  fit(train: Windows): this {
    const d = checkWindows(train, 'training');
    if (train.n < 2) throw new InputError(`iforest: ${train.n} training window(s), at least 2 needed`);
    const { trees, sampleSize, seed } = this.options;
    const psi = Math.min(sampleSize, train.n);
    const limit = Math.ceil(Math.log2(psi));
    const rng = new Rng(seed);
    const pool = Int32Array.from({ length: train.n }, (_, i) => i);
    const flat: FlatTrees = { feature: [], split: [], left: [], right: [], size: [], roots: [] };
    for (let t = 0; t < trees; t++) {
      // Partial Fisher-Yates: the first psi entries of the pool become a uniform sample without replacement.
      for (let k = 0; k < psi; k++) {
        const j = k + rng.int(train.n - k);
        const v = pool[k];
        pool[k] = pool[j];
        pool[j] = v;
      }
      growTree(flat, train.x, d, pool.slice(0, psi), limit, rng);
    }
    const shape = { window: train.window, features: train.features };
    this.adopt({ kind: 'iforest', ...shape, trees, sampleSize, seed, psi, ...flat });
    return this;
  }

  /**
   * Anomaly score of every window: 2^(-E(h) / c(psi)), in (0, 1].
   * @throws Error when not fitted; InputError when the windows' shape differs from the training windows'.
   */
  scoreWindows(w: Windows): number[] {
    const s = this.ready();
    if (w.window !== s.window || w.features !== s.features) {
      const shape = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`iforest: windows of ${shape}, the detector was fitted on ${s.window} x ${s.features}`);
    }
    const d = checkWindows(w, 'scored', true);
    const cpsi = averagePathLength(s.psi);
    const out = new Array<number>(w.n);
    for (let i = 0; i < w.n; i++) {
      let h = 0;
      for (const root of s.roots) h += pathLength(s, this.correction, root, w.x, i * d);
      out[i] = 2 ** (-(h / s.roots.length) / cpsi);
    }
    return out;
  }

  /** The fitted forest as plain JSON (see {@link IsolationForestDetector.fromJSON}). @throws Error when not fitted. */
  toJSON(): IForestState {
    const s = this.ready();
    return JSON.parse(JSON.stringify(s)) as IForestState;
  }

  /**
   * A fitted detector from {@link IsolationForestDetector.toJSON}'s state: the same scores to the last digit.
   * @throws InputError `invalid iforest state: <what>` when it is not an isolation-forest state or is inconsistent.
   * @example
   * const again = IsolationForestDetector.fromJSON(JSON.parse(JSON.stringify(forest.toJSON())));
   */
  static fromJSON(state: IForestState): IsolationForestDetector {
    const bad = (what: string) => new InputError(`invalid iforest state: ${what}`);
    if (state?.kind !== 'iforest') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "iforest"`);
    const nodes = state.feature?.length;
    const arrays = [state.split, state.left, state.right, state.size];
    if (!(nodes > 0) || arrays.some((a) => !Array.isArray(a) || a.length !== nodes)) {
      throw bad('node arrays differ in length');
    }
    if (!Array.isArray(state.roots) || state.roots.length < 1) throw bad('no trees');
    const d = state.window * state.features;
    const inRange = (k: number) => Number.isInteger(k) && k >= 0 && k < nodes;
    for (let k = 0; k < nodes; k++) {
      if (state.feature[k] >= 0 && (state.feature[k] >= d || !inRange(state.left[k]) || !inRange(state.right[k]))) {
        throw bad(`node ${k} points outside the forest`);
      }
    }
    if (!state.roots.every(inRange) || !(state.psi >= 2)) throw bad('roots or psi out of range');
    const det = new IsolationForestDetector({ trees: state.trees, sampleSize: state.sampleSize, seed: state.seed });
    det.adopt(JSON.parse(JSON.stringify(state)) as IForestState);
    return det;
  }

  private adopt(state: IForestState): void {
    this.state = state;
    this.correction = Float64Array.from(state.size, (n) => averagePathLength(n));
  }

  private ready(): IForestState {
    if (!this.state) throw new Error('iforest detector is not fitted: call fit() or fromJSON() first');
    return this.state;
  }
}

/** Values per window, after checking the windows hold n finite windows (at least one unless `allowEmpty`). */
function checkWindows(w: Windows, what: string, allowEmpty = false): number {
  const d = w.window * w.features;
  if (w.n < 1 && !allowEmpty) throw new InputError(`iforest: no ${what} windows`);
  if (w.x.length !== w.n * d) throw new InputError(`iforest: ${w.x.length} values for ${w.n} windows of ${d}`);
  for (let k = 0; k < w.x.length; k++) {
    if (!Number.isFinite(w.x[k])) {
      throw new InputError(`iforest: ${what} window ${Math.floor(k / d)} has a non-finite value (${w.x[k]})`);
    }
  }
  return d;
}
