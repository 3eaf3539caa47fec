import { useBackend } from '../backend/active';
import type { BackendChoice } from '../backend/select';
import type { Series } from '../data/series';
import type { Autoencoder, AutoencoderSpec } from '../model';
import { createAutoencoder, resolveSpec } from '../model';
import type { AnomalyRecord, ScoredWindow } from '../result';
import { windowMae } from '../score/mae';
import { makeWindows } from '../sequence/windows';
import { parseThreshold, Threshold, ThresholdSpec } from '../threshold/rule';
import { trainAutoencoder, TrainOptions, TrainResult } from '../train/fit';
import { Scaler } from '../transform/scaler';
import { applyTransform } from '../transform/transforms';
import { InputError } from '../util/errors';
import { DEFAULT_DETECTOR_OPTIONS, DetectorOptions } from './options';
import { DetectorState, readState, writeState } from './state';

/** Reconstruction scores of windows, each dated by its first and last step. */
export interface WindowScores {
  start: string[];
  end: string[];
  mae: number[];
  /** True where mae is above the fitted threshold. */
  anomaly: boolean[];
}

/** What {@link LstmAutoencoderDetector.score} gives: the scores by column, as records, and the flagged dates. */
export interface ScoreResult extends WindowScores {
  /** The same scores, one record per window. */
  windows: ScoredWindow[];
  /** The flagged windows, dated by their last step, with the raw value (first feature) there. */
  anomalies: AnomalyRecord[];
  /** The whole series after the detector's transform (the rows the windows were cut from, and earlier ones). */
  transformed: Series;
  /** The scored windows (scaled) and their reconstructions, flat `[(i * window + t) * features + j]`, for per-step scores. */
  reconstruction?: { x: Float32Array; recon: Float32Array; n: number; window: number; features: number };
  /** Index in `transformed` of the first scored window's first step. */
  offset?: number;
}

/** The fitted parts of a detector. */
export interface FittedParts {
  scaler: Scaler;
  model: Autoencoder;
  threshold: Threshold;
}

/** Hooks for progress while fitting. */
export type FitHooks = Pick<TrainOptions, 'onEpoch' | 'onBatch'>;

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
export class LstmAutoencoderDetector {
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
    this.specValue = resolveSpec({ window: o.window, encoder: o.encoder, dropout: o.dropout, loss: o.loss, learningRate: o.learningRate, seed: o.seed });
    this.rule = parseThreshold(o.threshold);
  }

  /**
   * Rebuild a fitted detector from its state (see {@link toState}); it scores exactly as when the state was taken.
   * @throws InputError when the state's architecture does not match its options.
   * @example
   * const copy = await LstmAutoencoderDetector.fromState(det.toState());
   */
  static async fromState(state: DetectorState, opts: { backend?: BackendChoice } = {}): Promise<LstmAutoencoderDetector> {
    const det = new LstmAutoencoderDetector({ ...state.options, ...(opts.backend ? { backend: opts.backend } : {}) });
    const saved = state.spec;
    if (saved.window !== det.specValue.window || saved.encoder.join() !== det.specValue.encoder.join() || !(Number.isInteger(saved.features) && saved.features >= 1)) {
      throw new InputError(`saved model: architecture (window ${saved.window}, layers ${saved.encoder}, features ${saved.features}) does not match its options`);
    }
    const spec: AutoencoderSpec = { ...det.specValue, features: saved.features };
    det.specValue = spec;
    await useBackend(det.options.backend);
    const model = await createAutoencoder(spec);
    model.setWeights(state.weights);
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
    return LstmAutoencoderDetector.fromState(readState(dir), opts);
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
   * Fit on a training series (raw values: the transform is applied here).
   * @throws InputError for too few rows, a constant series, or invalid options.
   */
  async fit(train: Series, hooks: FitHooks = {}): Promise<TrainResult> {
    const o = this.options;
    const t = applyTransform(train, o.transform);
    if (t.values.length < o.window) {
      throw new InputError(`too few rows: training part has ${train.values.length} rows, window ${o.window}${t.values.length < train.values.length ? ` after the ${o.transform} transform` : ''} needs at least ${o.window + train.values.length - t.values.length}`);
    }
    this.specValue = { ...this.specValue, features: train.columns.length };
    this.columnsValue = [...train.columns];
    const scaler = Scaler.fit(o.scaler, t.values, train.columns);
    const w = makeWindows(scaler.transform(t.values), o.window, 'training part');
    await useBackend(o.backend);
    this.dispose();
    const model = await createAutoencoder(this.specValue);
    this.parts = { scaler, model };
    this.trainingValue = await trainAutoencoder(model, w, { epochs: o.epochs, batchSize: o.batchSize, patience: o.patience, valSplit: o.valSplit, seed: o.seed, ...hooks });
    const mae = windowMae(w.x, await model.predict(w.x, w.n), w.n);
    this.parts.threshold = Threshold.fit(this.rule, mae);
    this.trainScoresValue = this.dated(t.dates, mae);
    return this.trainingValue;
  }

  /**
   * Score every full window of a raw series (transform and scaler as fitted). With `from`, only windows whose
   * first step is on or after that date (the test part, with earlier rows giving the transform its lag).
   * @throws Error when the detector is not fitted; InputError for too few rows or columns that differ.
   */
  async score(series: Series, opts: { from?: string } = {}): Promise<ScoreResult> {
    const { scaler, model } = this.fitted();
    if (series.columns.length !== this.columnsValue.length) {
      throw new InputError(`${series.source}: ${series.columns.length} value columns (${series.columns.join(', ')}), the model was trained on ${this.columnsValue.length} (${this.columnsValue.join(', ')})`);
    }
    const t = applyTransform(series, this.options.transform);
    let first = 0;
    if (opts.from !== undefined) {
      first = t.dates.findIndex((d) => d >= opts.from!);
      if (first < 0) first = t.dates.length;
    }
    const rows = scaler.transform(t.values.slice(first));
    const w = makeWindows(rows, this.options.window, opts.from ? `part from ${opts.from}` : 'series');
    const recon = await model.predict(w.x, w.n);
    const mae = windowMae(w.x, recon, w.n);
    const s = this.dated(t.dates.slice(first), mae);
    const windows: ScoredWindow[] = s.end.map((end, i) => ({ start: s.start[i], end, mae: s.mae[i], anomaly: s.anomaly[i] }));
    const rawIndex = new Map(series.dates.map((d, i) => [d, i]));
    const anomalies: AnomalyRecord[] = windows.filter((x) => x.anomaly).map((x) => ({ date: x.end, value: series.values[rawIndex.get(x.end)!][0], mae: x.mae }));
    const reconstruction = { x: w.x, recon, n: w.n, window: this.options.window, features: this.columnsValue.length };
    return { ...s, windows, anomalies, transformed: t, reconstruction, offset: first };
  }

  private dated(dates: string[], mae: number[]): WindowScores {
    const win = this.options.window;
    const flags = this.parts.threshold ? this.parts.threshold.flag(mae) : mae.map(() => false);
    return { start: mae.map((_, i) => dates[i]), end: mae.map((_, i) => dates[i + win - 1]), mae, anomaly: flags };
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
    return { options: this.options, columns: [...this.columnsValue], spec: model.spec, scaler: scaler.toJSON(), threshold: threshold.toJSON(), weights: model.getWeights(), extra };
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
