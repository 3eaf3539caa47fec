import type { BaselineState } from '../baseline';
import { type AlgorithmScores, BaselineDetector } from '../baseline';
import type { AnyDetectorOptions } from '../contract';
import type { PreparedScore } from '../prepare';
import { checkWindow, MatrixProfileDetector, type MpState } from './mp';

declare module '../contract' {
  interface DetectorKinds {
    /** Matrix-profile discords */
    mp: true;
  }
}

/**
 * Matrix-profile discords as a {@link Detector}: the LSTM's transform, scaler, windows and threshold, with
 * {@link MatrixProfileDetector} scoring each window by its distance to its nearest non-trivial neighbour. It needs
 * no training (fit keeps the training series) and has no randomness. With `--fit all` the scores are the
 * whole series' self-join; with a split, each test window's nearest neighbour among the training windows and the
 * other test windows. `steps.score`: each step's mean over the windows covering it (TimeEval's reverse windowing
 * of STOMP scores).
 *
 * @throws InputError for an invalid threshold rule or a window below 3 steps.
 * @example
 * const det = new MpWindowDetector({ window: 100 });
 * await det.fit(series);
 * const { mae, steps } = await det.score(series); // the self-join: discords score highest
 */
export class MpWindowDetector extends BaselineDetector<MpState, MatrixProfileDetector> {
  readonly kind = 'mp' as const;

  /**
   * Rebuild from {@link toState}.
   * @throws InputError for a state that is not a valid mp state.
   * @example
   * const copy = MpWindowDetector.fromState(det.toState());
   */
  static fromState(state: BaselineState<MpState>): MpWindowDetector {
    return new MpWindowDetector(state.options).adopt(state, (m) => MatrixProfileDetector.fromJSON(m));
  }

  constructor(options: Partial<AnyDetectorOptions> = {}) {
    super(options);
    checkWindow(this.options.window);
  }

  protected makeAlgorithm(): MatrixProfileDetector {
    return new MatrixProfileDetector();
  }

  protected scoreWith(algo: MatrixProfileDetector, p: Pick<PreparedScore, 'rows' | 'windows'>): AlgorithmScores {
    const scores = algo.scoreWindows(p.windows);
    return { scores, steps: { score: coveringMeans(scores, p.windows.window) } };
  }
}

/**
 * Each step's mean of the scores of the windows covering it (n windows of w steps cover n + w - 1 steps).
 *
 * @throws Nothing.
 * @example
 * coveringMeans([1, 3], 2); // [1, 2, 3]
 */
export function coveringMeans(scores: ArrayLike<number>, window: number): number[] {
  const n = scores.length;
  if (n === 0) return [];
  const out = new Array<number>(n + window - 1);
  let sum = 0;
  for (let t = 0; t < out.length; t++) {
    if (t < n) sum += scores[t];
    if (t - window >= 0) sum -= scores[t - window];
    const count = Math.min(t, n - 1) - Math.max(0, t - window + 1) + 1;
    out[t] = sum / count;
  }
  return out;
}
