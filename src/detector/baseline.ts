import * as fs from 'fs';
import * as path from 'path';
import { datesOf, rowsOf, type Series, valueTable } from '../data/series';
import type { ScalerJson, ThresholdJson } from '../result';
import type { Windows } from '../sequence/windows';
import { parseThreshold, Threshold, type ThresholdSpec } from '../threshold/rule';
import { Scaler } from '../transform/scaler';
import { writeDirAtomic } from '../util/atomic';
import { InputError } from '../util/errors';
import type {
  AnyDetectorOptions,
  Detector,
  DetectorKind,
  FitHooks,
  FittedCore,
  ScoreResult,
  StepOutput,
  WindowScores,
} from './contract';
import { MODEL_FORMAT } from './lstm/state';
import { DEFAULT_DETECTOR_OPTIONS } from './options';
import { datedScores, type PreparedScore, prepareScore, prepareTrain, scoreResult } from './prepare';

/**
 * What a baseline algorithm (pca, zscore, iforest, dense) offers: fit and score of scaled windows, synchronous
 * (pca, zscore, iforest) or returning a Promise (dense, on tfjs), which the detector awaits.
 */
export interface WindowAlgorithm<S> {
  /** Fit on the training windows; `hooks` report epochs where the algorithm has them (dense). */
  fit(train: Windows, hooks?: FitHooks): unknown;
  scoreWindows(w: Windows): number[] | Promise<number[]>;
  toJSON(): S;
}

/** The saved state of a baseline detector: model.json alone (no weights.bin). */
export interface BaselineState<S> {
  format: string;
  kind: Exclude<DetectorKind, 'lstm'>;
  options: AnyDetectorOptions;
  columns: string[];
  scaler: ScalerJson;
  threshold: ThresholdJson;
  /** The algorithm's own state (its toJSON()). */
  model: S;
  extra?: Record<string, unknown>;
}

/** Window scores and, where the algorithm has them, per-step scores. */
export interface AlgorithmScores {
  scores: number[];
  steps?: Omit<StepOutput, 'dates'>;
}

/**
 * A detector around a window algorithm: the LSTM's transform, scaler, windows and threshold (prepare.ts), the
 * algorithm in between. Subclasses name the kind and build the algorithm.
 *
 * @throws InputError from the constructor for an invalid threshold rule.
 * @example
 * class Mine extends BaselineDetector<MyState, MyAlgo> { ... }
 */
export abstract class BaselineDetector<S, A extends WindowAlgorithm<S>> implements Detector {
  abstract readonly kind: Exclude<DetectorKind, 'lstm'>;
  readonly options: AnyDetectorOptions;
  readonly rule: ThresholdSpec;
  protected algo: A | null = null;
  private core: Partial<FittedCore> = {};
  private columnsValue: string[] = [];
  private trainScoresValue: WindowScores | null = null;
  private extraValue: Record<string, unknown> | undefined;

  constructor(options: Partial<AnyDetectorOptions> = {}) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    this.rule = parseThreshold(this.options.threshold);
  }

  /** A new, unfitted algorithm for these options. */
  protected abstract makeAlgorithm(): A;

  /** Scores of the prepared windows, or a Promise of them (override to add per-step scores). */
  protected scoreWith(algo: A, p: Pick<PreparedScore, 'rows' | 'windows'>): AlgorithmScores | Promise<AlgorithmScores> {
    const scores = algo.scoreWindows(p.windows);
    return scores instanceof Promise ? scores.then((s) => ({ scores: s })) : { scores };
  }

  /** Feature columns seen at fit. */
  get columns(): readonly string[] {
    return this.columnsValue;
  }

  /** Scores of the training windows after fitting (null when loaded). */
  get trainScores(): WindowScores | null {
    return this.trainScoresValue;
  }

  /** Extra data saved with a loaded detector. */
  get extra(): Record<string, unknown> | undefined {
    return this.extraValue;
  }

  /** Fit transform, scaler, algorithm and threshold on a raw training series. @throws InputError for bad input. */
  async fit(train: Series, hooks: FitHooks = {}): Promise<void> {
    const p = prepareTrain(train, this.options);
    const algo = this.makeAlgorithm();
    await algo.fit(p.windows, hooks);
    const rows = p.scaler.transform(rowsOf(valueTable(p.transformed)));
    const { scores } = await this.scoreWith(algo, { rows, windows: p.windows });
    const threshold = Threshold.fit(this.rule, scores);
    this.algo = algo;
    this.core = { scaler: p.scaler, threshold };
    this.columnsValue = [...train.columns];
    this.trainScoresValue = datedScores(p.transformed, scores, this.options.window, threshold);
  }

  /** Score every full window of a raw series (of the part from `from`). @throws InputError for bad input. */
  async score(series: Series, opts: { from?: string } = {}): Promise<ScoreResult> {
    const { scaler, threshold } = this.fitted();
    const p = prepareScore(series, this.options, scaler, this.columnsValue, opts.from);
    const { scores, steps } = await this.scoreWith(this.algo!, p);
    const dates = datesOf(p.transformed, p.first);
    const result = scoreResult(series, p.transformed, datedScores(dates, scores, this.options.window, threshold));
    return steps ? { ...result, steps: { dates, ...steps } } : result;
  }

  /** Scaler and threshold. @throws Error when not fitted. */
  fitted(): FittedCore {
    const { scaler, threshold } = this.core;
    if (!scaler || !threshold || !this.algo)
      throw new Error(`${this.kind} detector is not fitted: call fit() or load() first`);
    return { scaler, threshold };
  }

  /** Everything needed to rebuild it (plain JSON). @throws Error when not fitted. */
  toState(extra?: Record<string, unknown>): BaselineState<S> {
    const { scaler, threshold } = this.fitted();
    return {
      format: MODEL_FORMAT,
      kind: this.kind,
      options: this.options,
      columns: [...this.columnsValue],
      scaler: scaler.toJSON(),
      threshold: threshold.toJSON(),
      model: this.algo!.toJSON(),
      extra,
    };
  }

  /** Save `model.json` to a directory, atomically. @throws Error when not fitted. */
  async save(dir: string, extra?: Record<string, unknown>): Promise<void> {
    const json = JSON.stringify(this.toState(extra), null, 1);
    await writeDirAtomic(dir, (tmp) => fs.writeFileSync(path.join(tmp, 'model.json'), json));
  }

  /** Nothing to free (plain arrays). */
  dispose(): void {}

  /** Adopt a saved state into this (new) detector, after checking it; `build` rebuilds the algorithm. */
  protected adopt(state: BaselineState<S>, build: (model: S) => A): this {
    if (state?.format !== MODEL_FORMAT)
      throw new InputError(`saved model: unknown format ${JSON.stringify(state.format)} (expected ${MODEL_FORMAT})`);
    if (state.kind !== this.kind)
      throw new InputError(`saved model: kind ${JSON.stringify(state.kind)}, expected "${this.kind}"`);
    if (!Array.isArray(state.columns) || state.columns.length < 1) throw new InputError('saved model: no columns');
    this.algo = build(state.model);
    this.core = { scaler: Scaler.fromJSON(state.scaler), threshold: Threshold.fromJSON(state.threshold) };
    this.columnsValue = [...state.columns];
    this.extraValue = state.extra;
    return this;
  }
}
