import type { AffiliationScores } from './evaluate/affiliation';
import type { Counts } from './evaluate/counts';
import type { NabScore } from './evaluate/nab-score';
import type { RangeScores } from './evaluate/range';
import type { UcrTop1 } from './evaluate/ucr-top1';
import type { AnomalyEvent } from './events/events';
import type { EpochRecord } from './model';
import type { AnomalyRecord, ScoredWindow } from './score/records';
import type { ThresholdJson } from './threshold/rule';
import type { DriftJson } from './transform/drift';
import type { ScalerJson } from './transform/scaler';

export type { AnomalyEvent, AnomalyRecord, DriftJson, EpochRecord, ScalerJson, ScoredWindow, ThresholdJson };

/** How a detector was fitted, as result.json records it (no epochs, backend '' or parameters 0 where it has none). */
export interface TrainingRecord {
  backend: string;
  engine: string;
  epochs: number;
  bestEpoch: number;
  history: EpochRecord[];
  seqPerSec: number;
  seconds: number;
  parameters: number;
  /** The saved model whose weights training started from (`detect --init-from`); absent for a cold start. */
  initFrom?: string;
}

/** Everything a run produces: written as result.json and rendered as report.html. */
export interface RunResult {
  /** The resolved options of the run (after preset and flags). */
  config: Record<string, unknown>;
  data: { source: string; rows: number; start: string; end: string; columns: string[] };
  split: { trainRows: number; testRows: number; trainEnd: string };
  scaler: ScalerJson;
  training: TrainingRecord;
  /** The fitted rule; `explanation` says how it was derived, `rule` names a per-step rule (window-sigma, dynamic). */
  threshold: ThresholdJson & { explanation?: string; rule?: string };
  drift: DriftJson;
  /** MAE of every training window, in time order. */
  trainScores: number[];
  test: ScoredWindow[];
  anomalies: AnomalyRecord[];
  /** Anomalous intervals: runs of flagged windows (window rules) or of flagged steps (step rules). */
  events?: AnomalyEvent[];
  /** What the events were formed from. */
  eventSource?: 'window' | 'step';
  /** Against labels (--labels, --label-col): overlap-segment and point-wise scores, AUC-PR. */
  evaluation?: RunEvaluation;
  /** Version of lstm-anomaly that wrote it. */
  version: string;
}

/** A run's scores against labels. */
export interface RunEvaluation {
  /** Labels inside the scored span (the ones counted). */
  labels: number;
  /** Labels wholly outside the scored span (in a split's training part): misses (fn) of `overlap`, nothing else. */
  labelsOutside: number;
  /** Overlap-segment: a label hit by any event is a tp, one hit by none (or outside the span) a fn, an event hitting none a fp. */
  overlap: Counts;
  /** Point-wise over the scored steps. */
  pointwise: Counts;
  /** Area under the precision-recall curve of the per-step score (average precision). */
  aucPr: number;
  /** Each event: does it overlap a label. */
  eventHits: boolean[];
  /** Each label (as given, clipped to the scored span): is it hit by an event. */
  labelHits: { start: string; end: string; hit: boolean }[];
  /** VUS-PR of the per-step score (TSB-AD's headline measure; buffer windows 0..`vusWindow`, 250 thresholds). */
  vusPr?: number;
  /** VUS-ROC of the per-step score. */
  vusRoc?: number;
  /** TSB-AD's `slidingWindow` used for VUS: the largest label buffer, in steps (its default, 100). */
  vusWindow?: number;
  /** Range-based precision and recall of the flagged steps (Tatbul et al.; TSB-AD's alpha 0.2, flat bias). */
  range?: RangeScores;
  /** Affiliation precision, recall and F-score of the flagged steps (Huet et al., KDD 2022). */
  affiliation?: AffiliationScores;
  /**
   * NAB score of one alarm per event (its first step above the threshold), standard profile, the labels as
   * windows, the first 15% of the scored span as NAB's probation.
   */
  nab?: NabScore;
  /** UCR archive top-1: does the highest per-step score fall within a label (+-100 steps), the top event on one. */
  ucrTop1?: UcrTop1;
  /** Point-adjusted counts (--point-adjust only: inflated, rewards random scores). */
  pointAdjusted?: Counts;
}

/**
 * The training record of a detector with no training of its own to report (pca, zscore, an ensemble of them): no
 * epochs, and the fit's seconds.
 *
 * @throws Nothing.
 * @example
 * untrainedRecord('pca', 0.25); // { backend: '', engine: 'pca', epochs: 0, ..., seconds: 0.25, parameters: 0 }
 */
export function untrainedRecord(engine: string, seconds: number): TrainingRecord {
  return { backend: '', engine, epochs: 0, bestEpoch: 0, history: [], seqPerSec: 0, seconds, parameters: 0 };
}
