import type { BaselineState } from '../baseline';
import { BaselineDetector } from '../baseline';
import { type IForestState, IsolationForestDetector } from './iforest';

declare module '../contract' {
  interface DetectorKinds {
    /** Isolation forest on windows */
    iforest: true;
  }
}

/**
 * Isolation forest on windows as a {@link Detector}: the LSTM's transform, scaler, windows and threshold, with
 * {@link IsolationForestDetector} (100 trees, 256 windows each, seeded by `seed`) scoring each window.
 *
 * @throws InputError for an invalid threshold rule or seed.
 * @example
 * const det = new IForestWindowDetector({ window: 30, seed: 7 });
 * await det.fit(train);
 * const { windows } = await det.score(series);
 */
export class IForestWindowDetector extends BaselineDetector<IForestState, IsolationForestDetector> {
  readonly kind = 'iforest' as const;

  /**
   * Rebuild from {@link toState}.
   * @throws InputError for a state that is not a valid iforest state.
   * @example
   * const copy = IForestWindowDetector.fromState(det.toState());
   */
  static fromState(state: BaselineState<IForestState>): IForestWindowDetector {
    return new IForestWindowDetector(state.options).adopt(state, (m) => IsolationForestDetector.fromJSON(m));
  }

  protected makeAlgorithm(): IsolationForestDetector {
    return new IsolationForestDetector({ seed: this.options.seed });
  }
}
