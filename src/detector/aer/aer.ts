import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import {
  type AerModel,
  type AerSpec,
  aerWeightShapes,
  createAerModel,
  type EpochRecord,
  type NamedWeight,
} from '../../model';
import type { Windows } from '../../sequence/windows';
import { trainAutoencoder } from '../../train/fit';
import { InputError } from '../../util/errors';
import { maxOf, minOf } from '../../util/extent';
import type { FitHooks } from '../contract';
import { ewma, type RecErrorType, type StepErrors, stepErrors, windowMeans } from './errors';

/** Options of {@link AerWindowModel}: the architecture's and the training options the detector shares with the LSTM. */
export interface AerModelOptions {
  units: number;
  regRatio: number;
  learningRate: number;
  seed: number;
  epochs: number;
  batchSize: number;
  patience: number;
  valSplit: number;
  backend: BackendChoice;
  /** How each step's reconstruction error is measured (Orion's `rec_error_type`). Default 'point'. */
  recError?: RecErrorType;
}

/** How the errors are made comparable: the EWMA span, and the training minimum and maximum of each smoothed error. */
export interface AerNorm {
  span: number;
  rec: [number, number];
  reg: [number, number];
}

/** The saved state of a fitted {@link AerWindowModel}: plain JSON, the weights as float32 bytes in base64. */
export interface AerState {
  kind: 'aer';
  spec: AerSpec;
  weights: { name: string; shape: number[]; data: string }[];
  norm: AerNorm;
}

/**
 * Orion's AER on windows: the engine's {@link AerModel} trained on the whole windows (the encoder reads the inner
 * steps, the output regresses the first and last), then each step scored as Orion's `score_anomalies` with
 * `comb="mult"`: the reconstruction error (`recError`: point or dtw) and the mean of the two regression errors
 * (see `stepErrors`), each smoothed (EWMA, span 1% of the training steps) and mapped to [1, 2] by its training
 * minimum and maximum, then multiplied. A window's score is the mean of its steps'. Seeded: same seed and backend, same bits.
 *
 * @example
 * const m = new AerWindowModel({ ...opts, units: 30 });
 * await m.fit(makeWindows(trainRows, 100));
 * const steps = await m.scoreSteps(makeWindows(testRows, 100)); // one score per step
 */
export class AerWindowModel {
  readonly kind = 'aer' as const;
  history: EpochRecord[] = [];
  bestEpoch = 0;
  engine = '';
  /** The tfjs backend of the last fit ('' when loaded). */
  backend = '';
  private model: AerModel | null = null;
  private spec: AerSpec | null = null;
  private weights: NamedWeight[] | null = null;
  private norm: AerNorm | null = null;
  /** The step scores of the windows last scored (a fit scores its training windows, then the detector again). */
  private last: { w: Windows; steps: Float64Array } | null = null;

  constructor(readonly options: AerModelOptions) {}

  /** Trainable parameters (0 before fit or load). */
  get parameters(): number {
    return this.spec ? aerWeightShapes(this.spec).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0) : 0;
  }

  /**
   * Train on the (scaled) training windows, then fit the normalisation on their errors.
   * @throws InputError for no windows or invalid options.
   */
  async fit(train: Windows, hooks: FitHooks = {}): Promise<this> {
    if (train.n < 1) throw new InputError('aer: no training windows');
    const o = this.options;
    const spec: AerSpec = {
      window: train.window,
      features: train.features,
      units: o.units,
      regRatio: o.regRatio,
      learningRate: o.learningRate,
      seed: o.seed,
    };
    await useBackend(o.backend);
    const model = await createAerModel(spec);
    try {
      const r = await trainAutoencoder(model, train, {
        epochs: o.epochs,
        batchSize: o.batchSize,
        patience: o.patience,
        valSplit: o.valSplit,
        seed: o.seed,
        // early stopping on AER's own loss (regression and reconstruction MSE, weighted), as Orion's Keras fit
        valLoss: (val) => model.evaluate(val.x, val.n),
        onEpoch: hooks.onEpoch,
        onBatch: hooks.onBatch,
      });
      this.history = r.history;
      this.bestEpoch = r.bestEpoch;
    } catch (e) {
      model.dispose();
      throw e;
    }
    this.dispose();
    this.model = model;
    this.spec = spec;
    this.engine = model.engine;
    this.backend = model.backend;
    const errors = await this.errors(train);
    const span = Math.max(1, Math.floor(0.01 * (train.n + train.window - 1)));
    const range = (v: Float64Array): [number, number] => {
      const s = ewma(v, span);
      return [minOf(s), maxOf(s)];
    };
    this.norm = { span, rec: range(errors.rec), reg: range(errors.reg) };
    this.last = { w: train, steps: combine(errors, this.norm) };
    return this;
  }

  /**
   * The score of each step the windows cover (n + window - 1).
   * @throws Error when not fitted; InputError when the windows' shape differs from the training windows'.
   */
  async scoreSteps(w: Windows): Promise<Float64Array> {
    if (this.last?.w === w) return this.last.steps;
    const steps = combine(await this.errors(w), this.ready().norm);
    this.last = { w, steps };
    return steps;
  }

  /** Each window's mean step score. @throws as {@link scoreSteps}. */
  async scoreWindows(w: Windows): Promise<number[]> {
    return windowMeans(await this.scoreSteps(w), w.window);
  }

  /** The fitted model as plain JSON (see {@link AerWindowModel.fromJSON}). @throws Error when not fitted. */
  toJSON(): AerState {
    const { spec, norm } = this.ready();
    const weights = this.model ? this.model.getWeights() : this.weights!;
    return {
      kind: 'aer',
      spec: { ...spec },
      weights: weights.map((x) => ({ name: x.name, shape: [...x.shape], data: toBase64(x.values) })),
      norm: { span: norm.span, rec: [...norm.rec], reg: [...norm.reg] },
    };
  }

  /**
   * A fitted model from {@link toJSON}'s state, checked; the engine's model is made when it first scores.
   * @throws InputError `invalid aer state: <what>` for a malformed state.
   * @example
   * const again = AerWindowModel.fromJSON(JSON.parse(JSON.stringify(m.toJSON())), m.options);
   */
  static fromJSON(state: AerState, options: AerModelOptions): AerWindowModel {
    const bad = (what: string) => new InputError(`invalid aer state: ${what}`);
    if (state?.kind !== 'aer') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "aer"`);
    const spec = state.spec;
    const int = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
    if (!spec || !int(spec.window, 4) || !int(spec.features, 1) || !int(spec.units, 1))
      throw bad(`spec ${JSON.stringify(spec)}`);
    const { norm } = state;
    const pair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite);
    if (!norm || !int(norm.span, 1) || !pair(norm.rec) || !pair(norm.reg)) throw bad(`norm ${JSON.stringify(norm)}`);
    const shapes = aerWeightShapes(spec);
    if (!Array.isArray(state.weights) || state.weights.length !== shapes.length)
      throw bad(`${state.weights?.length} weight arrays, expected ${shapes.length}`);
    const weights = shapes.map(({ name, shape }, i) => {
      const w = state.weights[i];
      const size = shape.reduce((a, b) => a * b, 1);
      const values = typeof w?.data === 'string' ? fromBase64(w.data) : null;
      if (w?.name !== name || !values || values.length !== size)
        throw bad(`weight ${i} is not ${name} of ${size} values`);
      return { name, shape, values };
    });
    const m = new AerWindowModel(options);
    m.spec = { ...spec };
    m.weights = weights;
    m.norm = { span: norm.span, rec: [norm.rec[0], norm.rec[1]], reg: [norm.reg[0], norm.reg[1]] };
    return m;
  }

  /** Free the engine's model. */
  dispose(): void {
    this.model?.dispose();
    this.model = null;
    this.last = null;
  }

  private ready(): { spec: AerSpec; norm: AerNorm } {
    if (!this.spec || !this.norm) throw new Error('aer detector is not fitted: call fit() or fromJSON() first');
    return { spec: this.spec, norm: this.norm };
  }

  /** The step errors of windows `w` under the model (made from the saved weights on first use). */
  private async errors(w: Windows): Promise<StepErrors> {
    const spec = this.spec;
    if (!spec) throw new Error('aer detector is not fitted: call fit() or fromJSON() first');
    if (w.window !== spec.window || w.features !== spec.features) {
      const got = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`aer: windows of ${got}, the detector was fitted on ${spec.window} x ${spec.features}`);
    }
    if (!this.model) {
      await useBackend(this.options.backend);
      this.model = await createAerModel(spec);
      this.model.setWeights(this.weights!);
      this.engine = this.model.engine;
    }
    const y = await this.model.predict(w.x, w.n);
    return stepErrors(w.x, y, w.n, w.window, w.features, this.options.recError ?? 'point');
  }
}

/** Orion's `comb="mult"`: each smoothed error mapped to [1, 2] by its training range, multiplied. */
function combine(e: StepErrors, norm: AerNorm): Float64Array {
  const rec = ewma(e.rec, norm.span);
  const reg = ewma(e.reg, norm.span);
  const scale = ([lo, hi]: [number, number], v: number) => 1 + (hi > lo ? (v - lo) / (hi - lo) : 0);
  return rec.map((r, k) => scale(norm.rec, r) * scale(norm.reg, reg[k]));
}

function toBase64(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

function fromBase64(s: string): Float32Array | null {
  const b = Buffer.from(s, 'base64');
  if (b.length % 4 !== 0) return null;
  const out = new Float32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
