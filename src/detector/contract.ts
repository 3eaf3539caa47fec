import type { Series } from '../data/series';
import type { AnomalyRecord, ScoredWindow, TrainingRecord } from '../result';
import type { Threshold } from '../threshold/rule';
import type { TrainOptions } from '../train/fit';
import type { Scaler } from '../transform/scaler';
import type { DetectorOptions } from './options';

/**
 * The detectors there are, by kind: each detector's folder adds its own kind here (`declare module '../contract'`
 * in its detector.ts), and registry.ts gives each kind one entry in `DETECTORS` (the compiler names a kind without
 * one); `DETECTOR_KINDS` (registry.ts) lists them in the registry's order, 'lstm', the default, first.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each detector's declaration merging
export interface DetectorKinds {}

/** One of the kinds of {@link DetectorKinds}: 'lstm', 'pca', 'zscore', 'iforest', 'dense'. */
export type DetectorKind = keyof DetectorKinds;

/** The options of any detector: the LSTM's, plus the baselines' own. */
export interface AnyDetectorOptions extends DetectorOptions {
  /** pca: principal components kept (at most window x features). Default: those explaining 95% of the variance. */
  components?: number;
}

/** Scores of windows, each dated by its first and last step (`mae` is the detector's score: MAE for the LSTM). */
export interface WindowScores {
  start: string[];
  end: string[];
  mae: number[];
  /** True where mae is above the fitted threshold. */
  anomaly: boolean[];
}

/** Scored windows and their reconstructions, flat as `Windows.x` (`[(i * window + t) * features + j]`). */
export interface WindowReconstruction {
  /** The scaled input windows. */
  x: Float32Array;
  /** Each window's reconstruction, same layout. */
  reconstruction: Float32Array;
  n: number;
  window: number;
  features: number;
}

/**
 * What a detector knows per step of the scored part, for per-step scores and events: `score` where the detector
 * scores steps itself (zscore); `windows` where it reconstructs windows (lstm, pca, dense), ready for
 * `stepScores(w.x, w.reconstruction, w.n, w.window, w.features)` of src/score/steps.ts.
 */
export interface StepOutput {
  /** ISO date of each scored step (the transformed rows the windows were cut from: n + window - 1). */
  dates: string[];
  /** The detector's own score of each step. */
  score?: number[];
  /** The windows and their reconstructions. */
  windows?: WindowReconstruction;
}

/** What `score` gives: the scores by column, as records, and the flagged dates. */
export interface ScoreResult extends WindowScores {
  /** The same scores, one record per window. */
  windows: ScoredWindow[];
  /** The flagged windows, dated by their last step, with the raw value (first feature) there. */
  anomalies: AnomalyRecord[];
  /** The whole series after the detector's transform (the rows the windows were cut from, and earlier ones). */
  transformed: Series;
  /** Per-step scores or reconstructions, where the detector has them. */
  steps?: StepOutput;
}

/**
 * Hooks for progress while fitting (epochs: the LSTM and dense call them; batches: only the LSTM), and the LSTM's
 * warm start (`initWeights`, see detector/lstm/warm-start.ts; other detectors ignore it).
 */
export type FitHooks = Pick<TrainOptions, 'onEpoch' | 'onBatch' | 'initWeights'>;

/** The fitted parts every detector has: the scaler of its inputs and the threshold of its scores. */
export interface FittedCore {
  scaler: Scaler;
  threshold: Threshold;
}

/**
 * A detector: `fit(train)` learns transform -> scaler -> model -> threshold on a training series of raw values;
 * `score(series)` scores every window; `save(dir)` writes it (model.json records its `kind`), and
 * `loadAnyDetector(dir)` (registry.ts) loads any of them back.
 *
 * @example
 * const det: Detector = createDetector('pca', { window: 30 });
 * await det.fit(train);
 * const { windows, anomalies } = await det.score(series, { from: test.dates[0] });
 */
export interface Detector {
  /** Which detector this is. */
  readonly kind: DetectorKind;
  /** Resolved options (defaults filled in). */
  readonly options: AnyDetectorOptions;
  /** Feature columns seen at fit. */
  readonly columns: readonly string[];
  /** Scores of the training windows after fitting (null when loaded). */
  readonly trainScores: WindowScores | null;
  /** Extra data saved with a loaded detector (undefined otherwise). */
  readonly extra: Record<string, unknown> | undefined;
  /** Fit on a raw training series. @throws InputError for too few rows, a constant series or invalid options. */
  fit(train: Series, hooks?: FitHooks): Promise<unknown>;
  /** Score every full window (of the part from `from`). @throws InputError for too few rows or other columns. */
  score(series: Series, opts?: { from?: string }): Promise<ScoreResult>;
  /** Scaler and threshold of a fitted detector. @throws Error when not fitted. */
  fitted(): FittedCore;
  /**
   * How the last fit trained, for result.json, where the detector trains a network (lstm, dense); the others
   * have none. `fitSeconds`: the fit's time as the caller measured it.
   */
  trainingRecord?(fitSeconds: number): TrainingRecord;
  /** Everything needed to rebuild it, as plain data. @throws Error when not fitted. */
  toState(extra?: Record<string, unknown>): unknown;
  /** Save to a directory, atomically. @throws Error when not fitted. */
  save(dir: string, extra?: Record<string, unknown>): Promise<void>;
  /** Free what it holds (tensors). */
  dispose(): void;
  /** One line saying what a fitted detector chose, where it chose something (the ensemble: members and scales). */
  describe?(): string;
}
