import type { TrainingRecord } from '../../result';
import { invalid } from '../../util/errors';
import { keyword } from '../../util/keyword';
import { type AlgorithmScores, BaselineDetector, type BaselineState } from '../baseline';
import type { AnyDetectorOptions } from '../contract';
import { detectorDefaults } from '../options';
import type { PreparedScore } from '../prepare';
import { type AerModelOptions, type AerState, AerWindowModel } from './aer';
import { REC_ERROR_TYPES, windowMeans } from './errors';

declare module '../contract' {
  interface DetectorKinds {
    /** AER: bidirectional LSTM auto-encoder with regression (Orion) */
    aer: true;
  }
}

/** Orion's reg_ratio: the two regressions weigh half of the loss, the reconstruction the other half. */
export const AER_REG_RATIO = 0.5;

/**
 * Orion's AER (Wong et al., IEEE BigData 2022) as a {@link Detector}: the LSTM's transform, scaler, windows and
 * threshold, with {@link AerWindowModel} in place of the autoencoder. A window of `window` steps is read by a
 * bidirectional LSTM encoder on its inner `window - 2` steps; the decoder reconstructs them and regresses the step
 * before and after; each step's score combines its reconstruction and regression errors (Orion's `mult`), a
 * window's is the mean of its steps'. `--units` is the LSTM size of each direction (one layer); `epochs`,
 * `batchSize`, `patience`, `valSplit`, `learningRate`, `seed` and `backend` are the LSTM's options; the loss is
 * AER's (MSE of the reconstruction and of the two regressions, weighted by {@link AER_REG_RATIO}), early stopping
 * watches the same loss on the held-out windows, and there is no dropout.
 *
 * Its defaults are Orion's (`orion/pipelines/verified/aer/aer.json` and the AER primitive's): 30 units, window 100,
 * batches of 64, at most 35 epochs with early stopping after 10 epochs without a better loss on the last 20% of
 * the training windows, min-max scaling (to [0, 1]; Orion's is [-1, 1]) and no transform. Orion's 35 epochs are
 * kept: an epoch of this one-thread model of 30 units costs about what one of the LSTM's default two-thread model
 * of 128 units over 30-step windows does (the LSTM's default is up to 100 epochs, patience 3). With `fit: 'all'`
 * the whole-series defaults come after these (60 units, 10 epochs, no validation), as for every detector. `steps.score`: the per-step scores.
 *
 * `recError` (`--rec-error`): each step's reconstruction error, `point` (|value - median reconstruction|) or
 * `dtw` (Orion's `rec_error_type` of its AER pipeline: the DTW distance over the 11 steps around the step).
 *
 * @throws InputError for an invalid threshold rule, a window below 4 steps, more than one LSTM size or an unknown
 * `recError`.
 * @example
 * const det = new AerWindowDetector({ seed: 7 }); // Orion's settings: window 100, 30 units, up to 35 epochs
 * await det.fit(train);
 * const { mae, steps } = await det.score(series, { from: test.dates[0] });
 */
export class AerWindowDetector extends BaselineDetector<AerState, AerWindowModel> {
  readonly kind = 'aer' as const;

  /**
   * Rebuild from {@link toState}; it scores to the same bits.
   * @throws InputError for a state that is not a valid aer state.
   * @example
   * const copy = AerWindowDetector.fromState(det.toState());
   */
  static fromState(state: BaselineState<AerState>): AerWindowDetector {
    const det = new AerWindowDetector(state.options);
    return det.adopt(state, (m) => AerWindowModel.fromJSON(m, det.modelOptions()));
  }

  /**
   * Options not given take AER's own defaults (`detectorDefaults('aer')`: Orion's window 100, 30 units, at most 35
   * epochs of 64 windows, patience 10 on the last 20%, no transform, min-max scaling), then every detector's.
   * @throws InputError for invalid options.
   */
  constructor(options: Partial<AnyDetectorOptions> = {}) {
    super({ ...detectorDefaults('aer'), ...options });
    checkAerOptions(this.options);
    if (this.options.recError !== undefined) keyword('rec error', this.options.recError, REC_ERROR_TYPES);
  }

  /** Per-epoch losses of the last fit (empty before fit and when loaded). */
  get history() {
    return this.algo?.history ?? [];
  }

  /** How the last fit trained: its epochs and mean rate, and `fitSeconds` (the caller's measure of the fit). */
  trainingRecord(fitSeconds: number): TrainingRecord {
    const history = [...this.history];
    return {
      backend: this.algo?.backend ?? '',
      engine: this.algo?.engine || this.kind,
      epochs: history.length,
      bestEpoch: this.algo?.bestEpoch ?? 0,
      history,
      seqPerSec: history.reduce((a, h) => a + h.seqPerSec, 0) / Math.max(1, history.length),
      seconds: fitSeconds,
      parameters: this.algo?.parameters ?? 0,
    };
  }

  protected makeAlgorithm(): AerWindowModel {
    return new AerWindowModel(this.modelOptions());
  }

  protected async scoreWith(algo: AerWindowModel, p: Pick<PreparedScore, 'windows'>): Promise<AlgorithmScores> {
    const steps = await algo.scoreSteps(p.windows);
    return { scores: windowMeans(steps, p.windows.window), steps: { score: Array.from(steps) } };
  }

  /** Free the model (the detector is unfitted afterwards). */
  dispose(): void {
    this.algo?.dispose();
    this.algo = null;
  }

  private modelOptions(): AerModelOptions {
    const { encoder, learningRate, seed, epochs, batchSize, patience, valSplit, backend, recError } = this.options;
    return {
      units: encoder[0],
      regRatio: AER_REG_RATIO,
      learningRate,
      seed,
      epochs,
      batchSize,
      patience,
      valSplit,
      backend,
      recError,
    };
  }
}

/**
 * The options AER needs beyond every detector's: a window of at least 4 steps (2 regressed, at least 2 read) and
 * one LSTM size.
 * @throws InputError `invalid window: 3 (an integer >= 4 for aer)` or `invalid units: 64,32 (one LSTM size for aer)`.
 * @example
 * checkAerOptions({ window: 100, encoder: [30] });
 */
export function checkAerOptions(o: Pick<AnyDetectorOptions, 'window' | 'encoder'>): void {
  if (!Number.isInteger(o.window) || o.window < 4) throw invalid('window', o.window, 'an integer >= 4 for aer');
  if (o.encoder.length !== 1) throw invalid('units', o.encoder.join(','), 'one LSTM size for aer');
}
