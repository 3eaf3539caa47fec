import * as fs from 'fs';
import * as path from 'path';
import type { Series } from '../../data/series';
import { type TrainingRecord, untrainedRecord } from '../../result';
import { parseThreshold, Threshold, type ThresholdSpec } from '../../threshold/rule';
import { writeDirAtomic } from '../../util/atomic';
import { InputError, isInputError } from '../../util/errors';
import type { Detector, DetectorKind, FitHooks, FittedCore, ScoreResult, WindowScores } from '../contract';
import { MODEL_FORMAT } from '../lstm/state';
import { DEFAULT_DETECTOR_OPTIONS } from '../options';
import { datedScores, scoreResult } from '../prepare';
import { combineScores, medianScale, memberSteps, windowMeans } from './combine';
import { ensembleMembers } from './name';
import {
  checkEnsembleState,
  type EnsembleOptions,
  type EnsembleState,
  type MemberFactory,
  type MemberState,
} from './state';

export type { EnsembleOptions, EnsembleState, MemberFactory, MemberState } from './state';

declare module '../contract' {
  interface DetectorKinds {
    /** The mean of several detectors' normalised per-step scores */
    ensemble: true;
  }
}

/**
 * Several detectors as one ({@link DetectorKinds} `ensemble`, named `ensemble:A,B[,C]`): each member is fitted
 * and scored as it is alone, with the ensemble's options; each member's per-step scores are divided by its median
 * per-step score on the fitted part (per series: see {@link medianScale}, {@link combineScores} for why) and the
 * ensemble's per-step score is the mean of the members'. The shared per-step path (pipeline/steps-stage.ts)
 * smooths, thresholds and makes events from it as for any detector; a window's score is the mean of its steps'
 * (a window rule's threshold is fitted on the training windows' scores). The members read the series the same way
 * (same transform and window), as in a comparison, so their steps line up; the scaler `fitted()` gives is the
 * first member's.
 *
 * @throws InputError from the constructor for a bad name (see {@link ensembleMembers}) or a member's bad options.
 * @example
 * const det = createDetector('ensemble:lstm,pca', { window: 30 }); // registry.ts
 * await det.fit(train);
 * const { steps } = await det.score(series); // steps.score: the combined per-step scores
 */
export class EnsembleDetector implements Detector {
  readonly kind = 'ensemble' as const;
  readonly options: EnsembleOptions;
  readonly rule: ThresholdSpec;
  /** The members' kinds, in the name's order. */
  readonly memberKinds: readonly DetectorKind[];
  private members: Detector[];
  private scalesValue: number[] = [];
  private thresholdValue: Threshold | null = null;
  private trainScoresValue: WindowScores | null = null;
  private extraValue: Record<string, unknown> | undefined;

  constructor(options: Partial<EnsembleOptions>, factory: MemberFactory) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    this.rule = parseThreshold(this.options.threshold);
    this.memberKinds = ensembleMembers(this.options.detector ?? 'ensemble', factory.kinds);
    const { detector: _name, ...shared } = this.options;
    this.members = this.memberKinds.map((k) => factory.create(k, shared));
  }

  /** Feature columns seen at fit. */
  get columns(): readonly string[] {
    return this.members[0].columns;
  }

  /** Scores of the training windows after fitting (null when loaded). */
  get trainScores(): WindowScores | null {
    return this.trainScoresValue;
  }

  /** Extra data saved with a loaded detector. */
  get extra(): Record<string, unknown> | undefined {
    return this.extraValue;
  }

  /** Each member's scale (its median per-step score on the fitted part); empty before fit. */
  get scales(): readonly number[] {
    return this.scalesValue;
  }

  /**
   * One line saying what was combined and how, with each member's scale: what a run prints.
   * @example
   * det.describe(); // 'ensemble: mean of lstm, pca per step, each divided by its median on the fitted part (...)'
   */
  describe(): string {
    const each = this.memberKinds.map((k, i) => `${k} ${fmt(this.scalesValue[i])}`).join(', ');
    return `ensemble: mean of ${this.memberKinds.join(', ')} per step, each divided by its median per-step score on the fitted part (${each})`;
  }

  /** Fit every member on the raw training series, then the scales and the threshold. @throws InputError for bad input. */
  async fit(train: Series, hooks: FitHooks = {}): Promise<void> {
    const raws: Float64Array[] = [];
    let first: ScoreResult | undefined;
    for (const m of this.members) {
      await m.fit(train, hooks);
      const r = await m.score(train);
      first ??= r;
      raws.push(this.steps(m, r));
    }
    this.scalesValue = raws.map(medianScale);
    const combined = combineScores(raws, this.scalesValue);
    const scores = windowMeans(combined, this.options.window);
    const threshold = Threshold.fit(this.rule, scores);
    this.thresholdValue = threshold;
    this.trainScoresValue = datedScores(spanDates(first!, combined.length), scores, this.options.window, threshold);
  }

  /** Score every full window of a raw series (of the part from `from`). @throws InputError for bad input. */
  async score(series: Series, opts: { from?: string } = {}): Promise<ScoreResult> {
    const { threshold } = this.fitted();
    const results: ScoreResult[] = [];
    for (const m of this.members) results.push(await m.score(series, opts));
    const raws = results.map((r, i) => this.steps(this.members[i], r));
    const combined = combineScores(raws, this.scalesValue);
    const dates = spanDates(results[0], combined.length);
    const scores = windowMeans(combined, this.options.window);
    const result = scoreResult(
      series,
      results[0].transformed,
      datedScores(dates, scores, this.options.window, threshold),
    );
    return { ...result, steps: { dates, score: Array.from(combined) } };
  }

  /** The first member's scaler and the ensemble's threshold. @throws Error when not fitted. */
  fitted(): FittedCore {
    if (!this.thresholdValue) throw new Error('ensemble detector is not fitted: call fit() or load() first');
    return { scaler: this.members[0].fitted().scaler, threshold: this.thresholdValue };
  }

  /** The training record of the first member that trains a network (lstm, dense, aer), else none. */
  trainingRecord(fitSeconds: number): TrainingRecord {
    const m = this.members.find((x) => x.trainingRecord);
    const own = m?.trainingRecord?.(fitSeconds);
    if (own) return { ...own, seconds: fitSeconds };
    return untrainedRecord('ensemble', fitSeconds);
  }

  /** Everything needed to rebuild it, each member's state inside. @throws Error when not fitted. */
  toState(extra?: Record<string, unknown>): EnsembleState {
    const { threshold } = this.fitted();
    return {
      ...this.ownState(threshold, extra),
      members: this.members.map((m, i) => ({ kind: m.kind, scale: this.scalesValue[i], state: m.toState() })),
    };
  }

  /** Save to a folder, atomically: model.json (its own part) and each member in its folder `member-<i>-<kind>`. */
  async save(dir: string, extra?: Record<string, unknown>): Promise<void> {
    const { threshold } = this.fitted();
    await writeDirAtomic(dir, async (tmp) => {
      const members: MemberState[] = [];
      for (const [i, m] of this.members.entries()) {
        const sub = `member-${i}-${m.kind}`;
        await m.save(path.join(tmp, sub));
        members.push({ kind: m.kind, scale: this.scalesValue[i], dir: sub });
      }
      const json: EnsembleState = { ...this.ownState(threshold, extra), members };
      fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(json, null, 1));
    });
  }

  /** Free the members. */
  dispose(): void {
    for (const m of this.members) m.dispose();
  }

  /**
   * Rebuild from {@link toState}.
   * @throws InputError `saved model: ...` for a state that is not a valid ensemble state.
   * @example
   * const copy = await EnsembleDetector.fromState(det.toState(), factory);
   */
  static async fromState(state: EnsembleState, factory: MemberFactory): Promise<EnsembleDetector> {
    const det = EnsembleDetector.adopt(state, factory);
    for (const m of state.members) det.members.push(await factory.fromState(m.kind, m.state));
    return det;
  }

  /**
   * Load what {@link save} wrote, from its parsed model.json and folder.
   * @throws InputError `<dir>/model.json: saved model: ...` for an invalid state or member folder; a member's own
   * load errors (naming its own model.json).
   * @example
   * const det = await EnsembleDetector.load(json, 'reports/run/model', factory);
   */
  static async load(state: EnsembleState, dir: string, factory: MemberFactory): Promise<EnsembleDetector> {
    let det: EnsembleDetector;
    try {
      det = EnsembleDetector.adopt(state, factory);
      for (const m of state.members) {
        if (typeof m.dir !== 'string' || m.dir === '' || path.basename(m.dir) !== m.dir || m.dir.startsWith('.'))
          throw new InputError(`saved model: member folder ${JSON.stringify(m.dir)} is not a folder name`);
      }
    } catch (e) {
      if (isInputError(e)) throw new InputError(`${path.join(dir, 'model.json')}: ${e.message}`);
      throw e;
    }
    for (const m of state.members) det.members.push(await factory.load(path.join(dir, m.dir!)));
    return det;
  }

  /** A new ensemble with a checked state's own part (scales, threshold, extra), its members not yet added. */
  private static adopt(state: EnsembleState, factory: MemberFactory): EnsembleDetector {
    checkEnsembleState(state);
    const det = new EnsembleDetector(state.options, factory);
    checkEnsembleState(state, det.memberKinds);
    for (const m of det.members) m.dispose();
    det.members = [];
    det.scalesValue = state.members.map((m) => m.scale);
    det.thresholdValue = Threshold.fromJSON(state.threshold);
    det.extraValue = state.extra;
    return det;
  }

  private ownState(threshold: Threshold, extra?: Record<string, unknown>): Omit<EnsembleState, 'members'> {
    return {
      format: MODEL_FORMAT,
      kind: 'ensemble',
      options: this.options,
      columns: [...this.columns],
      threshold: threshold.toJSON(),
      extra,
    };
  }

  private steps(m: Detector, r: ScoreResult): Float64Array {
    return memberSteps(r, this.options.aggregate ?? 'median', m.options.window);
  }
}

/** The dates of the last `length` scored steps of a member's result. */
function spanDates(r: ScoreResult, length: number): string[] {
  const dates = r.steps?.dates ?? r.transformed.dates.slice(r.mae.length ? r.transformed.dates.indexOf(r.start[0]) : 0);
  return dates.slice(dates.length - length);
}

const fmt = (v: number | undefined): string => (v === undefined ? '?' : Number(v.toPrecision(3)).toString());
