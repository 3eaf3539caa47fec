import type { Series } from '../data/series';

/** One epoch of training history. */
export interface EpochRecord {
  epoch: number;
  loss: number;
  /** Validation loss, or null when no validation split was used. */
  valLoss: number | null;
  seconds: number;
  seqPerSec: number;
}

/** A scored test window: dated by its first and last step. */
export interface ScoredWindow {
  start: string;
  end: string;
  mae: number;
  anomaly: boolean;
}

/** A flagged anomaly: the date of the last step of a window over the threshold, its raw value and MAE. */
export interface AnomalyRecord {
  date: string;
  /** Raw value (first feature) at that date, before any transform. */
  value: number;
  mae: number;
}

/** Serialised scaler: per-feature arrays. */
export type ScalerJson =
  | { kind: 'standard'; mean: number[]; std: number[] }
  | { kind: 'minmax'; min: number[]; max: number[] };

/** Serialised threshold rule after fitting. */
export interface ThresholdJson {
  method: 'percentile' | 'fixed' | 'sigma';
  value: number;
  percentile?: number;
  k?: number;
}

/** The drift check: share of test values outside the training range. */
export interface DriftJson {
  /** Share in [0, 1] of (transformed) test values outside [min, max] of training, over all features. */
  outsideShare: number;
  /** True when outsideShare is above the warning level. */
  warn: boolean;
  /** Warning level used (0.2). */
  level: number;
  /** Human-readable warning, present when warn is true. */
  message?: string;
}

/** Everything a run produces: written as result.json and rendered as report.html. */
export interface RunResult {
  /** The resolved options of the run (after preset and flags). */
  config: Record<string, unknown>;
  data: { source: string; rows: number; start: string; end: string; columns: string[] };
  split: { trainRows: number; testRows: number; trainEnd: string };
  scaler: ScalerJson;
  training: { backend: string; engine: string; epochs: number; bestEpoch: number; history: EpochRecord[]; seqPerSec: number; seconds: number; parameters: number };
  threshold: ThresholdJson;
  drift: DriftJson;
  /** MAE of every training window, in time order. */
  trainScores: number[];
  test: ScoredWindow[];
  anomalies: AnomalyRecord[];
  /** Version of lstm-anomaly that wrote it. */
  version: string;
}

/** What the report needs beyond result.json: the raw series (for the price chart). */
export interface ReportInput {
  result: RunResult;
  series: Series;
}
