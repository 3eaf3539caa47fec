import { invalid } from '../../util/errors';
import type { BaselineState } from '../baseline';
import { type AlgorithmScores, BaselineDetector } from '../baseline';
import type { AnyDetectorOptions } from '../contract';
import type { PreparedScore } from '../prepare';
import { PcaDetector, type PcaState } from './pca';

declare module '../contract' {
  interface DetectorKinds {
    /** PCA reconstruction of windows */
    pca: true;
  }
}

/**
 * PCA reconstruction of windows as a {@link Detector}: the LSTM's transform, scaler, windows and threshold, with
 * {@link PcaDetector} in place of the autoencoder (score = MAE of each window's reconstruction). `components`
 * caps the kept components; unset, those explaining 95% of the training variance.
 *
 * @throws InputError `invalid components: N (...)` at fit when N is above window x features.
 * @example
 * const det = new PcaWindowDetector({ window: 30, components: 3 });
 * await det.fit(train);
 * const { steps } = await det.score(series); // steps.windows: the windows and their reconstructions
 */
export class PcaWindowDetector extends BaselineDetector<PcaState, PcaDetector> {
  readonly kind = 'pca' as const;

  /**
   * Rebuild from {@link toState}.
   * @throws InputError for a state that is not a valid pca state.
   * @example
   * const copy = PcaWindowDetector.fromState(det.toState());
   */
  static fromState(state: BaselineState<PcaState>): PcaWindowDetector {
    return new PcaWindowDetector(state.options).adopt(state, (m) => PcaDetector.fromJSON(m));
  }

  constructor(options: Partial<AnyDetectorOptions> = {}) {
    super(options);
    this.makeAlgorithm(); // checks `components` now
  }

  protected makeAlgorithm(): PcaDetector {
    return new PcaDetector({ components: this.options.components });
  }

  protected scoreWith(algo: PcaDetector, p: Pick<PreparedScore, 'rows' | 'windows'>): AlgorithmScores {
    const w = p.windows;
    const windows = { x: w.x, reconstruction: algo.reconstruct(w), n: w.n, window: w.window, features: w.features };
    return { scores: algo.scoreWindows(w), steps: { windows } };
  }
}

/**
 * Check the `components` option against the window dimension before anything is fitted.
 *
 * @throws InputError `invalid components: N (at most the window dimension D = window W x F feature(s))`.
 * @example
 * checkComponents({ components: 40, window: 30 }, 1); // throws
 */
export function checkComponents(o: Pick<AnyDetectorOptions, 'components' | 'window'>, features: number): void {
  const d = o.window * features;
  if (o.components !== undefined && o.components > d) {
    throw invalid(
      'components',
      o.components,
      `at most the window dimension ${d} = window ${o.window} x ${features} feature(s)`,
    );
  }
}
