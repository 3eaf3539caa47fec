import { invalid } from '../../util/errors';
import type { Autoencoder, BatchCallback, NamedWeight } from '../autoencoder';
import type { Compute } from '../compute/compute';
import { type AutoencoderSpec, resolveSpec } from '../spec';
import { Adam } from './adam';
import { type AerBuffers, aerBackward, aerBuffers, aerForward, aerLoss, aerOutputLoss } from './aer-network';
import { AerParams, type AerSpec, aerInitialWeights } from './aer-params';
import { checkWindows, gatherWindows, scatterWindows } from './windows-io';

/** Buffer sets kept per (batch size, mode); older ones are freed beyond this many. */
const MAX_BUFFER_SETS = 4;

/**
 * The AER model (see {@link AerSpec}) on the engine: the autoencoder's LSTM forward and backward passes and
 * kernels, run in both directions ({@link biForward}), Keras Adam, one thread. As an {@link Autoencoder} its
 * "reconstruction" of a window is its whole output: the step before the inner part, the inner part, the step
 * after it; `spec` is the equivalent autoencoder spec (MSE, no dropout), so `trainAutoencoder` trains it; its
 * validation loss is AER's own ({@link AerModel.evaluate}, passed as the `valLoss` hook). Seeded: the same spec and data give the same bits.
 *
 * @example
 * const m = new AerModel(aerSpec, 'wasm', computeFactory('auto'));
 * const loss = await m.trainEpoch(x, n, order, 64);
 * const out = await m.predict(x, n); // [n, window, features]: ry, the inner steps, fy
 */
export class AerModel implements Autoencoder {
  readonly spec: AutoencoderSpec;
  readonly params: AerParams;
  private readonly g: Compute;
  private readonly adam: Adam;
  private readonly buffers = new Map<string, AerBuffers>();
  private disposed = false;

  /** @throws InputError for an invalid field of the spec (a window below 4 steps among them). */
  constructor(
    readonly aer: AerSpec,
    readonly backend: string,
    private readonly newCompute: () => Compute,
  ) {
    // the encoder reads the window's inner window - 2 >= 2 steps
    if (!Number.isInteger(aer.window) || aer.window < 4) throw invalid('window', aer.window, 'an integer >= 4 for aer');
    if (!Number.isInteger(aer.units) || aer.units < 1) throw invalid('units', aer.units, 'an integer >= 1');
    if (!(aer.regRatio >= 0 && aer.regRatio <= 1)) throw invalid('reg ratio', aer.regRatio, 'in [0, 1]');
    this.spec = resolveSpec({
      window: aer.window,
      features: aer.features,
      encoder: [aer.units],
      dropout: 0,
      loss: 'mse',
      learningRate: aer.learningRate,
      seed: aer.seed,
    });
    this.g = newCompute();
    this.params = new AerParams(aer, this.g);
    this.params.set(aerInitialWeights(aer));
    this.adam = new Adam(this.params.size, { learningRate: aer.learningRate });
  }

  /** Compute provider, e.g. `native-avx2-fma, 1 thread`. */
  get engine(): string {
    return `${this.g.name}, 1 thread`;
  }

  /** One epoch of Adam steps over batches of `order`; resolves to the mean AER loss of its batches (by size). */
  async trainEpoch(
    x: Float32Array,
    n: number,
    order: ArrayLike<number>,
    batchSize: number,
    onBatch?: BatchCallback,
  ): Promise<number> {
    this.live();
    const { window: W, features: F } = this.aer;
    checkWindows(x, n, W, F, order);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
    const count = order.length;
    if (count === 0) return NaN;
    const batches = Math.ceil(count / batchSize);
    let total = 0;
    let last = Date.now();
    for (let bi = 0; bi < batches; bi++) {
      const start = bi * batchSize;
      const B = Math.min(batchSize, count - start);
      total += this.batchGradients(x, order, start, B) * B;
      this.adam.stepOn(this.g, this.params.values, this.params.grads, null);
      this.params.changed();
      onBatch?.(bi, batches);
      if (Date.now() - last > 50) {
        await new Promise((r) => setImmediate(r));
        last = Date.now();
      }
    }
    return total / count;
  }

  /** Loss and gradients (into `params.grads`) of windows order[start .. start + B - 1] as one batch. */
  private batchGradients(x: Float32Array, order: ArrayLike<number> | null, start: number, B: number): number {
    const { window: W, features: F } = this.aer;
    const ab = this.buffersFor(B, true);
    gatherWindows(x, W, F, order, start, B, ab.X.f);
    aerForward(this.params, ab);
    const loss = aerLoss(this.aer, ab, B);
    aerBackward(this.params, ab);
    return loss;
  }

  /** The whole output of each window (inference), same layout as x: [n, window, features]. */
  async predict(x: Float32Array, n: number, batchSize = 256): Promise<Float32Array> {
    this.live();
    const { window: W, features: F } = this.aer;
    checkWindows(x, n, W, F);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
    const out = new Float32Array(n * W * F);
    const rows = Math.max(1, Math.min(batchSize, n));
    let last = Date.now();
    for (let start = 0; start < n; start += rows) {
      const B = Math.min(rows, n - start);
      const ab = this.buffersFor(rows, false);
      ab.X.f.fill(0);
      gatherWindows(x, W, F, null, start, B, ab.X.f, rows);
      aerForward(this.params, ab);
      scatterWindows(ab.Y.f, W, F, start, B, out, rows);
      if (Date.now() - last > 50) {
        await new Promise((r) => setImmediate(r));
        last = Date.now();
      }
    }
    return out;
  }

  /**
   * The AER loss of n windows at the current weights (inference, no update): the weighted MSE `trainEpoch`
   * minimises, over all n windows at once. `trainAutoencoder` validates on it (its `valLoss` hook).
   * @example
   * const valLoss = await m.evaluate(val.x, val.n);
   */
  async evaluate(x: Float32Array, n: number, batchSize = 256): Promise<number> {
    return aerOutputLoss(this.aer, x, await this.predict(x, n, batchSize), n);
  }

  /** Loss and gradients at the current weights for windows `order` as one batch (no update). For tests. */
  gradients(x: Float32Array, n: number, order: ArrayLike<number>): { loss: number; grads: NamedWeight[] } {
    this.live();
    checkWindows(x, n, this.aer.window, this.aer.features, order);
    const loss = this.batchGradients(x, order, 0, order.length);
    return { loss, grads: this.params.getGrads() };
  }

  getWeights(): NamedWeight[] {
    this.live();
    return this.params.get();
  }

  setWeights(weights: NamedWeight[]): void {
    this.live();
    this.params.set(weights);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const ab of this.buffers.values()) ab.g.dispose();
    this.buffers.clear();
    this.g.dispose();
  }

  private live(): void {
    if (this.disposed) throw new Error('AER model is disposed');
  }

  private buffersFor(B: number, training: boolean): AerBuffers {
    const key = `${B}:${training}`;
    let ab = this.buffers.get(key);
    if (ab) this.buffers.delete(key);
    else {
      ab = aerBuffers(this.params, this.newCompute, B, training);
      while (this.buffers.size >= MAX_BUFFER_SETS) {
        const [oldKey, old] = this.buffers.entries().next().value as [string, AerBuffers];
        old.g.dispose();
        this.buffers.delete(oldKey);
      }
    }
    this.buffers.set(key, ab);
    return ab;
  }
}
