import type { BaselineState } from '../baseline';
import { type AlgorithmScores, BaselineDetector } from '../baseline';
import type { PreparedScore } from '../prepare';
import { ZScoreDetector, type ZScoreState } from './zscore';

declare module '../contract' {
  interface DetectorKinds {
    /** Rolling z-score of steps */
    zscore: true;
  }
}

/**
 * The rolling z-score as a {@link Detector}: the LSTM's transform, scaler, windows and threshold, with
 * {@link ZScoreDetector} scoring each step against the `window` steps before it; a window's score is its
 * largest step score, and `steps.score` gives the per-step scores.
 *
 * @throws InputError for an invalid threshold rule.
 * @example
 * const det = new ZScoreWindowDetector({ window: 30 });
 * await det.fit(train);
 * const { steps } = await det.score(series); // steps.score: |z| of every step
 */
export class ZScoreWindowDetector extends BaselineDetector<ZScoreState, ZScoreDetector> {
  readonly kind = 'zscore' as const;

  /**
   * Rebuild from {@link toState}.
   * @throws InputError for a state that is not a valid zscore state.
   * @example
   * const copy = ZScoreWindowDetector.fromState(det.toState());
   */
  static fromState(state: BaselineState<ZScoreState>): ZScoreWindowDetector {
    return new ZScoreWindowDetector(state.options).adopt(state, (m) => ZScoreDetector.fromJSON(m));
  }

  protected makeAlgorithm(): ZScoreDetector {
    return new ZScoreDetector();
  }

  protected scoreWith(algo: ZScoreDetector, p: Pick<PreparedScore, 'rows' | 'windows'>): AlgorithmScores {
    const score = algo.scoreSteps(p.rows);
    const w = p.windows.window;
    const scores = Array.from({ length: p.windows.n }, (_, i) => {
      let m = score[i];
      for (let t = i + 1; t < i + w; t++) if (score[t] > m) m = score[t];
      return m;
    });
    return { scores, steps: { score } };
  }
}
