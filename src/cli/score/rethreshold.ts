import * as fs from 'fs';
import * as path from 'path';
import { rowsOfDates, type Series, valueAt } from '../../data/series';
import type { Detector, ScoreResult } from '../../detector/contract';
import type { AnomalyEvent } from '../../events/events';
import { explainWindowThreshold } from '../../pipeline/explain';
import { DEFAULT_PIPELINE_OPTIONS } from '../../pipeline/options';
import { type EventStage, eventStage } from '../../pipeline/steps-stage';
import { writeJsonFile } from '../../report/json-file';
import type { AnomalyRecord, ScoredWindow, ThresholdJson } from '../../result';
import { Threshold } from '../../threshold/rule';
import { parseRule, ruleKind } from '../../threshold/rules';
import { InputError } from '../../util/errors';

/** File of a model folder holding the training-window MAEs (for re-thresholding without training). */
export const TRAIN_SCORES_FILE = 'train-scores.json';

/**
 * Save the training-window MAEs beside a saved model, so `score --threshold` can re-derive a threshold.
 *
 * @throws Error when the folder cannot be written.
 * @example
 * saveTrainScores('out/model', detector.trainScores!.mae);
 */
export function saveTrainScores(modelDir: string, mae: number[]): void {
  writeJsonFile(path.join(modelDir, TRAIN_SCORES_FILE), { mae }, 0);
}

/**
 * The training-window MAEs saved with a model.
 *
 * @throws InputError when the file is missing or malformed.
 * @example
 * readTrainScores('out/model').length;
 */
export function readTrainScores(modelDir: string): number[] {
  const file = path.join(modelDir, TRAIN_SCORES_FILE);
  let j: unknown;
  try {
    j = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new InputError(
      `${file}: missing or malformed; a window rule needs the training scores a detect run saves ` +
        '(run detect again, or use a step rule: window-sigma, dynamic)',
    );
  }
  const mae = (j as { mae?: unknown }).mae;
  if (!Array.isArray(mae) || mae.length === 0 || !mae.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InputError(`${file}: expected {"mae": [numbers]}`);
  }
  return mae as number[];
}

/**
 * A re-thresholded score: new flags, anomalies, events and the threshold's story; the event stage they came from
 * and the saved training-window MAEs (when the model folder has them), for explaining the events.
 */
export interface Rethresholded {
  windows: ScoredWindow[];
  anomalies: AnomalyRecord[];
  events: AnomalyEvent[];
  threshold: ThresholdJson & { explanation: string; rule?: string };
  stage: EventStage;
  trainScores?: number[];
}

/**
 * Apply a threshold rule to a saved model's scores without retraining: a window rule (`p99`, `3sigma`, a number)
 * is re-fitted on the saved training-window MAEs; a step rule is derived from the scored series' step scores.
 *
 * @throws InputError for an unknown rule or missing training scores.
 * @example
 * const r = rethreshold(detector, await detector.score(series), 'model', 'p99', series);
 */
export function rethreshold(
  detector: Detector,
  scores: ScoreResult,
  modelDir: string,
  rule: string,
  raw: Series,
): Rethresholded {
  const o = { ...DEFAULT_PIPELINE_OPTIONS, ...detector.options, threshold: rule };
  let threshold: Rethresholded['threshold'];
  let s = scores;
  const spec = parseRule(rule);
  if (ruleKind(spec) === 'step') {
    const stage = eventStage(scores, o, NaN);
    const T = detector.options.window;
    const windows = scores.windows.map((w, i) => ({ ...w, anomaly: stage.flags[i + T - 1] === true }));
    threshold = { ...Threshold.fit(spec, []).toJSON(), rule: stage.rule, explanation: stage.explanation! };
    const saved = savedTrainScores(modelDir);
    const events = stage.events;
    return { windows, anomalies: anomaliesOf(windows, raw), events, threshold, stage, ...saved };
  }
  const train = readTrainScores(modelDir);
  const t = Threshold.fit(spec, train);
  const anomaly = scores.mae.map((m) => m > t.value);
  s = { ...scores, anomaly, windows: scores.windows.map((w, i) => ({ ...w, anomaly: anomaly[i] })) };
  const stage = eventStage(s, o, t.value);
  threshold = { ...t.toJSON(), explanation: explainWindowThreshold(t.toJSON(), train) };
  return {
    windows: s.windows,
    anomalies: anomaliesOf(s.windows, raw),
    events: stage.events,
    threshold,
    stage,
    trainScores: train,
  };
}

/** `{ trainScores }` from the model folder, or `{}` when it has no such file (a step rule does not need it). */
function savedTrainScores(modelDir: string): { trainScores?: number[] } {
  return fs.existsSync(path.join(modelDir, TRAIN_SCORES_FILE)) ? { trainScores: readTrainScores(modelDir) } : {};
}

/** The flagged windows' ends with the raw series' first value there (only those dates' rows are looked up). */
function anomaliesOf(windows: ScoredWindow[], raw: Series): AnomalyRecord[] {
  const flagged = windows.filter((w) => w.anomaly);
  const at = rowsOfDates(
    raw,
    flagged.map((w) => w.end),
  );
  return flagged.map((w) => ({ date: w.end, value: valueAt(raw, at.get(w.end)!, 0), mae: w.mae }));
}
