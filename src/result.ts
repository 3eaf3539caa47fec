import type { EpochRecord } from './model';
import type { AnomalyRecord, ScoredWindow } from './score/records';
import type { ThresholdJson } from './threshold/rule';
import type { DriftJson } from './transform/drift';
import type { ScalerJson } from './transform/scaler';

export type { AnomalyRecord, DriftJson, EpochRecord, ScalerJson, ScoredWindow, ThresholdJson };

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
