import type { Compute } from '../compute/compute';
import type { AutoencoderSpec } from '../spec';
import { type DropoutMasks, dropoutMasks } from './dropout';
import { initialWeights } from './init';
import { type NetBuffers, netBuffers, networkBackward, networkForward, networkLoss } from './network';
import { Params } from './params';
import { gatherWindows, scatterWindows } from './windows-io';

/** Buffer sets kept per (batch size, mode); older ones are freed beyond this many. */
const MAX_BUFFER_SETS = 6;

/**
 * The computing core of the LSTM autoencoder on one thread: parameters, per-batch-size buffers, and the
 * hand-written forward and backward passes over a {@link Compute}. No optimizer: {@link LstmAutoencoder} owns Adam
 * and splits batches into shards, one per thread, each computed by a core like this one.
 *
 * @example
 * const core = new LstmEngine(spec, () => wasmCompute());
 * const loss = core.shardGradients(x, order, 0, 16, 0, 32 * 30, 0);
 */
export class LstmEngine {
  readonly params: Params;
  private readonly g: Compute;
  private readonly buffers = new Map<string, NetBuffers>();
  private disposed = false;

  /**
   * Keras-initialised from `spec.seed`; with `initialise` false all zeros, for a core that is given its values
   * before it computes (a gradient worker: the initialisation takes about 0.2 s that its thread's start would wait).
   */
  constructor(
    readonly spec: AutoencoderSpec,
    private readonly newCompute: () => Compute,
    initialise = true,
  ) {
    this.g = newCompute();
    this.params = new Params(spec, this.g);
    if (initialise) this.params.set(initialWeights(spec));
  }

  /** Name of the compute provider, e.g. `wasm-simd-fma`. */
  get computeName(): string {
    return this.g.name;
  }

  /** The compute provider that holds the parameters (for the optimizer step on them). */
  get gemm(): Compute {
    return this.g;
  }

  /**
   * Loss and gradients (into `params.grads`) for windows order[start .. start + B - 1], with the dropout masks
   * of rows row0 .. row0 + B - 1 of training step `step` (none when `step` < 0 or the spec has no dropout). The
   * loss gradient is scaled by 1 / `norm`; returns the loss summed over the shard's values.
   */
  shardGradients(
    x: Float32Array,
    order: ArrayLike<number>,
    start: number,
    B: number,
    row0: number,
    norm: number,
    step: number,
  ): number {
    this.live();
    const { window: T, features: F, dropout, seed, encoder } = this.spec;
    const nb = this.buffersFor(B, true);
    gatherWindows(x, T, F, order, start, B, nb.X.f);
    nb.g.touch(nb.X);
    const k = encoder.length;
    let masks: DropoutMasks | null = null;
    if (dropout > 0 && step >= 0) {
      const { maskEnc, maskDec } = nb;
      if (nb.g.cell && maskEnc && maskDec) {
        nb.g.cell.dropoutMasks(dropout, seed, step, row0, B, T, maskEnc, maskDec);
        // Views taken when read: a provider allocating later in the pass (packed weights, a workspace) may grow
        // the wasm memory, which detaches every view taken before.
        masks = {
          get enc() {
            return maskEnc.f;
          },
          get dec() {
            return maskDec.f;
          },
        };
      } else {
        masks = dropoutMasks(dropout, seed, step, row0, B, T, encoder[k - 1], encoder[0]);
      }
    }
    networkForward(this.params, nb, masks);
    const loss = networkLoss(nb, this.spec.loss, norm);
    networkBackward(this.params, nb, masks);
    return loss;
  }

  /**
   * Reconstruct windows first .. first + B - 1 of `x` (inference, no dropout) into the same places of `out`, in
   * buffers of `rows` >= B windows: the rows past B are computed and dropped (each window's reconstruction is its
   * own, so the numbers are those of a batch of B), and one buffer set serves a prediction's batches of every
   * size (a set for 256 windows is about 40 MB).
   * @throws Error when `rows` < B.
   */
  reconstruct(x: Float32Array, first: number, B: number, out: Float32Array, rows = B): void {
    this.live();
    if (!(Number.isInteger(rows) && rows >= B)) throw new Error(`invalid rows: ${rows} for a batch of ${B}`);
    const { window: T, features: F } = this.spec;
    const nb = this.buffersFor(rows, false);
    gatherWindows(x, T, F, null, first, B, nb.X.f, rows);
    nb.g.touch(nb.X);
    networkForward(this.params, nb, null);
    scatterWindows(nb.Y.f, T, F, first, B, out, rows);
  }

  /** Replace all parameters from a flat vector (Keras order). */
  loadFlat(values: Float32Array): void {
    this.live();
    this.params.values.f.set(values);
    this.params.changed();
  }

  /** Free every buffer. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const nb of this.buffers.values()) nb.g.dispose();
    this.buffers.clear();
    this.g.dispose();
  }

  /** @throws Error `autoencoder is disposed` after {@link dispose}. */
  live(): void {
    if (this.disposed) throw new Error('autoencoder is disposed');
  }

  private buffersFor(B: number, training: boolean): NetBuffers {
    const key = `${B}:${training}`;
    let nb = this.buffers.get(key);
    if (nb) {
      // Most recently used last.
      this.buffers.delete(key);
    } else {
      nb = netBuffers(this.params, this.newCompute, B, training);
      while (this.buffers.size >= MAX_BUFFER_SETS) {
        const [oldKey, old] = this.buffers.entries().next().value as [string, NetBuffers];
        old.g.dispose();
        this.buffers.delete(oldKey);
      }
    }
    this.buffers.set(key, nb);
    return nb;
  }
}
