import * as path from 'path';
import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import { datesOf, type Series } from '../../data/series';
import type { Autoencoder, AutoencoderSpec } from '../../model';
import { createAutoencoder, parameterCount, resolveSpec } from '../../model';
import type { TrainingRecord } from '../../result';
import { predictMae, windowMae } from '../../score/mae';
import { parseThreshold, Threshold, type ThresholdSpec } from '../../threshold/rule';
import { type TrainResult, trainAutoencoder } from '../../train/fit';
import { Scaler } from '../../transform/scaler';
import { InputError, isInputError } from '../../util/errors';
import type { Detector, FitHooks, ScoreResult, WindowScores } from '../contract';
import { checkModelSize } from '../limits';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../options';
import { datedScores, prepareScore, prepareTrain, scoreResult } from '../prepare';
import { type DetectorState, readState, writeState } from './state';
import { checkWarmStart } from './warm-start';

export type { FitHooks, ScoreResult, WindowScores } from '../contract';

declare module '../contract' {
  interface DetectorKinds {
    /** The LSTM autoencoder (lstm/detector.ts) */
    lstm: true;
  }
}

/** The fitted parts of a detector. */
export interface FittedParts {
  scaler: Scaler;
  model: Autoencoder;
  threshold: Threshold;
}

/**
 * An LSTM-autoencoder anomaly detector: `fit(train)` learns transform -> scaler -> model -> threshold on a
 * training series; `score(series)` gives each window's reconstruction MAE and flag.
 *
 * @throws InputError from the constructor for invalid options (window, layers, dropout, loss, threshold ...).
 * @example
 * const det = new LstmAutoencoderDetector({ epochs: 20 });
 * await det.fit(train);
 * const scores = await det.score(series, { from: test.dates[0] });
 */
export class LstmAutoencoderDetector implements Detector {
  /** Which detector this is (see {@link Detector}). */
  readonly kind = 'lstm' as const;
  /** Resolved options (defaults filled in). */
  readonly options: DetectorOptions;
  /** The parsed threshold rule of `options.threshold`. */
  readonly rule: ThresholdSpec;
  private specValue: AutoencoderSpec;
  private parts: Partial<FittedParts> = {};
  private trainingValue: TrainResult | null = null;
  private trainScoresValue: WindowScores | null = null;
  private columnsValue: string[] = [];
  private extraValue: Record<string, unknown> | undefined;

  constructor(options: Partial<DetectorOptions> = {}) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    const o = this.options;
    this.specValue = resolveSpec({
      window: o.window,
      encoder: o.encoder,
      dropout: o.dropout,
      loss: o.loss,
      learningRate: o.learningRate,
      seed: o.seed,
    });
    this.rule = parseThreshold(o.threshold);
    checkModelSize(this.specValue, o.batchSize);
  }

  /**
   * Rebuild a fitted detector from its state (see {@link toState}); it scores exactly as when the state was taken.
   * @throws InputError when the state's architecture does not match its options.
   * @example
   * const copy = await LstmAutoencoderDetector.fromState(det.toState());
   */
  static async fromState(
    state: DetectorState,
    opts: { backend?: BackendChoice } = {},
  ): Promise<LstmAutoencoderDetector> {
    const det = new LstmAutoencoderDetector({ ...state.options, ...(opts.backend ? { backend: opts.backend } : {}) });
    const saved = state.spec;
    if (
      saved.window !== det.specValue.window ||
      saved.encoder.join() !== det.specValue.encoder.join() ||
      !(Number.isInteger(saved.features) && saved.features >= 1)
    ) {
      throw new InputError(
        `saved model: architecture (window ${saved.window}, layers ${saved.encoder}, features ${saved.features}) does not match its options`,
      );
    }
    const spec: AutoencoderSpec = { ...det.specValue, features: saved.features };
    det.specValue = spec;
    await useBackend(det.options.backend);
    const model = await createAutoencoder(spec, { weights: state.weights });
    det.parts = { model, scaler: Scaler.fromJSON(state.scaler), threshold: Threshold.fromJSON(state.threshold) };
    det.columnsValue = [...state.columns];
    det.extraValue = state.extra;
    return det;
  }

  /**
   * Load a detector saved by {@link save} (or `saveDetector`).
   * @throws InputError when the directory has no model.json / weights.bin, or they do not match.
   * @example
   * const det = await LstmAutoencoderDetector.load('reports/run/model');
   */
  static async load(dir: string, opts: { backend?: BackendChoice } = {}): Promise<LstmAutoencoderDetector> {
    const state = readState(dir);
    try {
      return await LstmAutoencoderDetector.fromState(state, opts);
    } catch (e) {
      if (isInputError(e)) throw new InputError(`${path.join(dir, 'model.json')}: ${e.message}`);
      throw e;
    }
  }

  /** The resolved model architecture (features: 1 until fit or load sets the data's count). */
  get spec(): AutoencoderSpec {
    return this.specValue;
  }

  /** The fitted scaler (null before fit or load). */
  get scaler(): Scaler | null {
    return this.parts.scaler ?? null;
  }

  /** The fitted threshold (null before fit or load). */
  get threshold(): Threshold | null {
    return this.parts.threshold ?? null;
  }

  /** The model (null before fit or load, and after dispose). */
  get model(): Autoencoder | null {
    return this.parts.model ?? null;
  }

  /** Training history of the last fit (null when loaded). */
  get training(): TrainResult | null {
    return this.trainingValue;
  }

  /**
   * How the last fit trained: epochs, best epoch, rate and time from its history (none when loaded; then
   * `fitSeconds`), and the model's parameters.
   */
  trainingRecord(fitSeconds: number): TrainingRecord {
    const tr = this.trainingValue;
    return {
      backend: this.backend,
      engine: this.engine,
      epochs: tr?.history.length ?? 0,
      bestEpoch: tr?.bestEpoch ?? 0,
      history: tr?.history ?? [],
      seqPerSec: tr?.seqPerSec ?? 0,
      seconds: tr?.seconds ?? fitSeconds,
      parameters: parameterCount(this.specValue),
    };
  }

  /** MAE of each training window after fitting (in time order). */
  get trainScores(): WindowScores | null {
    return this.trainScoresValue;
  }

  /** Feature columns seen at fit. */
  get columns(): readonly string[] {
    return this.columnsValue;
  }

  /** Extra data saved with a loaded detector (undefined otherwise). */
  get extra(): Record<string, unknown> | undefined {
    return this.extraValue;
  }

  /** The tfjs backend the model runs on ('' before fit or load). */
  get backend(): string {
    return this.model?.backend ?? '';
  }

  /** How the model computes, e.g. `wasm-simd-fma, 2 threads` ('' before fit or load, or when not known). */
  get engine(): string {
    return this.model?.engine ?? '';
  }

  /**
   * Fit on a training series (raw values: the transform is applied here). With `hooks.initWeights` (a warm start,
   * e.g. a saved model's `toState().weights`) training starts from those weights instead of seeded random ones;
   * the scaler and threshold are fitted on this series as in any fit.
   * @throws InputError for too few rows, a constant series, invalid options, or warm-start weights of another shape.
   */
  async fit(train: Series, hooks: FitHooks = {}): Promise<TrainResult> {
    const o = this.options;
    const { transformed: t, scaler, windows: w } = prepareTrain(train, o);
    this.specValue = { ...this.specValue, features: train.columns.length };
    checkModelSize(this.specValue, o.batchSize);
    if (hooks.initWeights) checkWarmStart(hooks.initWeights, this.specValue);
    this.columnsValue = [...train.columns];
    await useBackend(o.backend);
    this.dispose();
    const model = await createAutoencoder(this.specValue, { weights: hooks.initWeights });
    this.parts = { scaler, model };
    this.trainingValue = await trainAutoencoder(model, w, {
      epochs: o.epochs,
      batchSize: o.batchSize,
      patience: o.patience,
      valSplit: o.valSplit,
      seed: o.seed,
      ...hooks,
    });
    model.releaseTrainingData?.(); // the worker's copy of the training windows is not needed to predict
    const mae = await predictMae(model, w.x, w.n);
    this.parts.threshold = Threshold.fit(this.rule, mae);
    this.trainScoresValue = datedScores(t, mae, o.window, this.parts.threshold);
    return this.trainingValue;
  }

  /**
   * Score every full window of a raw series (transform and scaler as fitted). With `from`, only windows whose
   * first step is on or after that date (the test part, with earlier rows giving the transform its lag).
   * @throws Error when the detector is not fitted; InputError for too few rows or columns that differ.
   */
  async score(series: Series, opts: { from?: string } = {}): Promise<ScoreResult> {
    const { scaler, model, threshold } = this.fitted();
    const p = prepareScore(series, this.options, scaler, this.columnsValue, opts.from);
    const w = p.windows;
    const reconstruction = await model.predict(w.x, w.n);
    const mae = windowMae(w.x, reconstruction, w.n);
    const dates = datesOf(p.transformed, p.first);
    const result = scoreResult(series, p.transformed, datedScores(dates, mae, this.options.window, threshold));
    const windows = { x: w.x, reconstruction, n: w.n, window: w.window, features: w.features };
    return { ...result, steps: { dates, windows } };
  }

  /**
   * The fitted parts (scaler, model, threshold) of a fitted or loaded detector.
   * @throws Error `detector is not fitted` before fit() or load().
   * @example
   * const { threshold } = det.fitted(); // threshold.value
   */
  fitted(): FittedParts {
    const { scaler, model, threshold } = this.parts;
    if (!scaler || !model || !threshold) throw new Error('detector is not fitted: call fit() or load() first');
    return { scaler, model, threshold };
  }

  /**
   * Everything needed to rebuild this detector (see {@link fromState}).
   * @throws Error when the detector is not fitted.
   * @example
   * const state = det.toState({ source: 'prices.csv' });
   */
  toState(extra?: Record<string, unknown>): DetectorState {
    const { scaler, model, threshold } = this.fitted();
    return {
      options: this.options,
      columns: [...this.columnsValue],
      spec: model.spec,
      scaler: scaler.toJSON(),
      threshold: threshold.toJSON(),
      weights: model.getWeights(),
      extra,
    };
  }

  /**
   * Save to a directory: `model.json` and `weights.bin`, written atomically.
   * @throws Error when the detector is not fitted.
   * @example
   * await det.save('reports/run/model');
   */
  async save(dir: string, extra?: Record<string, unknown>): Promise<void> {
    await writeState(this.toState(extra), dir);
  }

  /** Free the model's tensors. */
  dispose(): void {
    this.parts.model?.dispose();
    this.parts = { ...this.parts, model: undefined };
  }
}
