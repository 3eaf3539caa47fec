import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import type { EpochRecord } from '../../model';
import type { TrainingRecord } from '../../result';
import { windowMae } from '../../score/mae';
import { type AlgorithmScores, BaselineDetector, type BaselineState } from '../baseline';
import type { AnyDetectorOptions } from '../contract';
import { detectorDefaults } from '../options';
import type { PreparedScore } from '../prepare';
import { type DenseModelOptions, type DenseState, DenseWindowModel } from './dense';

declare module '../contract' {
  interface DetectorKinds {
    /** Dense autoencoder on rows of a table */
    dense: true;
  }
}

/**
 * The tabular dense autoencoder of the GE walkthrough as a {@link Detector}, for tables without time order: the
 * LSTM's transform, scaler, windows and threshold, with {@link DenseWindowModel} (hidden sizes from the input
 * size, see `denseHidden`) in place of the LSTM; score = MAE of each window's reconstruction. Its own defaults
 * (`detectorDefaults('dense')`): window 1 (each row alone) and transform none; `epochs`, `batchSize`,
 * `valSplit`, `learningRate`, `loss`, `seed` and `backend` are the LSTM's options.
 *
 * @throws InputError for an invalid threshold rule; at fit for too few rows or a model too large.
 * @example
 * const det = new DenseWindowDetector({ epochs: 50, seed: 7 }); // window 1: one row is one input vector
 * await det.fit(goodRows);
 * const { mae, steps } = await det.score(table); // steps.windows: the rows and their reconstructions
 */
export class DenseWindowDetector extends BaselineDetector<DenseState, DenseWindowModel> {
  readonly kind = 'dense' as const;

  /**
   * Rebuild from {@link toState}, on the saved backend (or `opts.backend`): it scores to the same bits.
   * @throws InputError for a state that is not a valid dense state.
   * @example
   * const copy = await DenseWindowDetector.fromState(det.toState());
   */
  static async fromState(
    state: BaselineState<DenseState>,
    opts: { backend?: BackendChoice } = {},
  ): Promise<DenseWindowDetector> {
    const det = new DenseWindowDetector({ ...state.options, ...(opts.backend ? { backend: opts.backend } : {}) });
    await useBackend(det.options.backend);
    return det.adopt(state, (m) => DenseWindowModel.fromJSON(m, det.modelOptions()));
  }

  constructor(options: Partial<AnyDetectorOptions> = {}) {
    super({ ...detectorDefaults('dense'), ...options });
  }

  /** Per-epoch losses of the last fit (empty before fit and when loaded). */
  get history(): readonly EpochRecord[] {
    return this.algo?.history ?? [];
  }

  /** The epoch with the lowest validation loss (training loss without validation) of the last fit; 0 before. */
  get bestEpoch(): number {
    return this.algo?.bestEpoch ?? 0;
  }

  /** The tfjs backend the last fit ran on ('' before fit and when loaded). */
  get backend(): string {
    return this.algo?.backend ?? '';
  }

  /** Trainable parameters of the autoencoder (0 before fit or load). */
  get parameters(): number {
    return this.algo?.parameters ?? 0;
  }

  /** How the last fit trained: its epochs and mean rate, and `fitSeconds` (the caller's measure of the fit). */
  trainingRecord(fitSeconds: number): TrainingRecord {
    const history = [...this.history];
    return {
      backend: this.backend,
      engine: this.kind,
      epochs: history.length,
      bestEpoch: this.bestEpoch,
      history,
      seqPerSec: history.reduce((a, h) => a + h.seqPerSec, 0) / Math.max(1, history.length),
      seconds: fitSeconds,
      parameters: this.parameters,
    };
  }

  protected makeAlgorithm(): DenseWindowModel {
    return new DenseWindowModel(this.modelOptions());
  }

  protected async scoreWith(algo: DenseWindowModel, p: Pick<PreparedScore, 'windows'>): Promise<AlgorithmScores> {
    const w = p.windows;
    const reconstruction = await algo.reconstruct(w);
    const windows = { x: w.x, reconstruction, n: w.n, window: w.window, features: w.features };
    return { scores: windowMae(w.x, reconstruction, w.n), steps: { windows } };
  }

  /** Free the autoencoder's tensors (the detector is unfitted afterwards). */
  dispose(): void {
    this.algo?.dispose();
    this.algo = null;
  }

  private modelOptions(): DenseModelOptions {
    const { epochs, batchSize, valSplit, learningRate, loss, seed, backend } = this.options;
    return { epochs, batchSize, valSplit, learningRate, loss, seed, backend };
  }
}
