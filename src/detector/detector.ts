import { selectBackend } from '../backend/select';
import type { Series } from '../data/series';
import type { Autoencoder } from '../model';
import { createAutoencoder } from '../model';
import { resolveSpec } from '../model';
import { windowMae } from '../score/mae';
import { makeWindows, Windows } from '../sequence/windows';
import { parseThreshold, Threshold } from '../threshold/rule';
import { trainAutoencoder, TrainOptions, TrainResult } from '../train/fit';
import { Scaler } from '../transform/scaler';
import { applyTransform } from '../transform/transforms';
import { InputError } from '../util/errors';
import { DEFAULT_DETECTOR_OPTIONS, DetectorOptions } from './options';

/** Reconstruction scores of windows, each dated by its first and last step. */
export interface WindowScores {
  start: string[];
  end: string[];
  mae: number[];
  /** True where mae is above the fitted threshold. */
  anomaly: boolean[];
}

/** Hooks for progress while fitting. */
export type FitHooks = Pick<TrainOptions, 'onEpoch' | 'onBatch'>;

/**
 * An LSTM-autoencoder anomaly detector: `fit(train)` learns transform -> scaler -> model -> threshold on a
 * training series; `score(series)` gives each window's reconstruction MAE and flag.
 *
 * @example
 * const det = new LstmAutoencoderDetector({ epochs: 20 });
 * await det.fit(train);
 * const scores = await det.score(series, { from: test.dates[0] });
 */
export class LstmAutoencoderDetector {
  /** Resolved options (defaults filled in). */
  readonly options: DetectorOptions;
  scaler: Scaler | null = null;
  threshold: Threshold | null = null;
  model: Autoencoder | null = null;
  /** Training history of the last fit. */
  training: TrainResult | null = null;
  /** MAE of each training window after fitting (in time order). */
  trainScores: WindowScores | null = null;
  /** Feature columns seen at fit. */
  columns: string[] = [];

  constructor(options: Partial<DetectorOptions> = {}) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    parseThreshold(this.options.threshold);
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
    const spec = resolveSpec({ window: o.window, features: train.columns.length, encoder: o.encoder, dropout: o.dropout, loss: o.loss, learningRate: o.learningRate, seed: o.seed });
    const threshold = parseThreshold(o.threshold);
    const t = applyTransform(train, o.transform);
    if (t.values.length < o.window) {
      throw new InputError(`too few rows: training part has ${train.values.length} rows, window ${o.window}${t.values.length < train.values.length ? ` after the ${o.transform} transform` : ''} needs at least ${o.window + train.values.length - t.values.length}`);
    }
    this.columns = [...train.columns];
    this.scaler = Scaler.fit(o.scaler, t.values, train.columns);
    const w = makeWindows(this.scaler.transform(t.values), o.window, 'training part');
    await selectBackend(o.backend);
    this.model?.dispose();
    const model = await createAutoencoder(spec);
    this.model = model;
    this.training = await trainAutoencoder(model, w, { epochs: o.epochs, batchSize: o.batchSize, patience: o.patience, valSplit: o.valSplit, seed: o.seed, ...hooks });
    const mae = windowMae(w.x, await model.predict(w.x, w.n), w.n);
    this.threshold = Threshold.fit(threshold, mae);
    this.trainScores = this.dated(t.dates, mae, 0);
    return this.training;
  }

  /**
   * Score every full window of a raw series (transform and scaler as fitted). With `from`, only windows whose
   * first step is on or after that date (the test part, with earlier rows giving the transform its lag).
   * @throws Error when the detector is not fitted; InputError for too few rows or columns that differ.
   */
  async score(series: Series, opts: { from?: string } = {}): Promise<WindowScores> {
    const { scaler, model } = this.ready();
    if (series.columns.length !== this.columns.length) {
      throw new InputError(`${series.source}: ${series.columns.length} value columns (${series.columns.join(', ')}), the model was trained on ${this.columns.length} (${this.columns.join(', ')})`);
    }
    const t = applyTransform(series, this.options.transform);
    let first = 0;
    if (opts.from !== undefined) {
      first = t.dates.findIndex((d) => d >= opts.from!);
      if (first < 0) first = t.dates.length;
    }
    const rows = scaler.transform(t.values.slice(first));
    const w: Windows = makeWindows(rows, this.options.window, opts.from ? `part from ${opts.from}` : 'series');
    const mae = windowMae(w.x, await model.predict(w.x, w.n), w.n);
    return this.dated(t.dates.slice(first), mae, 0);
  }

  private dated(dates: string[], mae: number[], offset: number): WindowScores {
    const win = this.options.window;
    const flags = this.threshold ? this.threshold.flag(mae) : mae.map(() => false);
    return {
      start: mae.map((_, i) => dates[offset + i]),
      end: mae.map((_, i) => dates[offset + i + win - 1]),
      mae,
      anomaly: flags,
    };
  }

  /** @internal the fitted parts, or an error naming what is missing. */
  ready(): { scaler: Scaler; model: Autoencoder; threshold: Threshold } {
    if (!this.scaler || !this.model || !this.threshold) throw new Error('detector is not fitted: call fit() or load() first');
    return { scaler: this.scaler, model: this.model, threshold: this.threshold };
  }

  /** Free the model's tensors. */
  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }
}
