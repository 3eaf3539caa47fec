import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import type { DenseAutoencoderJson, EpochRecord } from '../../model';
import { DenseAutoencoder } from '../../model';
import { windowMae } from '../../score/mae';
import type { Windows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { minOf } from '../../util/extent';
import type { FitHooks } from '../contract';
import { checkDenseSize, denseHidden } from './sizes';

/** Options of {@link DenseWindowModel}: the training options the detector shares with the LSTM. */
export interface DenseModelOptions {
  epochs: number;
  batchSize: number;
  valSplit: number;
  learningRate: number;
  loss: 'mae' | 'mse';
  seed: number;
  backend: BackendChoice;
}

/** The saved state of a fitted {@link DenseWindowModel}: plain JSON. */
export interface DenseState {
  kind: 'dense';
  window: number;
  features: number;
  /** The autoencoder's spec and weights; its `inputs` is window x features. */
  autoencoder: DenseAutoencoderJson;
}

/**
 * The dense autoencoder of the GE walkthrough on flattened windows: each window (window x features values, one
 * table row with `window: 1`) is an input vector; hidden sizes from {@link denseHidden}; trained to reconstruct the
 * training windows. A window's score is the MAE of its reconstruction. Seeded: same seed and backend, same bits.
 *
 * @example
 * const m = new DenseWindowModel({ ...opts, seed: 7 });
 * await m.fit(makeWindows(trainRows, 1));
 * const scores = await m.scoreWindows(makeWindows(testRows, 1));
 */
export class DenseWindowModel {
  readonly kind = 'dense' as const;
  private ae: DenseAutoencoder | null = null;
  private shape = { window: 0, features: 0 };
  private historyValue: EpochRecord[] = [];
  private backendValue = '';

  constructor(readonly options: DenseModelOptions) {}

  /** Per-epoch losses of the last fit (empty when loaded). */
  get history(): readonly EpochRecord[] {
    return this.historyValue;
  }

  /** The epoch with the lowest validation loss (training loss without validation); 0 before fit. */
  get bestEpoch(): number {
    const m = this.historyValue.map((h) => h.valLoss ?? h.loss);
    return m.length === 0 ? 0 : m.indexOf(minOf(m)) + 1;
  }

  /** The tfjs backend of the last fit ('' when loaded). */
  get backend(): string {
    return this.backendValue;
  }

  /** Trainable parameters (0 before fit or load). */
  get parameters(): number {
    return this.ae?.parameterCount() ?? 0;
  }

  /**
   * Train on the training windows (already scaled), on the detector's tfjs backend.
   * @throws InputError for no windows, a model too large for memory, or invalid options.
   */
  async fit(train: Windows, hooks: FitHooks = {}): Promise<this> {
    if (train.n < 1) throw new InputError('dense: no training windows');
    const o = this.options;
    checkDenseSize(train.window, train.features, o.batchSize);
    const backend = await useBackend(o.backend);
    const inputs = train.window * train.features;
    const ae = DenseAutoencoder.create({
      inputs,
      hidden: denseHidden(inputs),
      loss: o.loss,
      learningRate: o.learningRate,
      seed: o.seed,
    });
    try {
      this.historyValue = await ae.fit(rowsOf(train), {
        epochs: o.epochs,
        batchSize: o.batchSize,
        valSplit: o.valSplit,
        onEpoch: hooks.onEpoch,
      });
    } catch (e) {
      ae.dispose();
      throw e;
    }
    this.dispose();
    this.ae = ae;
    this.shape = { window: train.window, features: train.features };
    this.backendValue = backend;
    return this;
  }

  /**
   * The reconstruction of every window, flat as `w.x`.
   * @throws Error when not fitted; InputError when the windows' shape differs from the training windows'.
   */
  async reconstruct(w: Windows): Promise<Float32Array> {
    const ae = this.ready();
    if (w.window !== this.shape.window || w.features !== this.shape.features) {
      const { window, features } = this.shape;
      const got = `${w.window} steps x ${w.features} feature(s)`;
      throw new InputError(`dense: windows of ${got}, the detector was fitted on ${window} x ${features}`);
    }
    return Float32Array.from((await ae.reconstruct(rowsOf(w))).flat());
  }

  /** MAE of each window's reconstruction. @throws as {@link reconstruct}. */
  async scoreWindows(w: Windows): Promise<number[]> {
    return windowMae(w.x, await this.reconstruct(w), w.n);
  }

  /** The fitted model as plain JSON (see {@link DenseWindowModel.fromJSON}). @throws Error when not fitted. */
  toJSON(): DenseState {
    return { kind: 'dense', ...this.shape, autoencoder: this.ready().toJSON() };
  }

  /**
   * A fitted model from {@link DenseWindowModel.toJSON}'s state, checked (run on the current tfjs backend).
   * @throws InputError `invalid dense state: <what>` or `invalid dense model: <what>` for a malformed state.
   * @example
   * const again = DenseWindowModel.fromJSON(JSON.parse(JSON.stringify(m.toJSON())), m.options);
   */
  static fromJSON(state: DenseState, options: DenseModelOptions): DenseWindowModel {
    const bad = (what: string) => new InputError(`invalid dense state: ${what}`);
    if (state?.kind !== 'dense') throw bad(`kind ${JSON.stringify(state?.kind)}, expected "dense"`);
    const { window, features } = state;
    if (!Number.isInteger(window) || window < 1) throw bad(`window ${JSON.stringify(window)}`);
    if (!Number.isInteger(features) || features < 1) throw bad(`features ${JSON.stringify(features)}`);
    const inputs = state.autoencoder?.spec?.inputs;
    if (inputs !== window * features) {
      throw bad(`autoencoder inputs ${JSON.stringify(inputs)}, window x features is ${window * features}`);
    }
    const m = new DenseWindowModel(options);
    m.ae = DenseAutoencoder.fromJSON(state.autoencoder);
    m.shape = { window, features };
    return m;
  }

  /** Free the model's tensors. */
  dispose(): void {
    this.ae?.dispose();
    this.ae = null;
  }

  private ready(): DenseAutoencoder {
    if (!this.ae) throw new Error('dense detector is not fitted: call fit() or fromJSON() first');
    return this.ae;
  }
}

/** The windows as rows of window x features values (the autoencoder's input vectors). */
function rowsOf(w: Windows): number[][] {
  const d = w.window * w.features;
  return Array.from({ length: w.n }, (_, i) => Array.from(w.x.subarray(i * d, (i + 1) * d)));
}
